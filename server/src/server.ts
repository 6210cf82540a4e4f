/**
 * The language server. It owns documents, settings and one analysis per
 * document version; every handler looks the document up, gets that shared
 * analysis and delegates to the core. The process around it (transport,
 * process-level handlers) lives in main.ts, so that tests can run it on any
 * connection.
 */
import {
  CodeActionRequest,
  CompletionRequest,
  DidChangeConfigurationNotification,
  DocumentHighlightRequest,
  DocumentLinkRequest,
  DocumentSymbolRequest,
  ErrorCodes,
  FoldingRangeRequest,
  HoverRequest,
  MessageType,
  ParameterStructures,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  RequestType,
  ResponseError,
  SemanticTokensRequest,
  ShowMessageNotification,
  SymbolInformation,
  TextDocuments,
  TextDocumentSyncKind,
  WorkspaceSymbolRequest,
  type CancellationToken,
  type Connection,
  type InitializeResult,
  type NotificationHandler,
  type RequestHandler,
  type WorkspaceFolder,
  type TextEdit,
  type WillSaveTextDocumentParams,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  Analyzer,
  documentLinks,
  feedStats,
  foldingRanges,
  hoverAt,
  nameCompletionsAt,
  nameOccurrences,
  outline,
  prepareRenameName,
  releaseSymbols,
  renameEdits,
  renameRefusal,
  semanticNameTokens,
  type Analysis,
  type Config,
  type FeedStats,
} from './core/index';
import { guardNotification, guardRequest } from './boundary';
import { untilCancelled } from './cancellation';
import { readClientFeatures, type ClientFeatures } from './capabilities';
import { codeActions } from './codeActions';
import { ConfigStore } from './configStore';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND, STATS_REQUEST, type StatsParams } from '../../shared/protocol';
import {
  documentEdit,
  toCompletionList,
  toDiagnostic,
  toDocumentHighlight,
  toDocumentLink,
  toDocumentSymbol,
  toFoldingRange,
  toHover,
  toLocation,
  toPrepareRename,
  toSemanticTokens,
  toSymbolInformation,
  toTextEdits,
} from './convert';
import { describeError, oneLine } from './errors';
import { Lifecycle } from './lifecycle';
import { PARAMS, type Check } from './params';
import { DiagnosticsPublisher } from './publisher';
import { ClientSettings } from './settings';

/** By name, like every LSP request, so that vscode-jsonrpc refuses params sent as an array. */
const StatsRequest = new RequestType<StatsParams, FeedStats | null, void>(
  STATS_REQUEST,
  ParameterStructures.byName,
);
/** Diagnostics wait this long after a keystroke so that fast typing is analysed once. */
const DEBOUNCE_MS = 150;

interface DocState {
  version: number;
  /** The config the analysis was made with; a re-read config is a new object, so identity tells a change. */
  config: Config;
  analysis: Analysis;
}

type WillSaveHandler = (p: WillSaveTextDocumentParams, t: CancellationToken) => PromiseLike<TextEdit[] | null>;

/** What main.ts needs to know about a running server. */
export interface ServerHandle {
  readonly lifecycle: Lifecycle;
}

