/**
 * Edits of the team's `.pressreleaserc.json` as WorkspaceEdits, so that the
 * editor applies them (with undo) and the server keeps no state: the file is
 * read when the code action is asked for.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkspaceEdit } from 'vscode-languageserver';
import { CONFIG_FILE_NAME } from './core/index';

export type NameList = 'names' | 'ignoreNames';

/**
 * An edit that adds `name` to a list in the config file of `dir`, creating
 * the file when there is none. Undefined when the file cannot be read as a
 * JSON object, since rewriting it would lose what the team wrote.
 */
export function addNameEdit(dir: string, list: NameList, name: string): WorkspaceEdit | undefined {
  const file = path.join(dir, CONFIG_FILE_NAME);
  const uri = pathToFileURL(file).href;
  let text: string | undefined;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    text = undefined;
  }
  if (text === undefined) {
    const content = `${JSON.stringify({ [list]: [name] }, null, 2)}\n`;
    return {
      documentChanges: [
        { kind: 'create', uri, options: { ignoreIfExists: true } },
        { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: content }] },
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
  const current = Array.isArray(obj[list]) ? (obj[list] as unknown[]) : [];
  if (current.includes(name)) return undefined;
  obj[list] = [...current, name];
  const lines = text.split(/\r\n|\r|\n/);
  const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
  return { changes: { [uri]: [{ range: { start: { line: 0, character: 0 }, end }, newText: `${JSON.stringify(obj, null, 2)}\n` }] } };
}
