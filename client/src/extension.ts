/**
 * The VS Code side: it starts the language server, and owns only what the
 * editor itself must do (commands, the status bar, the Releases view, where rule links lead).
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
import { registerReleasesView } from './releasesView';
import { ruleDocLinks } from './ruleDocs';
import { releaseTemplate, TEMPLATE_CHOICES, type Day, type TemplateFormat } from './templates';

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
    // Only files and untitled documents, as vscode-eslint does: a `git:` diff view or a read-only remote view of
    // a file is another copy of a text the server already has, and would duplicate every title in the index.
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
    ],
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
  registerReleasesView(context, client);
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

function today(): Day {
  const d = new Date();
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

/** The format to write a new release in: the command's argument when a caller gives one, or the user's pick. */
async function pickFormat(given: unknown): Promise<TemplateFormat | undefined> {
  const known = TEMPLATE_CHOICES.find((c) => c.format === given);
  if (known) return known.format;
  const picked = await vscode.window.showQuickPick(TEMPLATE_CHOICES, { placeHolder: 'Which kind of press release?' });
  return picked?.format;
}

/**
 * Inserts a release template as a snippet, so Tab walks through the parts an editor must fill in. An empty
 * press-release editor takes it at the cursor; anything else would mix two releases, or two formats, in one
 * file, so the template goes into a new untitled document instead.
 */
async function newRelease(format?: unknown): Promise<void> {
  const chosen = await pickFormat(format);
  if (!chosen) return;
  const snippet = new vscode.SnippetString(releaseTemplate(chosen, today()));
  const active = vscode.window.activeTextEditor;
  if (active && active.document.languageId === LANGUAGE_ID && active.document.getText().trim() === '') {
    await active.insertSnippet(snippet, active.selection.active);
    return;
  }
  const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: '' });
  const editor = await vscode.window.showTextDocument(doc);
  await editor.insertSnippet(snippet, new vscode.Position(0, 0));
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

/** How the status bar names the format; a feed is named by its count of releases instead. */
const FORMAT_NAMES: Record<FeedStats['format'], string> = { wire: 'Standard release', feed: 'Feed' };

function showStats(item: vscode.StatusBarItem, stats: FeedStats): void {
  const { releases, errors, warnings, problems } = stats;
  const count = `${problems} problem${problems === 1 ? '' : 's'}`;
  const what = stats.format === 'wire' ? FORMAT_NAMES.wire : `${releases} release${releases === 1 ? '' : 's'}`;
  item.text = `$(${stats.format === 'wire' ? 'file-text' : 'book'}) ${what} · $(warning) ${count}`;
  const how =
    stats.formatFrom === 'detected'
      ? 'detected from the text (set pressRelease.format to choose)'
      : 'set by pressRelease.format or .pressreleaserc.json';
  item.tooltip = [
    `${FORMAT_NAMES[stats.format]}: ${how}`,
    `${releases} release${releases === 1 ? '' : 's'}, ${errors} errors, ${warnings} warnings, ${count} in all`,
  ].join('\n');
  item.show();
}
