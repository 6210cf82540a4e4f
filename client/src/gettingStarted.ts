/**
 * The commands behind the walkthrough's steps that VS Code has no command for: opening the sample feed, and
 * creating the team's `.pressreleaserc.json`.
 */
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../../shared/protocol';

const CONFIG_FILE_NAME = '.pressreleaserc.json';

/** What a new config file holds: the keys a team sets first, at their defaults, so they are easy to change. */
const CONFIG_KEYS = { dateFormat: 'DD.MM.YYYY', rules: {}, names: [], ignoreNames: [] };
const CONFIG_TEMPLATE = `${JSON.stringify(CONFIG_KEYS, null, 2)}\n`;

/**
 * Opens the sample feed shipped with the extension as an untitled document: the user can try every fix on it,
 * and the shipped file, which every later walkthrough reads, is never changed.
 */
export async function openSample(context: vscode.ExtensionContext): Promise<void> {
  const bytes = await vscode.workspace.fs.readFile(
    vscode.Uri.joinPath(context.extensionUri, 'samples', 'sample.release'),
  );
  const content = new TextDecoder().decode(bytes);
  const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
  await vscode.window.showTextDocument(doc);
}

/**
 * Creates `.pressreleaserc.json` at the root of a workspace folder, or opens the one that is there. The root is
 * where a team keeps it: the file applies to every feed below it, up to the repository root.
 */
export async function createConfig(): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder = folders.length > 1 ? await vscode.window.showWorkspaceFolderPick() : folders[0];
  if (!folder) {
    if (folders.length === 0)
      void vscode.window.showInformationMessage(`Open a folder to create ${CONFIG_FILE_NAME} in.`);
    return;
  }
  const file = vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME);
  const exists = await vscode.workspace.fs.stat(file).then(
    () => true,
    () => false,
  );
  if (!exists) await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(CONFIG_TEMPLATE));
  await vscode.window.showTextDocument(file);
}
