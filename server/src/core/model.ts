/**
 * The document model of a press-release feed.
 *
 * Fields that a half-typed release may lack are optional, so that the parser
 * can always return a model and let the rules say what is missing.
 */
import type { DateMatch } from './dates';
import type { LineIndex, Span } from './text';
import type { WireParts } from './wire/model';

export type BodyKind = 'paragraph' | 'list-item' | 'quote' | 'subheading' | 'score';

export interface BodyLine {
  kind: BodyKind;
  line: number;
  /** The text of the line, without a Source glued to its end. */
  text: string;
  span: Span;
}

export interface PublicationDate extends DateMatch {
  span: Span;
}

export interface Title {
  line: number;
  /** The whole title line, date included. */
  span: Span;
  /** The headline without the date. */
  text: string;
  textSpan: Span;
  date?: PublicationDate;
  /** The whitespace between the headline and the date. */
  gapSpan?: Span;
}

export interface Source {
  line: number;
  /** From the `Source` label to the end of the URL. */
  span: Span;
  labelSpan: Span;
  url: string;
  urlSpan: Span;
  /** True when the Source shares its line with the last paragraph. */
  glued: boolean;
  /** For a glued Source, the whitespace (maybe empty) between the paragraph and the label. */
  gapSpan?: Span | undefined;
}

export interface Category {
  line: number;
  name: string;
  span: Span;
}

export interface Release {
  index: number;
  /** From the first character of the title (or orphan text) to the end of the Source or the last body line. */
  span: Span;
  firstLine: number;
  lastLine: number;
  category?: Category | undefined;
  title?: Title | undefined;
  body: BodyLine[];
  source?: Source;
  /** The structural faults of this release, also listed feed-wide in `Feed.problems`. */
  problems: ParseProblem[];
  /** The parts of a standard (wire) release that a feed release has not; undefined in a feed. */
  wire?: WireParts | undefined;
}

export type ParseProblemKind = 'missing-date' | 'missing-title' | 'missing-source' | 'empty-body' | 'source-url';

/** Something structurally wrong that the parser recovered from. Rules turn these into findings. */
export interface ParseProblem {
  kind: ParseProblemKind;
  release: number;
  span: Span;
  message: string;
}

export interface Feed {
  text: string;
  /** Line starts, shared by the parser, the rules and every consumer that maps offsets to positions. */
  lineIndex: LineIndex;
  categories: Category[];
  releases: Release[];
  problems: ParseProblem[];
  /**
   * What the document's first line ends with (`\n`, `\r\n` or `\r`), for new lines that follow no line; a fix that
   * splits a line copies that line's own terminator instead.
   */
  eol: string;
  /** Whether the text starts with a byte-order mark, which the parser skips. */
  bom: boolean;
  /** The parts of a standard (wire) release, when the document is one; undefined for a feed. */
  wire?: WireParts | undefined;
}
