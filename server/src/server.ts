/**
 * The language server's wiring. It builds the parts (open documents and their analyses, settings, configs,
 * validation), answers `initialize` with what the server provides, and registers one provider per feature
 * behind the boundary; each provider lives in features/. The process around it (transport, process-level
 * handlers) lives in main.ts, so that tests can run the server on a connection of their own.
 */
import {
  CodeActionRequest,
  CompletionRequest,
  DidChangeConfigurationNotification,
  DocumentFormattingRequest,
  DocumentHighlightRequest,
  DocumentLinkRequest,
  DocumentSymbolRequest,
  ErrorCodes,
  FoldingRangeRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  ResponseError,
  SemanticTokensRequest,
  TextDocumentSyncKind,
  WorkspaceSymbolRequest,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND, RELEASES_CHANGED } from '../../shared/protocol';
import { Boundary, connectionLog, type Log } from './boundary';
import { readClientFeatures, unknownClient, type ClientFeatures, type ConnectedClient } from './capabilities';
import { configErrorReporter } from './configErrors';
import { ConfigStore } from './configStore';
import { FeedDocuments } from './documents';
import { describeError } from './errors';
import { provideCodeActions, type CodeActionSources } from './features/codeActions';
import { provideFoldingRanges } from './features/folding';
import { provideFormatting, type FormattingSources } from './features/formatting';
import { provideHover } from './features/hover';
import type { IndexedDocuments } from './features/indexed';
import { provideDocumentLinks } from './features/links';
import * as names from './features/names';
import { provideReleases, ReleasesRequest } from './features/releases';
import { provideSemanticTokens } from './features/semanticTokens';
import { provideStats, StatsRequest } from './features/stats';
import { provideDocumentSymbols } from './features/symbols';
import { provideWorkspaceSymbols } from './features/workspaceSymbols';
import { FILES_SECTION, readFolderSettings } from './index/folderSettings';
import { progressStarter } from './index/progress';
import { isConfigFile, isGitignore, ReleaseFileWatch } from './index/watching';
import { WorkspaceIndex, type FileChange } from './index/workspaceIndex';
import { Lifecycle } from './lifecycle';
import { PARAMS } from './params';
import { DiagnosticsPublisher } from './publisher';
import { COUNTED_MS, ReleasesNotifier } from './releasesNotifier';
import { ClientSettings, SECTION } from './settings';
import { Validation } from './validation';

/** What main.ts needs to know about a running server. */
export interface ServerHandle {
  readonly lifecycle: Lifecycle;
}

/** The parts of a running server that the lifecycle handlers and the providers share. */
interface Parts {
  lifecycle: Lifecycle;
  boundary: Boundary;
  client: ConnectedClient;
  settings: ClientSettings;
  configs: ConfigStore;
  documents: FeedDocuments;
  validation: Validation;
  index: WorkspaceIndex;
  watch: ReleaseFileWatch;
  log: Log;
  /** Re-reads settings and config files, and re-lints every document: something they depend on changed. */
  configChanged: () => void;
}

export function startServer(connection: Connection): ServerHandle {
  const parts = buildParts(connection);
  registerLifecycle(connection, parts);
  registerConfigChanges(connection, parts);
  registerProviders(parts);
  parts.documents.listen(connection, parts.boundary);
  connection.listen();
  return { lifecycle: parts.lifecycle };
}

