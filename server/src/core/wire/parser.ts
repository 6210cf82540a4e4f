/**
 * The parser of a standard press release: one release per file. It walks the lines once, deciding each line's
 * part from its shape and from what came before it, so any part may be missing or out of order. It never throws:
 * a document of any shape gives a model, and the rules say what is missing.
 */
import type { BodyLine, Release } from '../model';
import { LineIndex, type Line } from '../text';
import { readDateline } from './dateline';
import { aboutHeading, contactHeading, EMAIL, EMBARGO_LABEL, headerKind, isEndMark, isSubheadline } from './lines';
import { PHONE } from './lines';
import { undecorated, withoutLinkTargets } from './markdown';
import type { Boilerplate, ContactBlock, Piece, WireParts } from './model';

/** A standard release as the shared model (one release, no Source) and its wire-only parts. */
export interface WireDocument {
  release: Release;
  wire: WireParts;
}

/** The line without its leading and trailing blanks, and where that stands in the document. */
function trimmed(line: Line): Piece {
  const lead = line.text.length - line.text.trimStart().length;
  const text = line.text.trim();
  return { text, span: { start: line.start + lead, end: line.start + lead + text.length } };
}

function matchesIn(piece: Piece, re: RegExp): Piece[] {
  const found: Piece[] = [];
  for (const m of piece.text.matchAll(re)) {
    const start = piece.span.start + (m.index ?? 0);
    found.push({ text: m[0], span: { start, end: start + m[0].length } });
  }
  return found;
}

class WireBuilder {
  readonly wire: WireParts = { headers: [], boilerplates: [] };
  readonly body: BodyLine[] = [];
  private contactOpen = false;
  /** Whether the contact heading was a Markdown heading (`## Media contact`) or a bold line of its own. */
  private contactUnderHeading = false;
  private paragraphStart = true;
  private boilerplate: Boilerplate | undefined;
  private first: Line | undefined;
  private last: Line | undefined;

  constructor(private readonly lines: LineIndex) {}

  take(line: Line): void {
    const piece = trimmed(line);
    if (piece.text === '') {
      // A Markdown heading is followed by a blank line before its contact; any other heading's block ends at one.
      this.contactOpen &&= this.contactUnderHeading && this.wire.contact?.lines.length === 0;
      this.paragraphStart = true;
      return;
    }
    this.first ??= line;
    this.last = line;
    if (this.contactOpen) this.addContactLine(piece);
    else if (!this.placeMarker(line, piece)) this.placeText(line, piece);
  }

  /**
   * Headers, end marks and contact headings: lines that are recognised by their shape alone, once the Markdown
   * heading marks or emphasis around the whole line are set aside.
   */
  private placeMarker(line: Line, raw: Piece): boolean {
    const piece = undecorated(raw);
    const kind = this.body.length === 0 ? headerKind(piece.text) : undefined;
    if (kind) {
      this.wire.headers.push({ ...piece, kind, line: line.index });
      if (kind === 'embargo') this.addEmbargo(line, piece);
      return true;
    }
    if (isEndMark(piece.text) || isEndMark(raw.text)) {
      this.wire.endMark ??= { ...raw, line: line.index };
      return true;
    }
    return this.openContact(piece, raw);
  }

  private addEmbargo(line: Line, piece: Piece): void {
    const label = EMBARGO_LABEL.exec(piece.text)?.[0].length ?? 0;
    const start = piece.span.start + label;
    const value = { text: piece.text.slice(label), span: { start, end: piece.span.end } };
    this.wire.embargo ??= { ...piece, line: line.index, value };
  }

  private openContact(piece: Piece, raw: Piece): boolean {
    const m = contactHeading(piece.text);
    if (!m || this.wire.contact) return false;
    const start = piece.span.start + m.at;
    const heading = { text: m.words, span: { start, end: start + m.words.length } };
    this.wire.contact = { heading, lines: [], emails: [], phones: [], span: { ...piece.span } };
    this.contactOpen = true;
    this.contactUnderHeading = piece.text !== raw.text;
    const rest = piece.text.slice(m.length);
    if (rest) this.addContactLine({ text: rest, span: { start: piece.span.start + m.length, end: piece.span.end } });
    return true;
  }

