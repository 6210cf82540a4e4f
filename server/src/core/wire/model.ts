/**
 * The parts of a standard press release (the "wire" format) that the feed model has no place for. The parser
 * fills what it finds and leaves the rest undefined, so that the rules can say what is missing.
 */
import type { CalendarDate } from '../dates';
import type { Span } from '../text';

/** The formats that the linter knows: the government feed and the standard (wire) press release. */
export type Format = 'feed' | 'wire';
export const FORMATS: readonly Format[] = ['feed', 'wire'];

/** A piece of text and where it stands in the document. */
export interface Piece {
  text: string;
  span: Span;
}

export type HeaderKind = 'immediate' | 'embargo' | 'label';

export interface HeaderLine extends Piece {
  kind: HeaderKind;
  line: number;
}

/** An `EMBARGOED UNTIL` line; `value` is what follows the label. */
export interface Embargo extends Piece {
  line: number;
  value: Piece;
}

/** The dateline that opens the first body paragraph, such as `AUSTIN, Texas, March 4, 2025 —`. */
export interface Dateline {
  span: Span;
  city: Piece;
  /** The date as written, weekday included when one is named. */
  date: Piece;
  /** The date read from the text; its fields may be out of range when the text names an impossible date. */
  parsed?: CalendarDate;
  /** The weekday named before the date (0 = Sunday), when there is one. */
  weekday?: { index: number; span: Span };
  dash: Piece;
}

/** One `About <Organisation>` section: its heading (or lead-in) and its paragraphs. */
export interface Boilerplate {
  organisation: string;
  heading: Piece;
  span: Span;
}

export interface EndMark extends Piece {
  line: number;
}

export interface ContactBlock {
  heading: Piece;
  /** The lines below the heading (and any text after the heading's colon). */
  lines: Piece[];
  emails: Piece[];
  phones: Piece[];
  span: Span;
}

export interface WireParts {
  headers: HeaderLine[];
  embargo?: Embargo | undefined;
  headline?: (Piece & { line: number }) | undefined;
  subheadline?: Piece | undefined;
  dateline?: Dateline | undefined;
  /** The first body paragraph, whether or not it opens with a dateline. */
  firstParagraph?: Piece | undefined;
  boilerplates: Boilerplate[];
  endMark?: EndMark | undefined;
  contact?: ContactBlock | undefined;
  /** The last line of the body and boilerplate, after which an end mark belongs; undefined when there is no body. */
  lastBodyLine?: number | undefined;
}

/** The format setting: a format, or `auto` to detect it from the document. */
export type FormatSetting = Format | 'auto';
export const FORMAT_SETTINGS: readonly FormatSetting[] = ['auto', 'feed', 'wire'];
