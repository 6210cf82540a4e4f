/**
 * What the workspace index keeps of one file: for each release, the facts that cross-file rules compare (its
 * title and date, its Source) and where they stand. Offsets serve the file's own findings; lines and characters
 * serve related information shown from another file, whose text is not kept. A summary holds no body text, so
 * the summaries of ten thousand files fit in a few megabytes.
 */
import { slotStart, type Analysis } from '../analysis';
import type { Config } from '../config';
import { toIso } from '../dates';
import { documentReleases } from '../documentReleases';
import { ReleaseFacts } from '../facts';
import { LineIndex, type Position, type Span } from '../text';
import { NameBook, type ReleaseNames } from '../names/index';
import { scanReleaseNames } from '../names/scan';
import { resolveFormat } from '../wire/format';
import type { Format } from '../wire/model';
import type { ProblemCounts } from './counts';
import { summarizeAcronyms } from './acronymSummary';
import { sameNames, summarizeNames, type FileNames } from './nameSummary';

/** A span of a file in both coordinates: UTF-16 offsets, and the zero-based lines and characters of LSP. */
export interface Placed {
  span: Span;
  start: Position;
  end: Position;
}

/** A title or a Source: its text as written, the key that duplicates share, and where it stands. */
export interface KeyedPart extends Placed {
  text: string;
  key: string;
}

export interface ReleaseSummary {
  /** The whole release, for symbols and the Releases view. */
  place: Placed;
  /** The title as written, for symbols; a release without a title has none. */
  title?: string | undefined;
  /** The title with the key that `duplicate-title` compares: present only when the release has a dated title. */
  dated?: KeyedPart | undefined;
  /** The publication date in ISO form (`2025-03-04`), when it is a real date. */
  date?: string | undefined;
  source?: KeyedPart | undefined;
}

export interface FileSummary {
  format: Format;
  releases: ReleaseSummary[];
  /** The file's names: every spelling, where it occurs, and what tells it apart from other names. */
  names?: FileNames | undefined;
  /**
   * The file's acronym definitions, for hover in other files (see `acronymSummary.ts`). They change no finding, so
   * other files are not told when they change.
   */
  acronyms?: Int32Array | undefined;
  /**
   * Each release's problem counts under the full rules, one per release, once the index's counting pass linted the
   * file; absent before. Cross-file findings are not in them: they change with other files, and are added when asked.
   */
  counts?: ProblemCounts[];
}

