/**
 * The VS Code side: it starts the language server, and owns only what the
 * editor itself must do (commands, the status bar, where rule links lead).
 * All analysis lives in the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type ClientCapabilities,
  type LanguageClientOptions,
  type ServerOptions,
  type StaticFeature,
} from 'vscode-languageclient/node';
import { LANGUAGE_ID, STATS_REQUEST, type FeedStats, type StatsParams } from '../../shared/protocol';
import { createConfig, openSample } from './gettingStarted';
import { ruleDocLinks } from './ruleDocs';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient }> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: {
      module: serverModule,
      transport: TransportKind.stdio,
      options: { execArgv: ['--nolazy', '--inspect=6010'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.pressreleaserc.json') },
    middleware: ruleDocLinks(context),
  };
  client = new LanguageClient('pressRelease', 'Press Release Lint', serverOptions, clientOptions);
  client.registerFeature(customTokenTypes);
  await client.start();

  context.subscriptions.push(
    vscode.commands.registerCommand('pressRelease.newRelease', newRelease),
    vscode.commands.registerCommand('pressRelease.reopenAsPressRelease', reopenAsPressRelease),
    vscode.commands.registerCommand('pressRelease.openSample', () => openSample(context)),
    vscode.commands.registerCommand('pressRelease.createConfig', createConfig),
  );
  registerStatusBar(context, client);
  return { client };
}

/**
 * The language client announces only the standard semantic token types, and the server falls back to
 * those for editors that know no others. VS Code knows ours from package.json's `semanticTokenTypes`,
 * so the client says so, and themes can colour people, places and organisations apart.
 */
const customTokenTypes: StaticFeature = {
  fillClientCapabilities(capabilities: ClientCapabilities): void {
    const tokens = capabilities.textDocument?.semanticTokens;
    if (tokens) tokens.tokenTypes = [...new Set([...tokens.tokenTypes, 'person', 'place', 'organization'])];
  },
  initialize: () => undefined,
  getState: () => ({ kind: 'static' }),
  clear: () => undefined,
};

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

function today(): string {
  const d = new Date();
  return `${String(d.getDate()).padStart(2, '0')}.${String(d.getMonth() + 1).padStart(2, '0')}.${d.getFullYear()}`;
}

/** Inserts a release skeleton as a snippet, so Tab walks through the parts an editor must fill in. */
async function newRelease(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('Open a press-release feed first.');
    return;
  }
  const line = editor.document.lineAt(editor.selection.active.line);
  const lead = line.isEmptyOrWhitespace ? '' : '\n';
  const skeleton = `\${1:Headline} ${today()}\n\${2:Body text.}\nSource : \${3:https://}\n`;
  const snippet = new vscode.SnippetString(`${lead}${skeleton}`);
  const at = line.isEmptyOrWhitespace ? line.range.start : line.range.end;
  await editor.insertSnippet(snippet, at);
}

async function reopenAsPressRelease(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('Open a file to reopen it as a press release.');
    return;
  }
  await vscode.languages.setTextDocumentLanguage(editor.document, LANGUAGE_ID);
}

function registerStatusBar(context: vscode.ExtensionContext, lc: LanguageClient): void {
  const item = vscode.window.createStatusBarItem('pressRelease.status', vscode.StatusBarAlignment.Left, 100);
  item.name = 'Press Release Lint';
  item.command = 'workbench.actions.view.problems';
  context.subscriptions.push(item);

  let pending: NodeJS.Timeout | undefined;
  const update = async (): Promise<void> => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== LANGUAGE_ID) {
      item.hide();
      return;
    }
    try {
      const params: StatsParams = { uri: doc.uri.toString() };
      const stats = await lc.sendRequest<FeedStats | null>(STATS_REQUEST, params);
      if (!stats) return;
      showStats(item, stats);
    } catch {
      // The server may be restarting; the next event refreshes the item.
    }
  };
  const soon = (): void => {
    clearTimeout(pending);
    pending = setTimeout(() => void update(), 200);
  };
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(soon),
    vscode.languages.onDidChangeDiagnostics(soon),
    { dispose: () => clearTimeout(pending) },
  );
  soon();
}

function showStats(item: vscode.StatusBarItem, stats: FeedStats): void {
  const { releases, errors, warnings, problems } = stats;
  item.text = `$(book) ${releases} release${releases === 1 ? '' : 's'}  $(warning) ${problems}`;
  item.tooltip = `${releases} releases, ${errors} errors, ${warnings} warnings, ${problems} problems in all`;
  item.show();
}