function buildParts(connection: Connection): Parts {
  const lifecycle = new Lifecycle();
  const log = connectionLog(connection);
  const client = unknownClient();
  // Settings and configs are re-read together whenever either may have changed; the index reads them too.
  const configChanged = () => {
    configs.clear();
    validation.revalidateAll();
    reindex(parts, () => index.rescan());
  };
  const settings = new ClientSettings(connection, log.warn, configChanged);
  const report = configErrorReporter(connection, log.warn);
  const configs = new ConfigStore({ settings: (uri) => settings.forResource(uri), report });
  const documents = new FeedDocuments(configs, log.error);
  // Every publish and index change may change the Releases view's counts or list; the notifier thins them out.
  const releases = new ReleasesNotifier(lifecycle, () => {
    connection
      .sendNotification(RELEASES_CHANGED, {})
      .catch((e: unknown) => log.warn(`Could not tell the client of new releases: ${describeError(e)}`));
  });
  const publisher = new DiagnosticsPublisher(lifecycle, (params) => {
    releases.hint();
    return connection
      .sendDiagnostics(params)
      .catch((e: unknown) => log.warn(`Could not publish diagnostics: ${describeError(e)}`));
  });
  const index = new WorkspaceIndex({
    folderSettings: (uri) => readFolderSettings(settings, uri),
    progress: progressStarter(connection, () => client.features.workDoneProgress, log.warn),
    log: (line) => connection.console.info(line),
    changed: () => {
      releases.hint();
      validation.indexChanged();
    },
    counted: () => releases.hint(COUNTED_MS),
  });
  const validation = new Validation(documents, publisher, lifecycle, () => client.features, log.error, index);
  documents.onDidClose((uri) => {
    index.closed(uri).catch((e: unknown) => log.warn(`The index could not read ${uri} again: ${describeError(e)}`));
  });
  const boundary = new Boundary(connection, lifecycle, log);
  const watch = new ReleaseFileWatch(connection, log.warn);
  const parts: Parts = {
    lifecycle,
    boundary,
    client,
    settings,
    configs,
    documents,
    validation,
    index,
    watch,
    log,
    configChanged,
  };
  return parts;
}

/** Starts a scan of the index, and watches the release files its settings name once it is done. */
function reindex(parts: Parts, start: () => void): void {
  start();
  if (!parts.client.features.registerWatchedFiles) return;
  void parts.index.scanned.then(() => parts.watch.watch(parts.index.watchPatterns()));
}

/** The workspace folders of `initialize`: `workspaceFolders`, or else the older `rootUri`. */
function workspaceFolders(params: InitializeParams): string[] {
  if (params.workspaceFolders) return params.workspaceFolders.map((f) => f.uri);
  return params.rootUri ? [params.rootUri] : [];
}

