/**
 * Diagnostics: each document is validated a moment after it changes, so that fast typing is analysed once,
 * and only the diagnostics of its newest version are published. A document's diagnostics are its analysis's
 * plus the cross-file findings that the workspace index gives it; when the index changes, the open documents are
 * published again from their cached analyses, once per burst of changes.
 */
import type { ClientFeatures } from './capabilities';
import { DocumentDiagnostics } from './diagnostics';
import type { FeedDocuments } from './documents';
import { comparesNames } from './core/index';
import { describeError } from './errors';
import type { WorkspaceIndex } from './index/workspaceIndex';
import type { Lifecycle } from './lifecycle';
import type { DiagnosticsPublisher } from './publisher';

/** Diagnostics wait this long after a keystroke so that fast typing is analysed once. */
export const DEBOUNCE_MS = 150;
/** After the index changed, open documents wait this long, so that a burst of file events publishes once. */
export const INDEX_REFRESH_MS = 40;

/** The index versions a document's cross-file findings were computed at, and whether its config compares names. */
interface ComputedAt {
  version: number;
  namesVersion: number;
  readsNames: boolean;
}

export class Validation {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Per open document, the diagnostics made so far, kept per release. */
  private readonly made = new Map<string, DocumentDiagnostics>();
  private refreshTimer: NodeJS.Timeout | undefined;
  /**
   * Per open document, the index version its cross-file findings were computed at. A refresh republishes every
   * document whose version is older than the index's, so that two documents changed in one burst both see each
   * other's new summaries, whichever was validated first.
   */
  private readonly computedAt = new Map<string, ComputedAt>();

  constructor(
    private readonly documents: FeedDocuments,
    private readonly publisher: DiagnosticsPublisher,
    private readonly lifecycle: Lifecycle,
    private readonly clientFeatures: () => ClientFeatures,
    private readonly onError: (line: string) => void,
    private readonly index: WorkspaceIndex,
  ) {
    documents.onDidOpen((uri) => this.schedule(uri, 0));
    // The wait counts from when the change arrived, so the time spent applying it is part of the wait.
    documents.onDidChangeContent((uri, arrivedAt) => this.schedule(uri, DEBOUNCE_MS - (performance.now() - arrivedAt)));
    documents.onDidClose((uri) => this.closed(uri));
    lifecycle.whenShutdown(() => this.stop());
  }

  /** Validates every open document again, at once: after settings or a config file changed. */
  revalidateAll(): void {
    for (const doc of this.documents.all()) this.schedule(doc.uri, 0);
  }

  /**
   * The index changed in a way other files can see: a moment later, the open documents whose cross-file findings
   * were computed against an older index publish again. A document waiting for its own validation is left to it.
   */
  indexChanged(): void {
    if (this.lifecycle.shutdownReceived || this.refreshTimer !== undefined) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      for (const doc of this.documents.all()) {
        const stale = this.stale(this.computedAt.get(doc.uri));
        if (stale && !this.timers.has(doc.uri)) this.schedule(doc.uri, 0);
      }
    }, INDEX_REFRESH_MS);
  }

  /** Whether cross-file findings computed at `at` may be stale: all of them, or those that compare names. */
  private stale(at: ComputedAt | undefined): boolean {
    if (!at) return true;
    return at.version < this.index.version || (at.readsNames && at.namesVersion < this.index.namesVersion);
  }

  private schedule(uri: string, delay: number): void {
    if (this.lifecycle.shutdownReceived) return;
    clearTimeout(this.timers.get(uri));
    const run = () => {
      this.timers.delete(uri);
      this.validate(uri).catch((e: unknown) => this.onError(`Validation of ${uri} failed: ${describeError(e)}`));
    };
    this.timers.set(uri, setTimeout(run, Math.max(0, delay)));
  }

  private async validate(uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const analysis = await this.documents.currentAnalysis(doc);
    // A newer edit will publish its own diagnostics; stale ones would flicker.
    if (!analysis || this.documents.get(uri)?.version !== version) return;
    this.index.opened(uri, analysis);
    const { config } = await this.documents.configOf(uri);
    if (this.documents.get(uri)?.version !== version) return;
    let made = this.made.get(uri);
    // A client without data support would drop the fixes anyway; the code-action fallback finds them again.
    if (!made) this.made.set(uri, (made = new DocumentDiagnostics(uri, this.clientFeatures().diagnosticData)));
    const diagnostics = made.of(analysis);
    const onRuleError = (rule: { id: string }, e: unknown) =>
      this.onError(`Rule ${rule.id} failed: ${describeError(e)}`);
    // Recorded with the findings, in the same turn, so that any later index change makes this document stale.
    const at = { version: this.index.version, namesVersion: this.index.namesVersion };
    this.computedAt.set(uri, { ...at, readsNames: comparesNames(config) });
    for (const f of this.index.findings(uri, analysis, config, onRuleError))
      diagnostics.push(made.diagnosticOf(analysis, f));
    await this.publisher.publish({ uri, version, diagnostics });
  }

  /** A closed document's diagnostics are cleared, so that the Problems view does not keep them. */
  private closed(uri: string): void {
    this.made.delete(uri);
    this.computedAt.delete(uri);
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    void this.publisher.publish({ uri, diagnostics: [] });
  }

  private stop(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    clearTimeout(this.refreshTimer);
  }
}
