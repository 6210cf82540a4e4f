/**
 * What feed rules know about a release: its title, date, Source and name
 * scan, and nothing else. Feed rules compare releases through these facts
 * only, so a feed of any size can be checked without keeping its model, and
 * an edit re-scans only the releases it touched.
 */
import type { CalendarDate } from './dates';
import type { ParseProblem, Release } from './model';
import { MISSING_DATE_MESSAGE } from './parser';
import { buildNameIndex, type NameIndex, type NameSettings, type ReleaseNames } from './names/index';
import type { Span } from './text';

export interface TitleFacts {
  text: string;
  textSpan: Span;
  line: number;
  /** Where the title line's text ends, which is where a missing date goes. */
  end: number;
  date?: CalendarDate & { valid: boolean };
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

  private constructor(
    readonly index: number,
    private readonly start: number,
    private readonly end: number,
    /** The release's name scan, in offsets relative to the release's start. */
    readonly names: ReleaseNames,
  ) {}

  static of(release: Release, names: ReleaseNames): ReleaseFacts {
    const f = new ReleaseFacts(release.index, release.span.start, release.span.end, names);
    const t = release.title;
    if (t) {
      f.titleText = t.text;
      f.titleStart = t.textSpan.start;
      f.titleEnd = t.textSpan.end;
      f.titleLine = t.line;
      f.titleLineEnd = t.span.end;
      if (t.date) f.date = (t.date.year * 10000 + t.date.month * 100 + t.date.day) * (t.date.valid ? 1 : -1);
    }
    const undated = release.problems.find((p) => p.kind === 'missing-date');
    if (undated) {
      f.undatedStart = undated.span.start;
      f.undatedEnd = undated.span.end;
    }
    if (release.source) {
      f.url = release.source.url;
      f.urlStart = release.source.urlSpan.start;
      f.urlEnd = release.source.urlSpan.end;
    }
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

export function releaseFacts(release: Release, names: ReleaseNames): ReleaseFacts {
  return ReleaseFacts.of(release, names);
}

/** The facts of a whole feed, with the name analysis merged from them on first use. */
export class FeedFacts {
  private nameIndex?: NameIndex;

  constructor(
    readonly text: string,
    readonly releases: readonly ReleaseFacts[],
    private readonly nameSettings: NameSettings,
  ) {}

  /** Name analysis of the feed, built once and shared by the name rule and every editor feature over names. */
  names(): NameIndex {
    this.nameIndex ??= buildNameIndex(
      this.releases.map((r) => ({ index: r.index, start: r.span.start, names: r.names })),
      this.nameSettings,
    );
    return this.nameIndex;
  }
}