  private addContactLine(piece: Piece): void {
    const contact = this.wire.contact as ContactBlock;
    contact.lines.push(piece);
    // A Markdown link's target repeats its text (`[jane@acme.example](mailto:jane@acme.example)`): read the text.
    const linkText = { text: withoutLinkTargets(piece.text), span: piece.span };
    const emails = matchesIn(linkText, EMAIL);
    contact.emails.push(...emails);
    // Digits inside an e-mail address are not a phone number.
    const withoutEmails = emails.reduce((t, e) => t.replace(e.text, ' '.repeat(e.text.length)), linkText.text);
    contact.phones.push(...matchesIn({ text: withoutEmails, span: piece.span }, PHONE));
    contact.span.end = piece.span.end;
  }

  /** The headline, the subheadline, and the body and boilerplate paragraphs. */
  private placeText(line: Line, piece: Piece): void {
    const starts = this.paragraphStart;
    this.paragraphStart = false;
    if (starts && this.body.length === 1) this.promoteSubheadline(piece);
    const dateline = this.body.length === 0 ? readDateline(piece.text, piece.span.start) : undefined;
    if (!this.wire.headline && !dateline && this.body.length === 0) {
      this.wire.headline = { ...undecorated(piece), line: line.index };
      return;
    }
    if (this.body.length === 0 && !this.wire.subheadline && isSubheadline(piece.text, !starts)) {
      this.wire.subheadline = piece;
      return;
    }
    if (this.body.length === 0) {
      this.wire.dateline = dateline;
      this.wire.firstParagraph = piece;
    }
    const about = starts ? aboutHeading(undecorated(piece).text) : undefined;
    if (about) {
      this.boilerplate = { organisation: about.organisation, heading: piece, span: { ...piece.span } };
      this.wire.boilerplates.push(this.boilerplate);
    }
    if (this.boilerplate) this.boilerplate.span.end = piece.span.end;
    this.body.push({
      kind: about?.alone ? 'subheading' : 'paragraph',
      line: line.index,
      text: line.text,
      span: { start: line.start, end: line.end },
    });
    this.wire.lastBodyLine = line.index;
  }

  /**
   * A one-line first paragraph with no closing period, followed by a paragraph that opens with a dateline, was the
   * subheadline set apart by a blank line, as plain-text copies of wire releases lose its italics.
   */
  private promoteSubheadline(next: Piece): void {
    const first = this.wire.firstParagraph;
    if (!first || this.wire.subheadline || this.boilerplate || !isSubheadline(first.text, true)) return;
    if (!readDateline(next.text, next.span.start)) return;
    this.wire.subheadline = first;
    this.wire.firstParagraph = undefined;
    this.wire.dateline = undefined;
    this.wire.lastBodyLine = undefined;
    this.body.length = 0;
  }

  release(): Release {
    const h = this.wire.headline;
    const first = this.first;
    const last = this.last;
    return {
      index: 0,
      span: { start: first ? trimmed(first).span.start : 0, end: last ? last.end : 0 },
      firstLine: first?.index ?? 0,
      lastLine: last?.index ?? 0,
      title: h && { line: h.line, span: { ...this.lines.line(h.line) }, text: h.text, textSpan: h.span },
      body: this.body,
      problems: [],
      wire: this.wire,
    };
  }
}

/** Parses one standard release. Offsets are UTF-16 code units into `text`. */
export function parseWire(text: string, lines: LineIndex = new LineIndex(text)): WireDocument {
  const builder = new WireBuilder(lines);
  for (let i = 0; i < lines.lineCount; i++) builder.take(lines.line(i));
  const release = builder.release();
  return { release, wire: builder.wire };
}