function registerLifecycle(connection: Connection, parts: Parts): void {
  const { lifecycle, client } = parts;
  let folders: string[] = [];
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    lifecycle.initialize();
    client.features = readClientFeatures(params.capabilities);
    parts.settings.setPullable(client.features.pullConfiguration);
    folders = workspaceFolders(params);
    connection.console.info(`Press Release Lint server started (${DIAGNOSTIC_SOURCE}).`);
    return initializeResult(client.features);
  });
  connection.onInitialized(() => {
    if (lifecycle.phase !== 'initializing') return;
    lifecycle.initialized();
    listenToClient(connection, parts);
    reindex(parts, () => parts.index.setFolders(folders));
  });
  connection.onShutdown(() => lifecycle.shutdown());
  // Requests for methods nobody handles still get the lifecycle's answer first.
  connection.onRequest((method: string) => {
    throw lifecycle.refusal(method) ?? new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${method}`);
  });
}

/** Asks the client to tell about settings changes and workspace folders, when it lets the server. */
function listenToClient(connection: Connection, parts: Parts): void {
  if (parts.client.features.workspaceFolderChanges) {
    // The library reads this notification itself, from `initialize` on; its event is all a handler can have.
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      if (parts.lifecycle.shutdownReceived) return;
      const uris = (list: unknown) => (Array.isArray(list) ? list.map((f: { uri?: unknown }) => f?.uri) : []);
      const text = (list: unknown[]) => list.filter((u): u is string => typeof u === 'string');
      reindex(parts, () => parts.index.changeFolders(text(uris(event?.added)), text(uris(event?.removed))));
    });
  }
  if (!parts.client.features.registerConfigurationChange) return;
  // The `files` section too: its `exclude` decides which files the index reads, so a change there scans again.
  connection.client
    .register(DidChangeConfigurationNotification.type, { section: [SECTION, FILES_SECTION] })
    .catch((e: unknown) => connection.console.warn(`Could not register for settings changes: ${describeError(e)}`));
}

function initializeResult(features: ClientFeatures): InitializeResult {
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      hoverProvider: true,
      foldingRangeProvider: true,
      documentLinkProvider: { resolveProvider: false },
      codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND], resolveProvider: false },
      documentFormattingProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      renameProvider: { prepareProvider: true },
      completionProvider: { resolveProvider: false },
      semanticTokensProvider: { legend: { tokenTypes: features.tokenTypes, tokenModifiers: [] }, full: true },
      // Folders do not decide which config applies (see configDiscovery.ts), but the index reads their files.
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'press-release-lint' },
  };
}

/**
 * Settings pushed by the client, and `.pressreleaserc.json` files changed on disk, re-lint every document; other
 * watched files are release files, which the index reads again.
 */
function registerConfigChanges(connection: Connection, parts: Parts): void {
  const { boundary, settings, configChanged, index, log } = parts;
  connection.onDidChangeConfiguration(
    boundary.notification('workspace/didChangeConfiguration', PARAMS.didChangeConfiguration, (params) => {
      settings.push(params);
      configChanged();
    }),
  );
  const filesChanged = (params: { changes: FileChange[] }) => {
    const releases = params.changes.filter((c) => !isConfigFile(c.uri) && !isGitignore(c.uri));
    if (releases.length > 0) {
      index
        .filesChanged(releases)
        .catch((e: unknown) => log.warn(`The index could not read files: ${describeError(e)}`));
    }
    if (params.changes.some((c) => isConfigFile(c.uri))) configChanged();
    // A `.gitignore` changes which files the index takes, not any document's config: the index scans again.
    else if (params.changes.some((c) => isGitignore(c.uri))) reindex(parts, () => index.rescan());
  };
  connection.onDidChangeWatchedFiles(
    boundary.notification('workspace/didChangeWatchedFiles', PARAMS.didChangeWatchedFiles, filesChanged),
  );
}

function registerProviders(parts: Parts): void {
  const { boundary, documents, configs } = parts;
  const actions: CodeActionSources = { documents, configs, client: parts.client, index: parts.index };
  const onRuleError = (rule: { id: string }, e: unknown) =>
    parts.log.error(`Rule ${rule.id} failed: ${describeError(e)}`);
  const formatting: FormattingSources = { documents, configs, onRuleError };
  const indexed: IndexedDocuments = { documents, index: parts.index };
  boundary.serve(DocumentSymbolRequest.type, PARAMS.textDocument, (p, t) =>
    provideDocumentSymbols({ documents, configs }, p, t),
  );
  boundary.serve(WorkspaceSymbolRequest.type, PARAMS.workspaceSymbol, (p, t) => provideWorkspaceSymbols(indexed, p, t));
  boundary.serve(HoverRequest.type, PARAMS.position, (p, t) => provideHover(indexed, p, t));
  boundary.serve(FoldingRangeRequest.type, PARAMS.textDocument, (p, t) => provideFoldingRanges(documents, p, t));
  boundary.serve(DocumentLinkRequest.type, PARAMS.textDocument, (p, t) => provideDocumentLinks(documents, p, t));
  boundary.serve(CodeActionRequest.type, PARAMS.codeAction, (p, t) => provideCodeActions(actions, p, t));
  boundary.serve(DocumentFormattingRequest.type, PARAMS.textDocument, (p, t) => provideFormatting(formatting, p, t));
  boundary.serve(ReferencesRequest.type, PARAMS.position, (p, t) => names.provideReferences(indexed, p, t));
  boundary.serve(DocumentHighlightRequest.type, PARAMS.position, (p, t) => names.provideHighlights(documents, p, t));
  boundary.serve(PrepareRenameRequest.type, PARAMS.position, (p, t) => names.providePrepareRename(documents, p, t));
  boundary.serve(RenameRequest.type, PARAMS.rename, (p, t) => names.provideRename(indexed, p, t));
  boundary.serve(CompletionRequest.type, PARAMS.position, (p, t) => names.provideCompletion(documents, p, t));
  boundary.serve(SemanticTokensRequest.type, PARAMS.textDocument, (p, t) => provideSemanticTokens(documents, p, t));
  boundary.serve(StatsRequest, PARAMS.stats, (p, t) => provideStats(indexed, p, t));
  boundary.serve(ReleasesRequest, PARAMS.releases, (p, t) => provideReleases(indexed, p, t));
}
