/**
 * Diagnostics: each document is validated a moment after it changes, so that fast typing is analysed once,
 * and only the diagnostics of its newest version are published.
 */
import type { ClientFeatures } from './capabilities';
import { DocumentDiagnostics } from './diagnostics';
import type { FeedDocuments } from './documents';
import { describeError } from './errors';
import type { Lifecycle } from './lifecycle';
import type { DiagnosticsPublisher } from './publisher';

/** Diagnostics wait this long after a keystroke so that fast typing is analysed once. */
export const DEBOUNCE_MS = 150;

export class Validation {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Per open document, the diagnostics made so far, kept per release. */
  private readonly made = new Map<string, DocumentDiagnostics>();

  constructor(
    private readonly documents: FeedDocuments,
    private readonly publisher: DiagnosticsPublisher,
    private readonly lifecycle: Lifecycle,
    private readonly clientFeatures: () => ClientFeatures,
    private readonly onError: (line: string) => void,
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
    let made = this.made.get(uri);
    // A client without data support would drop the fixes anyway; the code-action fallback finds them again.
    if (!made) this.made.set(uri, (made = new DocumentDiagnostics(uri, this.clientFeatures().diagnosticData)));
    await this.publisher.publish({ uri, version, diagnostics: made.of(analysis) });
  }

  /** A closed document's diagnostics are cleared, so that the Problems view does not keep them. */
  private closed(uri: string): void {
    this.made.delete(uri);
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    void this.publisher.publish({ uri, diagnostics: [] });
  }

  private stop(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
