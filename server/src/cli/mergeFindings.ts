/**
 * Merging a file's few cross-file findings into its own findings as those stream in, in document order, so that
 * every report format, the counts and the exit code see one list in the order of `byPosition`.
 */
import { byPosition, type Finding } from '../core/index';

export class FindingMerger {
  private next = 0;

  /** `extra` is sorted by `byPosition`; `sink` takes the merged batches. */
  constructor(
    private readonly extra: readonly Finding[],
    private readonly sink: (batch: readonly Finding[]) => void,
  ) {}

  /** Takes the next batch of the file's own findings, in document order. */
  add(batch: readonly Finding[]): void {
    if (this.next >= this.extra.length) return this.sink(batch);
    const merged: Finding[] = [];
    for (const finding of batch) {
      // At one position and rule, the file's own finding comes first, as a stable sort of both lists would put it.
      while (this.next < this.extra.length && byPosition(this.extra[this.next], finding) < 0) {
        merged.push(this.extra[this.next++]);
      }
      merged.push(finding);
    }
    this.sink(merged);
  }

  /** Hands over the cross-file findings after the file's last own one. */
  end(): void {
    if (this.next < this.extra.length) this.sink(this.extra.slice(this.next));
    this.next = this.extra.length;
  }
}
