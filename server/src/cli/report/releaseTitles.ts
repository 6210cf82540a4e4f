/**
 * The title of the release each finding is in, for findings that arrive in document order. The releases are
 * read again, one at a time, with the parser the lint used, so nothing of the feed is kept but the release
 * under the reader.
 */
import { DEFAULT_DATE_FORMAT, parseReleases, type DateFormat, type Release } from '../../core/index';

export class ReleaseTitles {
  private releases: Generator<Release>;
  /** The last release read that starts at or before the last offset asked for. */
  private current: Release | undefined;
  /** The release after `current`, read ahead to know where `current`'s turn ends. */
  private next: Release | undefined;

  constructor(
    private readonly text: string,
    private readonly dateFormat: DateFormat | undefined,
  ) {
    this.releases = this.read();
    this.next = this.readNext();
  }

  /** The headline of the release whose text holds `offset`, or '' outside releases and for a release without one. */
  titleAt(offset: number): string {
    // Offsets come in document order; one before the current release starts the reading again.
    if (this.current && offset < this.current.span.start) this.restart();
    while (this.next && this.next.span.start <= offset) {
      this.current = this.next;
      this.next = this.readNext();
    }
    const inside = this.current && offset <= this.current.span.end;
    return inside ? (this.current!.title?.text ?? '') : '';
  }

  private restart(): void {
    this.releases = this.read();
    this.current = undefined;
    this.next = this.readNext();
  }

  private readNext(): Release | undefined {
    const r = this.releases.next();
    return r.done ? undefined : r.value;
  }

  private read(): Generator<Release> {
    return parseReleases(this.text, { dateFormat: this.dateFormat ?? DEFAULT_DATE_FORMAT });
  }
}
