/**
 * The language server. It owns documents, settings and one analysis per
 * document version; every handler looks the document up, gets that shared
 * analysis and delegates to the core.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DocumentLink,
  FoldingRange,
  Hover,
  MarkupKind,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  SymbolInformation,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type CodeAction,
  type Connection,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  Analyzer,
  CONFIG_FILE_NAME,
  documentLinks,
  feedStats,
  foldingRanges,
  hoverAt,
  outline,
  readConfig,
  readConfigText,
  releaseName,
  resolveConfig,
  selectFixes,
  type Analysis,
  type Config,
  type FeedStats,
} from './core/index';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND, fixAllAction, quickFixFor, toDiagnostic, toDocumentSymbol, toLspEdits, toRange } from './convert';

export const STATS_REQUEST = 'pressRelease/stats';
/** Diagnostics wait this long after a keystroke so that fast typing is analysed once. */
const DEBOUNCE_MS = 150;

interface DocState {
  version: number;
  configKey: string;
  analysis: Analysis;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const analyzers = new Map<string, Analyzer>();
  const analyses = new Map<string, DocState>();
  const configs = new Map<string, Promise<Config>>();
  const timers = new Map<string, NodeJS.Timeout>();
  const reportedConfigErrors = new Set<string>();
  let folders: WorkspaceFolder[] = [];
  let canPullConfig = false;
  let canRegisterConfigChange = false;

