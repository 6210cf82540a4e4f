/**
 * The title of the release each finding is in, for findings that arrive in document order. The releases are
 * read again, one at a time, in the format and with the parser the lint used (a standard release's title is its
 * headline), so nothing of the feed is kept but the release under the reader.
 */
import { DEFAULT_DATE_FORMAT, documentReleases, type DateFormat, type Format, type Release } from '../../core/index';

/** How the lint read the document: its format, and the date format a feed's titles end in. */
export interface TitleReading {
  format: Format;
  dateFormat: DateFormat | undefined;
}

export class ReleaseTitles {
  private releases: Iterator<Release>;
  /** The last release read that starts at or before the last offset asked for. */
  private current: Release | undefined;
  /** The release after `current`, read ahead to know where `current`'s turn ends. */
  private next: Release | undefined;

  constructor(
    private readonly text: string,
    private readonly reading: TitleReading,
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

  private read(): Iterator<Release> {
    const { format, dateFormat } = this.reading;
    return documentReleases(this.text, format, { dateFormat: dateFormat ?? DEFAULT_DATE_FORMAT })[Symbol.iterator]();
  }
}
