/**
 * Edits of the team's `.pressreleaserc.json` as WorkspaceEdits, so that the
 * editor applies them (with undo) and the server keeps no state: the file is
 * read when the code action is asked for. Whatever is on disk, this never
 * throws; a file it cannot safely rewrite gets no edit.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkspaceEdit } from 'vscode-languageserver';
import { CONFIG_FILE_NAME } from './core/index';

export type NameList = 'names' | 'ignoreNames';

export interface NameEditOptions {
  /** Whether the client can apply an edit that creates the file (resource operations and documentChanges). */
  canCreate: boolean;
}

/**
 * An edit that adds `name` to a list in the config file of `dir`, creating
 * the file when there is none and the client can create files. Undefined
 * when the file cannot be read as a JSON object or its list is not a list
 * of strings, since rewriting it would lose what the team wrote.
 */
export function addNameEdit(
  dir: string,
  list: NameList,
  name: string,
  options: NameEditOptions = { canCreate: true },
): WorkspaceEdit | undefined {
  try {
    return nameEdit(dir, list, name, options);
  } catch {
    // A code action is a suggestion: a file system that misbehaves costs this one action, not the request.
    return undefined;
  }
}

function nameEdit(dir: string, list: NameList, name: string, options: NameEditOptions): WorkspaceEdit | undefined {
  const file = path.join(dir, CONFIG_FILE_NAME);
  const uri = pathToFileURL(file).href;
  const text = readIfPresent(file);
  if (text === null) return undefined;
  if (text === undefined) {
    if (!options.canCreate) return undefined;
    const content = `${JSON.stringify({ [list]: [name] }, null, 2)}\n`;
    const start = { line: 0, character: 0 };
    return {
      documentChanges: [
        { kind: 'create', uri, options: { ignoreIfExists: true } },
        { textDocument: { uri, version: null }, edits: [{ range: { start, end: start }, newText: content }] },
      ],
    };
  }
  let config: unknown;
  try {
    config = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return undefined;
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config)) return undefined;
  const obj = config as Record<string, unknown>;
  const current = obj[list] ?? [];
  if (!Array.isArray(current) || !current.every((n) => typeof n === 'string')) return undefined;
  if (current.includes(name)) return undefined;
  obj[list] = [...current, name];
  const lines = text.split(/\r\n|\r|\n/);
  const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
  const newText = `${JSON.stringify(obj, null, 2)}\n`;
  return { changes: { [uri]: [{ range: { start: { line: 0, character: 0 }, end }, newText }] } };
}

/** The file's text; undefined when there is no file, null when there is something that cannot be read as one. */
function readIfPresent(file: string): string | undefined | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : null;
  }
}