  connection.onInitialize((params): InitializeResult => {
    folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    canPullConfig = !!params.capabilities.workspace?.configuration;
    canRegisterConfigChange = !!params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        hoverProvider: true,
        foldingRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'press-release-lint' },
    };
  });

  connection.onInitialized(() => {
    if (canRegisterConfigChange) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'pressRelease' });
    if (folders.length > 0) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        folders = folders.filter((f) => !e.removed.some((r) => r.uri === f.uri)).concat(e.added);
        invalidateAll();
      });
    }
  });

  /** The folder whose `.pressreleaserc.json` applies: the deepest workspace folder holding the file, else its own directory. */
  function configDir(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    const owner = folders.filter((f) => uri.startsWith(f.uri.endsWith('/') ? f.uri : `${f.uri}/`)).sort((a, b) => b.uri.length - a.uri.length)[0];
    try {
      return owner ? fileURLToPath(owner.uri) : path.dirname(fileURLToPath(uri));
    } catch {
      return undefined;
    }
  }

  function reportConfigErrors(errors: string[]): void {
    const fresh = errors.filter((e) => !reportedConfigErrors.has(e));
    if (fresh.length === 0) return;
    fresh.forEach((e) => reportedConfigErrors.add(e));
    connection.console.warn(fresh.join('\n'));
    const text = `Press Release Lint: ${fresh[0]}${fresh.length > 1 ? ` (and ${fresh.length - 1} more; see the output)` : ''}. The defaults are used for those settings.`;
    // A notification, not a request: the server does not wait on, or fail with, the client's message box.
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: text });
  }

  async function loadConfig(uri: string): Promise<Config> {
    const errors: string[] = [];
    let settings: unknown;
    if (canPullConfig) {
      try {
        settings = await connection.workspace.getConfiguration({ scopeUri: uri, section: 'pressRelease' });
      } catch (e) {
        errors.push(`could not read settings (${(e as Error).message})`);
      }
    }
    const fromSettings = readConfig(settings, 'settings');
    errors.push(...fromSettings.errors);
    const layers = [fromSettings.layer];
    const dir = configDir(uri);
    if (dir) {
      const file = path.join(dir, CONFIG_FILE_NAME);
      let text: string | undefined;
      try {
        text = await fs.promises.readFile(file, 'utf8');
      } catch {
        // No config file is the common case, not an error.
      }
      if (text !== undefined) {
        const fromFile = readConfigText(text, file);
        errors.push(...fromFile.errors);
        layers.push(fromFile.layer);
      }
    }
    reportConfigErrors(errors);
    return resolveConfig(...layers);
  }

  function getConfig(uri: string): Promise<Config> {
    let p = configs.get(uri);
    if (!p) {
      p = loadConfig(uri);
      configs.set(uri, p);
    }
    return p;
  }

  /** The analysis of the document's current version, computed once and shared by every feature. */
  async function getAnalysis(doc: TextDocument): Promise<Analysis> {
    const config = await getConfig(doc.uri);
    const configKey = JSON.stringify(config);
    const cached = analyses.get(doc.uri);
    if (cached && cached.version === doc.version && cached.configKey === configKey) return cached.analysis;
    let analyzer = analyzers.get(doc.uri);
    if (!analyzer) {
      analyzer = new Analyzer((rule, e) => connection.console.error(`Rule ${rule.id} failed: ${(e as Error).stack ?? String(e)}`));
      analyzers.set(doc.uri, analyzer);
    }
    const analysis = analyzer.analyze(doc.getText(), { config });
    analyses.set(doc.uri, { version: doc.version, configKey, analysis });
    return analysis;
  }

  async function validate(uri: string): Promise<void> {
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const analysis = await getAnalysis(doc);
    // A newer edit will publish its own diagnostics; stale ones would flicker.
    if (documents.get(uri)?.version !== version) return;
    const diagnostics = analysis.findings.map((f) => toDiagnostic(doc, uri, f));
    await connection.sendDiagnostics({ uri, version, diagnostics });
  }

  function schedule(uri: string, delay: number): void {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        validate(uri).catch((e) => connection.console.error(`Validation of ${uri} failed: ${(e as Error).stack ?? String(e)}`));
      }, delay),
    );
  }

  function invalidateAll(): void {
    configs.clear();
    for (const doc of documents.all()) schedule(doc.uri, 0);
  }

  documents.onDidOpen((e) => schedule(e.document.uri, 0));
  documents.onDidChangeContent((e) => schedule(e.document.uri, DEBOUNCE_MS));
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    analyses.delete(e.document.uri);
    analyzers.delete(e.document.uri);
    configs.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  connection.onDidChangeConfiguration(() => invalidateAll());
  connection.onDidChangeWatchedFiles(() => invalidateAll());

  /** Looks the document up and waits for its analysis; undefined when it is gone or the request was cancelled. */
  async function withAnalysis(uri: string, token: CancellationToken): Promise<{ doc: TextDocument; analysis: Analysis } | undefined> {
    const doc = documents.get(uri);
    if (!doc || token.isCancellationRequested) return undefined;
    const analysis = await getAnalysis(doc);
    return token.isCancellationRequested ? undefined : { doc, analysis };
  }

  connection.onDocumentSymbol(async (params, token) => {
    const got = await withAnalysis(params.textDocument.uri, token);
    return got ? outline(got.analysis).map((n) => toDocumentSymbol(got.doc, n)) : null;
  });

  connection.onWorkspaceSymbol(async (params, token) => {
    const query = params.query.toLowerCase();
    const out: SymbolInformation[] = [];
    for (const doc of documents.all()) {
      const got = await withAnalysis(doc.uri, token);
      if (!got) return out;
      for (const r of got.analysis.feed.releases) {
        const name = releaseName(r);
        if (!fuzzyMatch(query, name.toLowerCase())) continue;
        out.push(SymbolInformation.create(name, SymbolKind.Module, toRange(doc, r.title ? r.title.span : r.span), doc.uri, r.category?.name));
      }
    }
    return out;
  });

  connection.onHover(async (params, token): Promise<Hover | null> => {
    const got = await withAnalysis(params.textDocument.uri, token);
    if (!got) return null;
    const info = hoverAt(got.analysis, got.doc.offsetAt(params.position));
    return info ? { contents: { kind: MarkupKind.Markdown, value: info.markdown }, range: toRange(got.doc, info.span) } : null;
  });

  connection.onFoldingRanges(async (params, token) => {
    const got = await withAnalysis(params.textDocument.uri, token);
    return got ? foldingRanges(got.analysis).map((f) => FoldingRange.create(f.startLine, f.endLine)) : null;
  });

  connection.onDocumentLinks(async (params, token) => {
    const got = await withAnalysis(params.textDocument.uri, token);
    return got ? documentLinks(got.analysis).map((l) => DocumentLink.create(toRange(got.doc, l.span), l.target)) : null;
  });

  connection.onCodeAction(async (params, token) => {
    const uri = params.textDocument.uri;
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      for (const d of params.context.diagnostics) {
        const action = quickFixFor(uri, d);
        if (action) actions.push(action);
      }
    }
    // Fix-all is offered only when asked for by kind, as on save, so the light bulb stays about the cursor.
    if (only && wants(FIX_ALL_KIND)) {
      const got = await withAnalysis(uri, token);
      if (!got) return null;
      const edits = selectFixes(got.analysis.findings, true).flatMap((f) => toLspEdits(got.doc, f));
      if (edits.length > 0) actions.push(fixAllAction(uri, edits));
    }
    return actions;
  });

  connection.onRequest(STATS_REQUEST, async (params: { uri: string }, token): Promise<FeedStats | null> => {
    const got = await withAnalysis(params.uri, token);
    return got ? feedStats(got.analysis) : null;
  });

  documents.listen(connection);
  connection.listen();
  connection.console.info(`Press Release Lint server started (${DIAGNOSTIC_SOURCE}).`);
}

/** Subsequence match, the way VS Code's symbol pickers filter. */
function fuzzyMatch(query: string, name: string): boolean {
  let i = 0;
  for (let j = 0; j < name.length && i < query.length; j++) if (name[j] === query[i]) i++;
  return i === query.length;
}

const connection = createConnection(ProposedFeatures.all);
// The server outlives any one bad request: log what escaped instead of exiting and losing every feature.
process.on('unhandledRejection', (e) => connection.console.error(`Unhandled rejection: ${(e as Error)?.stack ?? String(e)}`));
process.on('uncaughtException', (e) => connection.console.error(`Uncaught exception: ${e.stack ?? String(e)}`));
startServer(connection);
