/**
 * The feed parser. It is a single forward pass over the lines with two
 * states (between releases, inside a release), and it never throws: every
 * fault becomes a ParseProblem and the model keeps whatever was recognised.
 * It hands out one release at a time, so callers choose whether to keep them.
 */
import { DEFAULT_DATE_FORMAT, matchTrailingDate, type DateFormat } from './dates';
import type { BodyKind, BodyLine, Category, Feed, ParseProblem, Release, Source, Title } from './model';
import { detectEol, LineIndex, type Line, type Span } from './text';
import { sourceUrlProblem } from './url';

export interface ParseOptions {
  /** Tells the parser how to read ambiguous slashed dates. */
  dateFormat?: DateFormat;
}

/** Longest line that can still be an undated title rather than an orphan paragraph. */
const MAX_UNDATED_TITLE = 250;
/** Longest line inside a body that may start a new release by ending in a date. */
const MAX_TITLE_IN_BODY = 400;
const END_PUNCTUATION = /[.!?;:,…]["'”»’)]?$/;
const LIST_OR_QUOTE = /^(?:\*|-|–|—)\s/;
const SOURCE_LABEL = /Source[ \t]*:/g;
/** The message of the missing-date problem; release facts keep only its offsets and rebuild it from this. */
export const MISSING_DATE_MESSAGE = 'Title has no publication date';

interface SourceHit {
  labelStart: number;
  labelEnd: number;
  urlStart: number;
  urlEnd: number;
  /** End of the text before the label, trailing whitespace excluded. */
  prefixEnd: number;
}

const WHITESPACE = /\s/g;
/** At most this many words after a label are counted to tell prose from a bare Source. */
const PROSE_WORDS = 5;

/** The offset of the first non-space character at or after `from`, or `to` when there is none before it. */
function skipSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && /\s/.test(text[i])) i++;
  return i;
}

/** Whether the words from `from` to `to` number at least `n`, counting no further than needed. */
function hasWords(text: string, from: number, to: number, n: number): boolean {
  let words = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const space = /\s/.test(text[i]);
    if (!space && !inWord && ++words >= n) return true;
    inWord = !space;
  }
  return false;
}

/**
 * Finds the Source label on a line. A label counts when a URL follows it,
 * when it is glued to the end of a sentence, when it starts the line and no
 * sentence follows it, or when only one token follows it; that keeps a
 * sentence such as "Source: officials said ..." inside a paragraph from
 * ending the release. Each label costs only the few characters around it,
 * so a long line with many labels stays linear.
 */
function findSource(text: string): SourceHit | undefined {
  if (text.indexOf('Source') < 0) return undefined;
  const trimEnd = text.trimEnd().length;
  const firstNonWs = skipSpace(text, 0, trimEnd);
  const endsSentence = /[.!?]["”»]?$/.test(text.slice(Math.max(0, trimEnd - 2), trimEnd));
  SOURCE_LABEL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SOURCE_LABEL.exec(text))) {
    const labelStart = m.index;
    const labelEnd = labelStart + m[0].length;
    const urlStart = skipSpace(text, labelEnd, trimEnd);
    const urlLike = /^(?:https?:|www\.)/i.test(text.slice(urlStart, urlStart + 6));
    const before = labelStart > 0 ? text[labelStart - 1] : ' ';
    const afterLetter = /\p{L}/u.test(before);
    // A label that starts the line is a Source unless what follows reads as a sentence of prose.
    const prose = endsSentence && hasWords(text, urlStart, trimEnd, PROSE_WORDS);
    // Glued straight onto the end of a sentence ("migrants.Source :"), the label cannot be prose.
    const afterSentence = /[.!?"”»)]/.test(before);
    WHITESPACE.lastIndex = urlStart;
    const space = WHITESPACE.exec(text);
    const oneToken = !space || space.index >= trimEnd;
    const accepted = urlLike || afterSentence || (labelStart === firstNonWs && !prose) || (!afterLetter && oneToken);
    if (!accepted) continue;
    let prefixEnd = labelStart;
    while (prefixEnd > 0 && /\s/.test(text[prefixEnd - 1])) prefixEnd--;
    return { labelStart, labelEnd, urlStart, urlEnd: Math.max(urlStart, trimEnd), prefixEnd };
  }
  return undefined;
}

