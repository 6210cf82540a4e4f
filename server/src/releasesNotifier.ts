/**
 * Tells the client that the Releases view's list may have changed: a file was indexed, counted or changed on
 * disk, or an open document was published. The first hint starts a wait, and the ones during it ride along, so
 * that typing or a scan of ten thousand files sends one notification per interval, never one per event, and a
 * steady stream of hints still sends one every interval instead of none.
 */
import type { Lifecycle } from './lifecycle';

/** At most one notification per this many milliseconds; the view refreshes no faster than a person reads. */
export const RELEASES_CHANGED_MS = 500;

export class ReleasesNotifier {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly lifecycle: Lifecycle,
    private readonly send: () => void,
  ) {
    lifecycle.whenShutdown(() => clearTimeout(this.timer));
  }

  /** Something the list shows may have changed. */
  hint(): void {
    if (this.timer !== undefined || this.lifecycle.phase !== 'running') return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.lifecycle.phase === 'running') this.send();
    }, RELEASES_CHANGED_MS);
  }
}
