/**
 * Edits of the team's `.pressreleaserc.json` as WorkspaceEdits, so that the editor applies them (with
 * undo). They are built from the file as the config store read it when it loaded the document's config, so
 * a code action reads no file; whatever that text holds, this never throws, and a file it cannot safely
 * rewrite gets no edit.
 */
import { pathToFileURL } from 'node:url';
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import type { ConfigFile } from './configStore';

export type NameList = 'names' | 'ignoreNames';

export interface NameEditOptions {
  /** Whether the client can apply an edit that creates the file (resource operations and documentChanges). */
  canCreate: boolean;
}

/**
 * An edit that adds `name` to a list in the config file, creating the file when there is none and the
 * client can create files. Undefined when the file cannot be read as a JSON object or its list is not a
 * list of strings, since rewriting it would lose what the team wrote.
 */
export function addNameEdit(
  file: ConfigFile,
  list: NameList,
  name: string,
  options: NameEditOptions = { canCreate: true },
): WorkspaceEdit | undefined {
  const uri = pathToFileURL(file.path).href;
  if (file.text === null) return undefined;
  if (file.text === undefined) return options.canCreate ? createFileEdit(uri, list, name) : undefined;
  const config = parseObject(file.text);
  if (!config) return undefined;
  const current = config[list] ?? [];
  if (!Array.isArray(current) || !current.every((n) => typeof n === 'string')) return undefined;
  if (current.includes(name)) return undefined;
  config[list] = [...current, name];
  const lines = file.text.split(/\r\n|\r|\n/);
  const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
  const newText = `${JSON.stringify(config, null, 2)}\n`;
  return { changes: { [uri]: [{ range: { start: { line: 0, character: 0 }, end }, newText }] } };
}

function createFileEdit(uri: string, list: NameList, name: string): WorkspaceEdit {
  const content = `${JSON.stringify({ [list]: [name] }, null, 2)}\n`;
  const start = { line: 0, character: 0 };
  return {
    documentChanges: [
      { kind: 'create', uri, options: { ignoreIfExists: true } },
      { textDocument: { uri, version: null }, edits: [{ range: { start, end: start }, newText: content }] },
    ],
  };
}

/** The text as a JSON object (a BOM allowed), or undefined when it is not one. */
function parseObject(text: string): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return undefined;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