function placed(lines: LineIndex, span: Span): Placed {
  return { span, start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

/**
 * A title or a Source, written as one object literal. An object spread followed by more properties gives each
 * object a hidden class of its own in V8, and with a title and a Source per release that alone took about 10 MB of
 * the index's heap on ten thousand files; a literal lets every part share one.
 */
function keyedPart(lines: LineIndex, span: Span, text: string, key: string): KeyedPart {
  return { span, start: lines.positionAt(span.start), end: lines.positionAt(span.end), text, key };
}

/**
 * A copy of a string that does not hold on to the text it was cut from. V8 keeps a substring as a view of its
 * parent, so a title kept as sliced would keep its whole file's text alive, and a summary would be no smaller
 * than the text; a JSON round trip builds a string of its own.
 */
function detached<T extends string | undefined>(s: T): T {
  return (s === undefined ? s : JSON.parse(JSON.stringify(s))) as T;
}

function summaryOfFacts(facts: ReleaseFacts, lines: LineIndex): ReleaseSummary {
  const title = facts.title;
  const date = title?.date;
  const titleText = detached(title?.text);
  const summary: ReleaseSummary = {
    place: placed(lines, facts.span),
    title: titleText,
    date: date?.valid ? toIso(date) : undefined,
  };
  if (title && titleText !== undefined && facts.titleKey !== undefined)
    summary.dated = keyedPart(lines, title.textSpan, titleText, detached(facts.titleKey));
  const source = facts.source;
  if (source && facts.sourceKey !== undefined)
    summary.source = keyedPart(lines, source.urlSpan, detached(source.url), detached(facts.sourceKey));
  return summary;
}

/**
 * A file's summary from its text alone: it is parsed, and its names scanned unless `withNames` is false, but no
 * rule runs, so a workspace is indexed quickly.
 */
export function summarizeText(text: string, config: Config, withNames = true): FileSummary {
  const format = resolveFormat(config.format, text);
  const lines = new LineIndex(text);
  const releases: ReleaseSummary[] = [];
  const scans: Array<[ReleaseSummary, ReleaseNames]> = [];
  for (const release of documentReleases(text, format, { dateFormat: config.dateFormat }, lines)) {
    const summary = summaryOfFacts(ReleaseFacts.of(release), lines);
    if (withNames) scans.push([summary, scanReleaseNames(release, text)]);
    releases.push(summary);
  }
  if (!withNames) return { format, releases };
  const book = new NameBook<ReleaseSummary>(config, false);
  book.update([], scans);
  const tokens = releases.map((r) => ({ tokens: book.tokensOf(r), base: r.place.span.start }));
  const definitions = scans.map(([r, scan]) => ({ definitions: scan.definitions, base: r.place.span.start }));
  return { format, releases, names: summarizeNames(tokens, lines), acronyms: summarizeAcronyms(definitions, lines) };
}

/**
 * Each parsed release's summary, in the offsets and lines of the version it was parsed in. An open document is
 * summarized again on every version, and an edit parses only the releases it touched: the others keep their
 * parsed facts, so their detached strings and places are made once and only moved afterwards.
 */
const parsedSummaries = new WeakMap<ReleaseFacts, ReleaseSummary>();

/** An open document's summary, from the facts its analysis already holds: its live text wins over the disk. */
export function summarizeAnalysis(analysis: Analysis): FileSummary {
  const lines = analysis.lineIndex;
  const releases = analysis.slots.map((slot, i) => {
    let base = parsedSummaries.get(slot.parsed.facts);
    if (!base) {
      const here = summaryOfFacts(analysis.facts.releases[i], lines);
      if (slot.delta === 0 && slot.lineDelta === 0) base = here;
      else base = movedSummary(here, -slot.delta, -slot.lineDelta, undefined);
      parsedSummaries.set(slot.parsed.facts, base);
    }
    return slot.delta === 0 && slot.lineDelta === 0 ? base : movedSummary(base, slot.delta, slot.lineDelta, lines);
  });
  const names = summarizeNames(analysis.facts.names().unplacedByRelease, lines);
  const definitions = analysis.slots.map((slot) => ({
    definitions: slot.parsed.names.definitions,
    base: slotStart(slot),
  }));
  return { format: analysis.format, releases, names, acronyms: summarizeAcronyms(definitions, lines) };
}

/**
 * A summary moved by `delta` code units and `lineDelta` lines. A place keeps its character when its line moved
 * with it, which `lines` (the version it is moved into) tells: an edit on the line before a release's first
 * character would shift that line's characters, so such a place is found again. Without `lines`, the move is
 * back to the version a release was parsed in, where the characters were those of the facts.
 */
function movedSummary(r: ReleaseSummary, delta: number, lineDelta: number, lines?: LineIndex): ReleaseSummary {
  // Each object is written out rather than spread: an object spread is several times slower, and every release
  // below an edit is moved on every keystroke.
  const move = (p: Placed): Placed => {
    const span = { start: p.span.start + delta, end: p.span.end + delta };
    const start = movedPosition(p.start, span.start, lineDelta, lines);
    return { span, start, end: movedPosition(p.end, span.end, lineDelta, lines) };
  };
  const keyed = (k: KeyedPart): KeyedPart => {
    const { span, start, end } = move(k);
    return { span, start, end, text: k.text, key: k.key };
  };
  const out: ReleaseSummary = { place: move(r.place), title: r.title, date: r.date };
  if (r.dated) out.dated = keyed(r.dated);
  if (r.source) out.source = keyed(r.source);
  return out;
}

/** A position moved with its offset; kept as it is when it did not move, since versions share summaries read-only. */
function movedPosition(p: Position, offset: number, lineDelta: number, lines: LineIndex | undefined): Position {
  const line = p.line + lineDelta;
  if (lines && lines.lineStart(line) !== offset - p.character) return lines.positionAt(offset);
  return lineDelta === 0 ? p : { line, character: p.character };
}

function samePlace(a: Placed | undefined, b: Placed | undefined): boolean {
  if (!a || !b) return a === b;
  const { start: s, end: e } = a;
  return (
    s.line === b.start.line &&
    s.character === b.start.character &&
    e.line === b.end.line &&
    e.character === b.end.character
  );
}

function sameKeyed(a: KeyedPart | undefined, b: KeyedPart | undefined): boolean {
  if (!a || !b) return a === b;
  return a.key === b.key && a.text === b.text && samePlace(a, b);
}

/**
 * Whether two summaries of a file look the same from other files: the same titles, keys and places in lines and
 * characters. Offsets are left out, since only the file's own findings read them; when this holds, the
 * cross-file findings of the other files stay as they were, unless they compare names (see `sameNamesOf`).
 */
export function sameFromElsewhere(a: FileSummary | undefined, b: FileSummary | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.format !== b.format || a.releases.length !== b.releases.length) return false;
  return a.releases.every((r, i) => {
    const o = b.releases[i];
    return r.title === o.title && r.date === o.date && sameKeyed(r.dated, o.dated) && sameKeyed(r.source, o.source);
  });
}

/**
 * Whether two summaries of a file have the same names, in the same places in lines and characters: what the other
 * files' cross-file findings read under the names' workspace scope.
 */
export function sameNamesOf(a: FileSummary | undefined, b: FileSummary | undefined): boolean {
  return sameNames(a?.names, b?.names);
}