function trimmedSpan(line: Line): Span {
  const lead = line.text.length - line.text.trimStart().length;
  const trail = line.text.length - line.text.trimEnd().length;
  return { start: line.start + lead, end: Math.max(line.start + lead, line.end - trail) };
}

function classifyBody(t: string): BodyKind {
  if (/^\*\s/.test(t)) return 'list-item';
  if (/^(?:-|–|—)\s/.test(t)) return 'quote';
  // Score lines are short; the length guard also keeps the backtracking pattern off long paragraphs.
  if (t.length <= 120 && /^\S.*\s[-–—]\s.*\S\s+\d{1,3}\s*:\s*\d{1,3}\.?$/.test(t)) return 'score';
  if (t.length <= 60 && !END_PUNCTUATION.test(t) && t.split(/\s+/).length <= 8 && /^[\p{Lu}\p{N}"“«]/u.test(t))
    return 'subheading';
  return 'paragraph';
}

function isCategoryCandidate(t: string): boolean {
  return (
    t.length <= 40 &&
    !END_PUNCTUATION.test(t) &&
    !/\d/.test(t) &&
    t.split(/\s+/).length <= 4 &&
    !LIST_OR_QUOTE.test(t) &&
    /^\p{Lu}/u.test(t)
  );
}

/** A line that can be a title without a date: short, not a sentence, not a list item or quote, no Source. */
function isUndatedTitle(t: string): boolean {
  return t.length <= MAX_UNDATED_TITLE && !END_PUNCTUATION.test(t) && !LIST_OR_QUOTE.test(t) && !findSource(t);
}

/** A dated title line: the headline, the gap before the date, and the date. Undefined when the line is no title. */
function datedTitle(line: Line, inBody: boolean, dateFormat: DateFormat): Title | undefined {
  const t = line.text.trim();
  if (LIST_OR_QUOTE.test(t) || (inBody && t.length > MAX_TITLE_IN_BODY)) return undefined;
  const m = matchTrailingDate(line.text, dateFormat);
  if (!m) return undefined;
  const dateStart = line.start + m.index;
  const headline = line.text.slice(0, m.index).trimEnd();
  const lead = headline.length - headline.trimStart().length;
  const textSpan = { start: line.start + lead, end: line.start + headline.length };
  return {
    line: line.index,
    span: trimmedSpan(line),
    text: headline.trim(),
    textSpan,
    gapSpan: { start: textSpan.end, end: dateStart },
    date: { ...m, index: m.index, span: { start: dateStart, end: dateStart + m.text.length } },
  };
}

/** The document's lines as the parser reads them: line 0 starts after a BOM, which is not content. */
class ParserLines {
  private readonly bom: boolean;

  constructor(private readonly lineIndex: LineIndex) {
    this.bom = lineIndex.text.charCodeAt(0) === 0xfeff;
  }

  get count(): number {
    return this.lineIndex.lineCount;
  }

  at(i: number): Line {
    const line = this.lineIndex.line(i);
    return i === 0 && this.bom ? { ...line, start: 1, text: line.text.slice(1) } : line;
  }

  nextNonEmpty(from: number): Line | undefined {
    for (let j = from; j < this.count; j++) {
      const line = this.at(j);
      if (line.text.trim().length > 0) return line;
    }
    return undefined;
  }
}

/**
 * The parser's two states: inside a release (`current` is set) or between
 * releases. Each line moves it on, and hands back the release that the line
 * closed, if any.
 */
class FeedReader {
  private current: Release | undefined;

  constructor(
    private readonly lines: ParserLines,
    private readonly dateFormat: DateFormat,
    private index = 0,
    /** The category that heads the releases read next. */
    public category: Category | undefined = undefined,
  ) {}

  /**
   * Whether a release can start at line `i` whatever came before: between
   * releases any line can, and inside one only a dated title, which closes
   * the open release. An earlier parse that started a release there then
   * read the rest of the text as this reader would.
   */
  canStartAt(i: number): boolean {
    return !this.current || datedTitle(this.lines.at(i), true, this.dateFormat) !== undefined;
  }

  read(i: number): Release | undefined {
    const line = this.lines.at(i);
    if (line.text.trim().length === 0) return undefined;
    return this.current ? this.readInside(this.current, line) : this.readBetween(line, i);
  }

  /** Closes the release still open at the end of the text. */
  finish(): Release | undefined {
    const last = this.current;
    this.current = undefined;
    return last ? close(last) : undefined;
  }

  private readInside(current: Release, line: Line): Release | undefined {
    const title = datedTitle(line, true, this.dateFormat);
    if (title) {
      // A dated title inside a body means the previous release never got its Source.
      this.current = this.open(line, title);
      return close(current);
    }
    if (!addBodyLine(current, line)) return undefined;
    this.current = undefined;
    return close(current);
  }

  /** Between releases a line is a title, a category, an undated title, or orphan text. */
  private readBetween(line: Line, i: number): Release | undefined {
    const t = line.text.trim();
    const title = datedTitle(line, false, this.dateFormat);
    if (title) {
      this.current = this.open(line, title);
      return undefined;
    }
    const hasSource = findSource(line.text) !== undefined;
    // A category heads a title: a dated one, or one whose date is missing (a short line that is no sentence).
    if (!hasSource && isCategoryCandidate(t)) {
      const next = this.lines.nextNonEmpty(i + 1);
      if (next && (datedTitle(next, false, this.dateFormat) || isUndatedTitle(next.text.trim()))) {
        this.category = { line: line.index, name: t, span: trimmedSpan(line) };
        return undefined;
      }
    }
    if (isUndatedTitle(t)) {
      const span = trimmedSpan(line);
      this.current = this.open(line, { line: line.index, span, text: t, textSpan: span });
      return undefined;
    }
    const orphan = this.open(line, undefined);
    if (!addBodyLine(orphan, line)) {
      this.current = orphan;
      return undefined;
    }
    return close(orphan);
  }

  private open(line: Line, title: Title | undefined): Release {
    return open(this.index++, line, title, this.category);
  }
}

/**
 * Reads releases one at a time, in a single forward pass with two states
 * (between releases, inside one). Each release is handed out as soon as it
 * is closed, so a caller that does not keep them can read a feed of any
 * size in bounded memory.
 */
export function* parseReleases(
  text: string,
  options: ParseOptions = {},
  lineIndex = new LineIndex(text),
): Generator<Release> {
  yield* parseReleasesFrom(lineIndex, options, { line: 0, index: 0, category: undefined });
}

/** Where a partial parse starts: a line between releases, the index of the next release, and its category. */
export interface ParseStart {
  line: number;
  index: number;
  category: Category | undefined;
}

/**
 * Says whether an earlier parse can take over at line `line`, given the
 * category in effect there: it started a release at that line, with that
 * category, and the text from there on is unchanged.
 */
export type CanResume = (line: number, category: Category | undefined) => boolean;

/**
 * Reads releases from `start` on, for re-reading the part of a feed that an
 * edit touched. It stops, returning the line, where `canResume` lets an
 * earlier parse take over; it returns undefined when it read to the end.
 */
export function* parseReleasesFrom(
  lineIndex: LineIndex,
  options: ParseOptions,
  start: ParseStart,
  canResume?: CanResume,
): Generator<Release, number | undefined> {
  const lines = new ParserLines(lineIndex);
  const reader = new FeedReader(lines, options.dateFormat ?? DEFAULT_DATE_FORMAT, start.index, start.category);
  for (let i = start.line; i < lines.count; i++) {
    if (canResume?.(i, reader.category) && reader.canStartAt(i)) {
      const last = reader.finish();
      if (last) yield last;
      return i;
    }
    const closed = reader.read(i);
    if (closed) yield closed;
  }
  const last = reader.finish();
  if (last) yield last;
  return undefined;
}

function report(r: Release, p: Omit<ParseProblem, 'release'>): void {
  r.problems.push({ ...p, release: r.index });
}

function open(index: number, line: Line, title: Title | undefined, category: Category | undefined): Release {
  const span = trimmedSpan(line);
  const r: Release = {
    index,
    span: { start: span.start, end: span.end },
    firstLine: line.index,
    lastLine: line.index,
    category,
    title,
    body: [],
    problems: [],
  };
  if (title && !title.date) {
    report(r, { kind: 'missing-date', span: title.span, message: MISSING_DATE_MESSAGE });
  }
  if (!title) {
    report(r, { kind: 'missing-title', span, message: 'Text after a Source has no title line (an orphan story)' });
  }
  return r;
}

/** Records what a finished release lacks; its problems are then in document order. */
function close(r: Release): Release {
  const last = r.body.length > 0 ? r.body[r.body.length - 1] : undefined;
  if (!r.source) {
    r.span.end = last ? last.span.end : r.title ? r.title.span.end : r.span.end;
    r.lastLine = last ? last.line : r.title ? r.title.line : r.firstLine;
    report(r, {
      kind: 'missing-source',
      span: r.title ? r.title.span : r.body.length > 0 ? r.body[0].span : r.span,
      message: 'Release has no Source line',
    });
  }
  if (r.title && r.body.length === 0) {
    report(r, { kind: 'empty-body', span: r.title.span, message: 'Release has no body text' });
  }
  r.problems.sort((a, b) => a.span.start - b.span.start);
  return r;
}

/** Adds a body line (and a Source found on it) to the open release; returns true when the release ended. */
function addBodyLine(r: Release, line: Line): boolean {
  const hit = findSource(line.text);
  const bodyText = hit ? line.text.slice(0, hit.prefixEnd) : line.text;
  const t = bodyText.trim();
  if (t.length > 0) {
    const lead = bodyText.length - bodyText.trimStart().length;
    const span = { start: line.start + lead, end: line.start + bodyText.trimEnd().length };
    const body: BodyLine = { kind: classifyBody(t), line: line.index, text: t, span };
    r.body.push(body);
    r.span.end = span.end;
    r.lastLine = line.index;
  }
  if (!hit) return false;
  const url = line.text.slice(hit.urlStart, hit.urlEnd);
  const source: Source = {
    line: line.index,
    span: { start: line.start + hit.labelStart, end: line.start + Math.max(hit.urlEnd, hit.labelEnd) },
    labelSpan: { start: line.start + hit.labelStart, end: line.start + hit.labelEnd },
    url,
    urlSpan: { start: line.start + hit.urlStart, end: line.start + hit.urlEnd },
    glued: t.length > 0,
    gapSpan: t.length > 0 ? { start: line.start + hit.prefixEnd, end: line.start + hit.labelStart } : undefined,
  };
  r.source = source;
  r.span.end = source.span.end;
  r.lastLine = line.index;
  const urlProblem = sourceUrlProblem(url);
  if (urlProblem) {
    report(r, { kind: 'source-url', span: url.length > 0 ? source.urlSpan : source.labelSpan, message: urlProblem });
  }
  return true;
}

/** Parses a whole feed into its model. Never throws: every fault becomes a ParseProblem. */
export function parseFeed(text: string, options: ParseOptions = {}): Feed {
  const lineIndex = new LineIndex(text);
  const releases = [...parseReleases(text, options, lineIndex)];
  const categories: Category[] = [];
  for (const r of releases)
    if (r.category && r.category !== categories[categories.length - 1]) categories.push(r.category);
  const problems = releases.flatMap((r) => r.problems);
  return { text, lineIndex, categories, releases, problems, eol: detectEol(text), bom: text.charCodeAt(0) === 0xfeff };
}
