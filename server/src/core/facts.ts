/**
 * What feed rules know about a release: its title, date, Source and name
 * scan, and nothing else. Feed rules compare releases through these facts
 * only, so a feed of any size can be checked without keeping its model, and
 * an edit re-scans only the releases it touched.
 */
import { isValidDate, type CalendarDate } from './dates';
import type { ParseProblem, Release } from './model';
import { MISSING_DATE_MESSAGE } from './parser';
import type { NameIndex } from './names/index';
import type { Move } from './shift';
import type { Span } from './text';
import { sourceKey } from './url';

export interface TitleFacts {
  text: string;
  textSpan: Span;
  line: number;
  /** Where the title line's text ends, which is where a missing date goes. */
  end: number;
  date?: CalendarDate & { valid: boolean };
}

/**
 * A standard release's headline carries no date: its date is the dateline's, which makes the same story sent twice
 * on one day the same title and date, as in a feed.
 */
function datelineDate(release: Release): (CalendarDate & { valid: boolean }) | undefined {
  const d = release.wire?.dateline?.parsed;
  return d && { ...d, valid: isValidDate(d.year, d.month, d.day) };
}

/**
 * The facts of one release. A feed of two million releases keeps two
 * million of these, so they are stored flat, as numbers and strings, and
 * handed out as small objects only when a rule asks.
 */
export class ReleaseFacts {
  private titleText?: string;
  private titleStart = 0;
  private titleEnd = 0;
  private titleLine = 0;
  private titleLineEnd = 0;
  /** The date as `year * 10000 + month * 100 + day`, negative when it does not exist in the calendar; 0 for none. */
  private date = 0;
  private undatedStart = -1;
  private undatedEnd = -1;
  private url?: string;
  private urlStart = 0;
  private urlEnd = 0;
  /**
   * What makes two releases the same story: the title, in lower case with blanks collapsed, and the date.
   * Made once, since duplicate-title compares every release on every edit.
   */
  titleKey: string | undefined;
  /** The Source URL as duplicate-source compares it (see `sourceKey`), made once for the same reason. */
  sourceKey: string | undefined;

  private constructor(
    readonly index: number,
    private readonly start: number,
    private readonly end: number,
  ) {}

  static of(release: Release): ReleaseFacts {
    const f = new ReleaseFacts(release.index, release.span.start, release.span.end);
    const t = release.title;
    if (t) {
      f.titleText = t.text;
      f.titleStart = t.textSpan.start;
      f.titleEnd = t.textSpan.end;
      f.titleLine = t.line;
      f.titleLineEnd = t.span.end;
      const date = t.date ?? datelineDate(release);
      if (date) f.date = (date.year * 10000 + date.month * 100 + date.day) * (date.valid ? 1 : -1);
      if (date && t.text.length > 0) {
        f.titleKey = `${t.text.toLowerCase().replace(/\s+/g, ' ')}\u0000${date.year}-${date.month}-${date.day}`;
      }
    }
    const undated = release.problems.find((p) => p.kind === 'missing-date');
    if (undated) {
      f.undatedStart = undated.span.start;
      f.undatedEnd = undated.span.end;
    }
    if (release.source) {
      if (release.source.url.length > 0) f.sourceKey = sourceKey(release.source.url);
      f.url = release.source.url;
      f.urlStart = release.source.urlSpan.start;
      f.urlEnd = release.source.urlSpan.end;
    }
    return f;
  }

  /**
   * The same facts for the release after a move; offsets of absent parts move too, harmlessly, since nothing
   * reads them.
   */
  moved(m: Move): ReleaseFacts {
    if (m.delta === 0 && m.lineDelta === 0 && m.index === this.index) return this;
    const f = new ReleaseFacts(m.index, this.start + m.delta, this.end + m.delta);
    Object.assign(f, this, { index: m.index, start: this.start + m.delta, end: this.end + m.delta });
    f.titleStart += m.delta;
    f.titleEnd += m.delta;
    f.titleLine += m.lineDelta;
    f.titleLineEnd += m.delta;
    if (f.undatedStart >= 0) {
      f.undatedStart += m.delta;
      f.undatedEnd += m.delta;
    }
    f.urlStart += m.delta;
    f.urlEnd += m.delta;
    return f;
  }

  get span(): Span {
    return { start: this.start, end: this.end };
  }

  get title(): TitleFacts | undefined {
    if (this.titleText === undefined) return undefined;
    const title: TitleFacts = {
      text: this.titleText,
      textSpan: { start: this.titleStart, end: this.titleEnd },
      line: this.titleLine,
      end: this.titleLineEnd,
    };
    if (this.date !== 0) {
      const d = Math.abs(this.date);
      title.date = {
        year: Math.floor(d / 10000),
        month: Math.floor(d / 100) % 100,
        day: d % 100,
        valid: this.date > 0,
      };
    }
    return title;
  }

  /** The parser's missing-date problem, when the title has no date. */
  get undated(): ParseProblem | undefined {
    if (this.undatedStart < 0) return undefined;
    const span = { start: this.undatedStart, end: this.undatedEnd };
    return { kind: 'missing-date', release: this.index, span, message: MISSING_DATE_MESSAGE };
  }

  get source(): { url: string; urlSpan: Span } | undefined {
    if (this.url === undefined) return undefined;
    return { url: this.url, urlSpan: { start: this.urlStart, end: this.urlEnd } };
  }
}

/** The facts of a whole feed, and its name analysis. */
export class FeedFacts {
  constructor(
    readonly text: string,
    readonly releases: readonly ReleaseFacts[],
    private readonly nameIndex: NameIndex,
  ) {}

  /** Name analysis of the feed, shared by the name rule and every editor feature over names. */
  names(): NameIndex {
    return this.nameIndex;
  }
}
