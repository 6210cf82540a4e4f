/**
 * The open feeds: their text, as the client syncs it, and the analysis of each one's current version. Every
 * feature reads documents through here, so a request and the diagnostics of the same version see the same
 * analysis.
 */
import {
  TextDocuments,
  type CancellationToken,
  type Connection,
  type TextEdit,
  type WillSaveTextDocumentParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from './analysisCache';
import type { Boundary } from './boundary';
import { untilCancelled } from './cancellation';
import type { ConfigStore } from './configStore';
import type { Analysis } from './core/index';
import { describeError } from './errors';
import { PARAMS } from './params';
import { applyContentChanges } from './textSync';

type WillSaveHandler = (p: WillSaveTextDocumentParams, t: CancellationToken) => PromiseLike<TextEdit[] | null>;

/** An open document together with the analysis of its current version. */
export interface AnalyzedDocument {
  doc: TextDocument;
  analysis: Analysis;
}

export class FeedDocuments {
  // The library's own update rebuilds the text once per change; ours joins a batch of changes in one pass.
  private readonly documents = new TextDocuments({ create: TextDocument.create, update: applyContentChanges });
  private readonly cache: AnalysisCache;
  /** When the didChange being applied arrived, by `performance.now()`. */
  private changeArrivedAt = 0;

  constructor(
    private readonly configs: ConfigStore,
    onError: (line: string) => void,
  ) {
    this.cache = new AnalysisCache((rule, e) => onError(`Rule ${rule.id} failed: ${describeError(e)}`));
    this.documents.onDidClose((e) => {
      this.cache.forget(e.document.uri);
      this.configs.forget(e.document.uri);
    });
  }

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  all(): TextDocument[] {
    return this.documents.all();
  }

  onDidOpen(listener: (uri: string) => void): void {
    this.documents.onDidOpen((e) => listener(e.document.uri));
  }

  /** `arrivedAt` is when the change came in: applying it to a 10 MB text takes a while of its own. */
  onDidChangeContent(listener: (uri: string, arrivedAt: number) => void): void {
    this.documents.onDidChangeContent((e) => listener(e.document.uri, this.changeArrivedAt));
  }

  onDidClose(listener: (uri: string) => void): void {
    this.documents.onDidClose((e) => listener(e.document.uri));
  }

  /**
   * The analysis of the document's current version; undefined when the document was closed while its config
   * loaded, since caching it would keep its analyzer alive for good.
   */
  async currentAnalysis(doc: TextDocument): Promise<Analysis | undefined> {
    const { config } = await this.configs.get(doc.uri);
    if (this.documents.get(doc.uri) !== doc) return undefined;
    return this.cache.analysisOf(doc, config);
  }

  /** The config of a document, loaded once and shared with its analysis. */
  configOf(uri: string): ReturnType<ConfigStore['get']> {
    return this.configs.get(uri);
  }

  /**
   * Looks the document up and waits for its analysis; undefined when the document is not open. Throws
   * RequestCancelled as soon as the request is cancelled, even while the client's settings are awaited.
   */
  async analyzed(uri: string, token: CancellationToken): Promise<AnalyzedDocument | undefined> {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const analysis = await untilCancelled(this.currentAnalysis(doc), token);
    return analysis ? { doc, analysis } : undefined;
  }

  /** Lets TextDocuments register its handlers on the connection, each behind the boundary. */
  listen(connection: Connection, boundary: Boundary): void {
    this.documents.listen({
      onDidOpenTextDocument: (h) =>
        connection.onDidOpenTextDocument(boundary.notification('textDocument/didOpen', PARAMS.didOpen, h)),
      onDidChangeTextDocument: (h) =>
        connection.onDidChangeTextDocument(
          boundary.notification('textDocument/didChange', PARAMS.didChange, (params) => {
            this.changeArrivedAt = performance.now();
            return h(params);
          }),
        ),
      onDidCloseTextDocument: (h) =>
        connection.onDidCloseTextDocument(boundary.notification('textDocument/didClose', PARAMS.didClose, h)),
      onWillSaveTextDocument: (h) =>
        connection.onWillSaveTextDocument(boundary.notification('textDocument/willSave', PARAMS.willSave, h)),
      onWillSaveTextDocumentWaitUntil: (h) =>
        connection.onWillSaveTextDocumentWaitUntil(
          // TextDocuments answers it itself, and the server sets no willSaveWaitUntil handler: the result is plain.
          boundary.request('textDocument/willSaveWaitUntil', PARAMS.willSave, h as WillSaveHandler),
        ),
      onDidSaveTextDocument: (h) =>
        connection.onDidSaveTextDocument(boundary.notification('textDocument/didSave', PARAMS.willSave, h)),
    });
  }
}
