/**
 * The language server. It owns documents, settings and one analysis per
 * document version; every handler looks the document up, gets that shared
 * analysis and delegates to the core.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeAction as LspCodeAction,
  CodeActionKind,
  CompletionItemKind,
  DidChangeConfigurationNotification,
  ErrorCodes,
  ResponseError,
  DocumentHighlight,
  DocumentHighlightKind,
  DocumentLink,
  FoldingRange,
  Hover,
  MarkupKind,
  MessageType,
  ShowMessageNotification,
  SemanticTokensBuilder,
  SymbolInformation,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type CodeAction,
  type Connection,
  type Diagnostic,
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
  nameCompletions,
  nameOccurrences,
  outline,
  prepareRenameName,
  readConfig,
  readConfigText,
  releaseName,
  renameEdits,
  resolveConfig,
  selectFixes,
  SEMANTIC_TOKEN_TYPES,
  semanticNameTokens,
  type Analysis,
  type Config,
  type FeedStats,
} from './core/index';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND, fixAllAction, fixData, quickFixesFor, toDiagnostic, toDocumentSymbol, toLspEdits, toRange } from './convert';
import { addNameEdit } from './rcEdit';

export const STATS_REQUEST = 'pressRelease/stats';
/** Diagnostics wait this long after a keystroke so that fast typing is analysed once. */
const DEBOUNCE_MS = 150;

interface DocState {
  version: number;
  /** The config the analysis was made with; a re-read config is a new object, so identity tells a change. */
  config: Config;
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
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        completionProvider: { resolveProvider: false },
        semanticTokensProvider: { legend: { tokenTypes: [...SEMANTIC_TOKEN_TYPES], tokenModifiers: [] }, full: true },
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
    const cached = analyses.get(doc.uri);
    if (cached && cached.version === doc.version && cached.config === config) return cached.analysis;
    let analyzer = analyzers.get(doc.uri);
    if (!analyzer) {
      analyzer = new Analyzer((rule, e) => connection.console.error(`Rule ${rule.id} failed: ${(e as Error).stack ?? String(e)}`));
      analyzers.set(doc.uri, analyzer);
    }
    const analysis = analyzer.analyze(doc.getText(), { config });
    analyses.set(doc.uri, { version: doc.version, config, analysis });
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
        actions.push(...quickFixesFor(uri, d));
        const name = fixData(d)?.facts?.name;
        const dir = name ? configDir(uri) : undefined;
        if (name && dir) actions.push(...nameListActions(dir, name, d));
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

  connection.onReferences(async (params, token) => {
    const got = await withAnalysis(params.textDocument.uri, token);
    if (!got) return null;
    return nameOccurrences(got.analysis, got.doc.offsetAt(params.position)).map((span) => ({ uri: params.textDocument.uri, range: toRange(got.doc, span) }));
  });

  connection.onDocumentHighlight(async (params, token) => {
    const got = await withAnalysis(params.textDocument.uri, token);
    if (!got) return null;
    return nameOccurrences(got.analysis, got.doc.offsetAt(params.position)).map((span) => DocumentHighlight.create(toRange(got.doc, span), DocumentHighlightKind.Text));
  });

  connection.onPrepareRename(async (params, token) => {
    const got = await withAnalysis(params.textDocument.uri, token);
    if (!got) return null;
    const span = prepareRenameName(got.analysis, got.doc.offsetAt(params.position));
    // Returning null makes the editor say that this element cannot be renamed.
    return span ? { range: toRange(got.doc, span), placeholder: got.doc.getText(toRange(got.doc, span)) } : null;
  });

  connection.onRenameRequest(async (params, token) => {
    const got = await withAnalysis(params.textDocument.uri, token);
    if (!got) return null;
    const newName = params.newName.trim();
    if (!/^\p{L}[\p{L}\p{M}’'.\- ]*$/u.test(newName)) throw new ResponseError(ErrorCodes.InvalidParams, `"${params.newName}" is not a name`);
    const edits = renameEdits(got.analysis, got.doc.offsetAt(params.position), newName);
    return edits ? { changes: { [params.textDocument.uri]: edits.map((e) => ({ range: toRange(got.doc, e), newText: e.newText })) } } : null;
  });

  connection.onCompletion(async (params, token) => {
    const got = await withAnalysis(params.textDocument.uri, token);
    if (!got) return null;
    const offset = got.doc.offsetAt(params.position);
    const text = got.doc.getText();
    let start = offset;
    while (start > 0 && /[\p{L}\p{M}’'-]/u.test(text[start - 1])) start--;
    const prefix = text.slice(start, offset);
    // Names start with a capital; completing lower-case words would only get in the way of typing prose.
    if (!/^\p{Lu}/u.test(prefix)) return { isIncomplete: false, items: [] };
    const range = toRange(got.doc, { start, end: offset });
    const items = nameCompletions(got.analysis, prefix).slice(0, 50).map((c, i) => ({
      label: c.label,
      kind: c.kind === 'person' ? CompletionItemKind.Reference : c.kind === 'place' ? CompletionItemKind.Module : CompletionItemKind.Class,
      detail: c.count > 0 ? `${c.kind === 'unknown' ? 'name' : c.kind} · ${c.count}× in this feed${c.variants.length ? ` · also spelled ${c.variants.join(', ')}` : ''}` : 'from the names list',
      sortText: String(i).padStart(4, '0'),
      textEdit: { range, newText: c.label },
    }));
    return { isIncomplete: true, items };
  });

  connection.languages.semanticTokens.on(async (params, token) => {
    const got = await withAnalysis(params.textDocument.uri, token);
    const builder = new SemanticTokensBuilder();
    if (!got) return builder.build();
    for (const t of semanticNameTokens(got.analysis)) {
      const p = got.doc.positionAt(t.span.start);
      builder.push(p.line, p.character, t.span.end - t.span.start, t.type, 0);
    }
    return builder.build();
  });

  connection.onRequest(STATS_REQUEST, async (params: { uri: string }, token): Promise<FeedStats | null> => {
    const got = await withAnalysis(params.uri, token);
    return got ? feedStats(got.analysis) : null;
  });

  documents.listen(connection);
  connection.listen();
  connection.console.info(`Press Release Lint server started (${DIAGNOSTIC_SOURCE}).`);
}

/** The two actions that write the team's names list: make this spelling canonical, or leave the name alone. */
function nameListActions(dir: string, name: string, d: Diagnostic): LspCodeAction[] {
  const out: LspCodeAction[] = [];
  for (const [list, title] of [['names', `Add "${name}" to names as the canonical spelling`], ['ignoreNames', `Ignore the name "${name}" (ignoreNames in .pressreleaserc.json)`]] as const) {
    const edit = addNameEdit(dir, list, name);
    if (!edit) continue;
    const action = LspCodeAction.create(title, edit, CodeActionKind.QuickFix);
    action.diagnostics = [d];
    out.push(action);
  }
  return out;
}

/** Subsequence match, the way VS Code's symbol pickers filter. */
function fuzzyMatch(query: string, name: string): boolean {
  let i = 0;
  for (let j = 0; j < name.length && i < query.length; j++) if (name[j] === query[i]) i++;
  return i === query.length;
}
