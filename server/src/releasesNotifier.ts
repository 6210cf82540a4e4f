/**
 * Tells the client that the Releases view's list may have changed: a file was indexed, counted or changed on
 * disk, or an open document was published. The first hint starts a wait, and the ones during it ride along, so
 * that typing or a scan of ten thousand files sends one notification per interval, never one per event, and a
 * steady stream of hints still sends one every interval instead of none.
 */
import type { Lifecycle } from './lifecycle';

/** At most one notification per this many milliseconds; the view refreshes no faster than a person reads. */
export const RELEASES_CHANGED_MS = 500;
/**
 * New counts from the counting pass wait longer: the pass stores some every few milliseconds for a minute on a
 * large workspace, and each notification makes a shown view ask for the whole list again.
 */
export const COUNTED_MS = 2000;

export class ReleasesNotifier {
  private timer: NodeJS.Timeout | undefined;
  private dueAt = Infinity;

  constructor(
    private readonly lifecycle: Lifecycle,
    private readonly send: () => void,
  ) {
    lifecycle.whenShutdown(() => clearTimeout(this.timer));
  }

  /** Something the list shows may have changed; the client hears of it within `delayMs`. */
  hint(delayMs = RELEASES_CHANGED_MS): void {
    if (this.lifecycle.phase !== 'running') return;
    const due = performance.now() + delayMs;
    // A pending notification that is due sooner already covers this hint.
    if (due >= this.dueAt) return;
    clearTimeout(this.timer);
    this.dueAt = due;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.dueAt = Infinity;
      if (this.lifecycle.phase === 'running') this.send();
    }, delayMs);
  }
}