export function startServer(connection: Connection): ServerHandle {
  const lifecycle = new Lifecycle();
  const documents = new TextDocuments(TextDocument);
  const analyzers = new Map<string, Analyzer>();
  const analyses = new Map<string, DocState>();
  const timers = new Map<string, NodeJS.Timeout>();
  const reportedConfigErrors = new Set<string>();
  const warn = (line: string) => connection.console.warn(line);
  const log = { warn, error: (line: string) => connection.console.error(line) };
  let features: ClientFeatures = readClientFeatures(undefined);
  let settings: ClientSettings | undefined;
  const configs = new ConfigStore({
    settings: (uri) => settings?.forResource(uri) ?? Promise.resolve({ settings: undefined }),
    report: reportConfigErrors,
  });
  const publisher = new DiagnosticsPublisher(lifecycle, (params) =>
    connection
      .sendDiagnostics(params)
      .catch((e: unknown) => warn(`Could not publish diagnostics: ${describeError(e)}`)),
  );

  /** Registers a request handler behind the boundary: lifecycle, params check, cancellation. */
  function serve<P, R>(
    type: RequestType<P, R, void>,
    check: Check,
    handler: (params: P, token: CancellationToken) => R | Promise<R>,
  ): void {
    const guarded = guardRequest(lifecycle, type.method, check, log, handler);
    connection.onRequest(type, guarded as RequestHandler<P, R, void>);
  }

  function notification<P>(method: string, check: Check, handler: (params: P) => void): NotificationHandler<P> {
    return guardNotification(lifecycle, method, check, log, handler);
  }

  connection.onInitialize((params): InitializeResult => {
    lifecycle.initialize();
    features = readClientFeatures(params.capabilities);
    settings = new ClientSettings(connection, features.pullConfiguration, warn, invalidateAll);
    configs.setFolders(initialFolders(params.workspaceFolders, params.rootUri));
    connection.console.info(`Press Release Lint server started (${DIAGNOSTIC_SOURCE}).`);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        hoverProvider: true,
        foldingRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND], resolveProvider: false },
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        completionProvider: { resolveProvider: false },
        semanticTokensProvider: { legend: { tokenTypes: features.tokenTypes, tokenModifiers: [] }, full: true },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'press-release-lint' },
    };
  });

  connection.onInitialized(() => {
    if (lifecycle.phase !== 'initializing') return;
    lifecycle.initialized();
    if (features.registerConfigurationChange) {
      connection.client
        .register(DidChangeConfigurationNotification.type, { section: 'pressRelease' })
        .catch((e: unknown) => warn(`Could not register for settings changes: ${describeError(e)}`));
    }
    // vscode-languageserver throws on this handler when the client did not declare the capability.
    if (features.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(
        notification('workspace/didChangeWorkspaceFolders', PARAMS.foldersChange, (e: WorkspaceFoldersChangeEvent) => {
          configs.changeFolders(e.added, e.removed);
          invalidateAll();
        }),
      );
    }
  });

  connection.onShutdown(() => {
    lifecycle.shutdown();
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
  });

  // Requests for methods nobody handles still get the lifecycle's answer first.
  connection.onRequest((method: string) => {
    throw lifecycle.refusal(method) ?? new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${method}`);
  });

  function reportConfigErrors(errors: string[]): void {
    const fresh = errors.filter((e) => !reportedConfigErrors.has(e));
    if (fresh.length === 0) return;
    fresh.forEach((e) => reportedConfigErrors.add(e));
    warn(oneLine(fresh.join('; '), 2000));
    const more = fresh.length > 1 ? ` (and ${fresh.length - 1} more; see the output)` : '';
    const text = `Press Release Lint: ${fresh[0]}${more}. The defaults are used for those settings.`;
    // A notification, not a request: the server does not wait on, or fail with, the client's message box.
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: text });
  }

  /**
   * The analysis of the document's current version, computed once and shared by every feature; undefined
   * when the document was closed while its config loaded.
   */
  async function getAnalysis(doc: TextDocument): Promise<Analysis | undefined> {
    const config = await configs.get(doc.uri);
    // Caching for a closed document would keep its analyzer alive for good.
    if (documents.get(doc.uri) !== doc) return undefined;
    const cached = analyses.get(doc.uri);
    if (cached && cached.version === doc.version && cached.config === config) return cached.analysis;
    let analyzer = analyzers.get(doc.uri);
    if (!analyzer) {
      analyzer = new Analyzer((rule, e) => log.error(`Rule ${rule.id} failed: ${describeError(e)}`));
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
    if (!analysis || documents.get(uri)?.version !== version) return;
    const source = { text: doc.getText(), version };
    const diagnostics = analysis.findings.map((f) => toDiagnostic(doc, uri, f, source));
    // A client without data support would drop the fixes anyway; the code-action fallback finds them again.
    if (!features.diagnosticData) for (const d of diagnostics) delete d.data;
    await publisher.publish({ uri, version, diagnostics });
  }

  function schedule(uri: string, delay: number): void {
    if (lifecycle.shutdownReceived) return;
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        validate(uri).catch((e: unknown) => log.error(`Validation of ${uri} failed: ${describeError(e)}`));
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
    const uri = e.document.uri;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    analyses.delete(uri);
    analyzers.delete(uri);
    configs.forget(uri);
    void publisher.publish({ uri, diagnostics: [] });
  });
  connection.onDidChangeConfiguration(
    notification('workspace/didChangeConfiguration', PARAMS.didChangeConfiguration, (params) => {
      settings?.push(params);
      invalidateAll();
    }),
  );
  connection.onDidChangeWatchedFiles(
    notification('workspace/didChangeWatchedFiles', PARAMS.didChangeWatchedFiles, () => invalidateAll()),
  );

  /**
   * Looks the document up and waits for its analysis; undefined when the document is unknown. Throws
   * RequestCancelled as soon as the request is cancelled, even while the client's settings are awaited.
   */
  async function withAnalysis(
    uri: string,
    token: CancellationToken,
  ): Promise<{ doc: TextDocument; analysis: Analysis } | undefined> {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const analysis = await untilCancelled(getAnalysis(doc), token);
    return analysis ? { doc, analysis } : undefined;
  }

  serve(DocumentSymbolRequest.type, PARAMS.textDocument, async (params, token) => {
    const got = await withAnalysis(params.textDocument.uri, token);
    return got ? outline(got.analysis).map((n) => toDocumentSymbol(got.doc, n)) : null;
  });

  serve(WorkspaceSymbolRequest.type, PARAMS.workspaceSymbol, async (params, token) => {
    const out: SymbolInformation[] = [];
    for (const doc of documents.all()) {
      const got = await withAnalysis(doc.uri, token);
      if (!got) continue;
      out.push(...releaseSymbols(got.analysis, params.query).map((r) => toSymbolInformation(doc, doc.uri, r)));
    }
    return out;
  });

  serve(HoverRequest.type, PARAMS.position, async (params, token) => {
    const got = await withAnalysis(params.textDocument.uri, token);
    if (!got) return null;
    const info = hoverAt(got.analysis, got.doc.offsetAt(params.position));
    return info ? toHover(got.doc, info) : null;
  });

  serve(FoldingRangeRequest.type, PARAMS.textDocument, async (params, token) => {
    const got = await withAnalysis(params.textDocument.uri, token);
    return got ? foldingRanges(got.analysis).map(toFoldingRange) : null;
  });

  serve(DocumentLinkRequest.type, PARAMS.textDocument, async (params, token) => {
    const got = await withAnalysis(params.textDocument.uri, token);
    return got ? documentLinks(got.analysis).map((l) => toDocumentLink(got.doc, l)) : null;
  });

  serve(CodeActionRequest.type, PARAMS.codeAction, async (params, token) => {
    const uri = params.textDocument.uri;
    const doc = documents.get(uri);
    if (!doc) return null;
    return codeActions(params, {
      doc,
      features,
      configDir: configs.configDir(uri),
      analysis: async () => {
        const got = await withAnalysis(uri, token);
        if (!got) throw new ResponseError(ErrorCodes.InvalidParams, `${uri} is not open.`);
        return got.analysis;
      },
    });
  });

  serve(ReferencesRequest.type, PARAMS.position, async (params, token) => {
    const got = await withAnalysis(params.textDocument.uri, token);
    if (!got) return null;
    const spans = nameOccurrences(got.analysis, got.doc.offsetAt(params.position));
    return spans.map((span) => toLocation(got.doc, params.textDocument.uri, span));
  });

  serve(DocumentHighlightRequest.type, PARAMS.position, async (params, token) => {
    const got = await withAnalysis(params.textDocument.uri, token);
    if (!got) return null;
    const spans = nameOccurrences(got.analysis, got.doc.offsetAt(params.position));
    return spans.map((span) => toDocumentHighlight(got.doc, span));
  });

  serve(PrepareRenameRequest.type, PARAMS.position, async (params, token) => {
    const got = await withAnalysis(params.textDocument.uri, token);
    if (!got) return null;
    const span = prepareRenameName(got.analysis, got.doc.offsetAt(params.position));
    // Returning null makes the editor say that this element cannot be renamed.
    return span ? toPrepareRename(got.doc, span) : null;
  });

  serve(RenameRequest.type, PARAMS.rename, async (params, token) => {
    const refusal = renameRefusal(params.newName);
    if (refusal) throw new ResponseError(ErrorCodes.InvalidParams, refusal);
    const got = await withAnalysis(params.textDocument.uri, token);
    if (!got) return null;
    const edits = renameEdits(got.analysis, got.doc.offsetAt(params.position), params.newName);
    return edits ? documentEdit(params.textDocument.uri, toTextEdits(got.doc, edits)) : null;
  });

  serve(CompletionRequest.type, PARAMS.position, async (params, token) => {
    const got = await withAnalysis(params.textDocument.uri, token);
    if (!got) return null;
    return toCompletionList(got.doc, nameCompletionsAt(got.analysis, got.doc.offsetAt(params.position)));
  });

  serve(SemanticTokensRequest.type, PARAMS.textDocument, async (params, token) => {
    const got = await withAnalysis(params.textDocument.uri, token);
    return got ? toSemanticTokens(got.doc, semanticNameTokens(got.analysis)) : { data: [] };
  });

  serve(StatsRequest, PARAMS.stats, async (params, token) => {
    const got = await withAnalysis(params.uri, token);
    return got ? feedStats(got.analysis) : null;
  });

  // TextDocuments registers its own handlers; this adapter puts each of them behind the same boundary.
  documents.listen({
    onDidOpenTextDocument: (h) =>
      connection.onDidOpenTextDocument(notification('textDocument/didOpen', PARAMS.didOpen, h)),
    onDidChangeTextDocument: (h) =>
      connection.onDidChangeTextDocument(notification('textDocument/didChange', PARAMS.didChange, h)),
    onDidCloseTextDocument: (h) =>
      connection.onDidCloseTextDocument(notification('textDocument/didClose', PARAMS.didClose, h)),
    onWillSaveTextDocument: (h) =>
      connection.onWillSaveTextDocument(notification('textDocument/willSave', PARAMS.willSave, h)),
    onWillSaveTextDocumentWaitUntil: (h) =>
      connection.onWillSaveTextDocumentWaitUntil(
        // TextDocuments answers it itself and the server sets no willSaveWaitUntil handler: the result is plain.
        guardRequest(lifecycle, 'textDocument/willSaveWaitUntil', PARAMS.willSave, log, h as WillSaveHandler),
      ),
    onDidSaveTextDocument: (h) =>
      connection.onDidSaveTextDocument(notification('textDocument/didSave', PARAMS.willSave, h)),
  });
  connection.listen();
  return { lifecycle };
}

/** The workspace folders of `initialize`, falling back to the root URI; malformed entries are skipped. */
function initialFolders(folders: unknown, rootUri: unknown): WorkspaceFolder[] {
  if (Array.isArray(folders)) {
    return folders.filter((f): f is WorkspaceFolder => typeof (f as WorkspaceFolder | null)?.uri === 'string');
  }
  return typeof rootUri === 'string' ? [{ uri: rootUri, name: 'root' }] : [];
}
