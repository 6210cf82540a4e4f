/**
 * The story of a standard release read as paragraphs: which are section headings and which are quoted speech.
 * The parser keeps one body line per text line and marks only `About` headings, because the rules read its
 * kinds; the outline and hover need more, and find it here, so that no rule's findings change with it.
 */
import type { Release } from '../model';
import { clip, countWords, type Span } from '../text';
import type { WireParts } from './model';

/** Lines of text with no blank line between them, outside the boilerplate. */
export interface Paragraph {
  text: string;
  span: Span;
  firstLine: number;
  lineCount: number;
}

/** A section heading is short: a longer line without a full stop is a sentence that lacks one. */
const MAX_HEADING_WORDS = 10;
const MARKDOWN_HEADING = /^#{2,6}\s+/;
/** A line that ends like a sentence, a clause or a quotation is not a heading; a colon may end one. */
const SENTENCE_END = /[.!?,;"”’'»)\]]$/;
const LIST_ITEM = /^(?:[-*•–]|\d+[.)])\s/;
const OPENING_QUOTE = /^["“„«‘]/;
/** A quotation of at least three words between paired marks. */
const QUOTATION = /["“„«]([^"“”„«»]*?\S\s+\S+\s+\S[^"“”„«»]*?)["”“»]/u;
const SPEECH = /\b(?:said|says|added|adds|explained|noted|commented|stated|according to)\b/i;
const SPEAKER = /\b(?:said|says|added|adds|explained|noted)\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})/u;
/** How many words of a quotation name it in the outline. */
const QUOTE_WORDS = 6;

function inBoilerplate(wire: WireParts, offset: number): boolean {
  return wire.boilerplates.some((b) => offset >= b.span.start && offset <= b.span.end);
}

/** The story's paragraphs in document order; boilerplate paragraphs are left out. */
export function storyParagraphs(release: Release, wire: WireParts): Paragraph[] {
  const out: Paragraph[] = [];
  let last: Paragraph | undefined;
  for (const line of release.body) {
    const text = line.text.trim();
    if (inBoilerplate(wire, line.span.start + line.text.length - line.text.trimStart().length)) continue;
    if (last && line.line === last.firstLine + last.lineCount) {
      last.text = `${last.text} ${text}`;
      last.span = { start: last.span.start, end: line.span.end };
      last.lineCount++;
    } else {
      last = { text, span: { ...line.span }, firstLine: line.line, lineCount: 1 };
      out.push(last);
    }
  }
  return out;
}

/** The heading's text when the paragraph is a section heading of the story, or undefined. */
export function sectionHeading(p: Paragraph, wire: WireParts): string | undefined {
  // The first paragraph carries the dateline and the lede, however short it is.
  const first = wire.firstParagraph?.span.start;
  if (p.lineCount !== 1 || (first !== undefined && first >= p.span.start && first <= p.span.end)) return undefined;
  const markdown = MARKDOWN_HEADING.exec(p.text);
  if (markdown) return p.text.slice(markdown[0].length).trim() || undefined;
  if (SENTENCE_END.test(p.text) || LIST_ITEM.test(p.text) || OPENING_QUOTE.test(p.text)) return undefined;
  if (!/^[\p{Lu}\p{N}]/u.test(p.text) || countWords(p.text) > MAX_HEADING_WORDS) return undefined;
  return p.text.replace(/:$/, '');
}

export interface Quote {
  /** The first words of the quotation, in curly quotes, as the outline names it. */
  name: string;
  /** Who said it, when the paragraph says so right after the quotation (`said Jane Roe`). */
  speaker?: string | undefined;
}

/** The quoted speech a paragraph holds: one that opens with a quotation, or that quotes someone saying it. */
export function quoteOf(p: Paragraph): Quote | undefined {
  const quotation = QUOTATION.exec(p.text);
  if (!quotation || (!OPENING_QUOTE.test(p.text) && !SPEECH.test(p.text))) return undefined;
  const words = quotation[1].trim().split(/\s+/);
  const head = words.slice(0, QUOTE_WORDS).join(' ');
  const name = `“${clip(head, 60)}${words.length > QUOTE_WORDS ? '…' : ''}”`;
  const speaker = SPEAKER.exec(p.text.slice(quotation.index + quotation[0].length))?.[1];
  return { name, speaker: speaker?.replace(/[.,]$/, '') };
}
