/**
 * The story of a standard release read as paragraphs, and which of them are section headings. The parser keeps
 * one body line per text line and marks only `About` headings; `quote-attribution`, the outline and hover read
 * paragraphs, and find them here, so that they all agree on where a paragraph starts and ends.
 */
import type { Release } from '../model';
import { countWords, type Span } from '../text';
import type { WireParts } from './model';

/** Lines of text with no blank line between them, outside the boilerplate. */
export interface Paragraph {
  /** The paragraph as written, line breaks included: an offset into it plus `span.start` is one into the document. */
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

function inBoilerplate(offset: number, wire: WireParts): boolean {
  return wire.boilerplates.some((b) => offset >= b.heading.span.start && offset <= b.span.end);
}

/** The story's paragraphs in document order, without the `About` boilerplate, which describes rather than tells. */
export function storyParagraphs(release: Release, wire: WireParts, text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let last: Paragraph | undefined;
  for (const line of release.body) {
    if (line.kind !== 'paragraph' || inBoilerplate(line.span.start, wire)) {
      last = undefined;
      continue;
    }
    if (last && line.line === last.firstLine + last.lineCount) {
      last.span.end = line.span.end;
      last.lineCount++;
    } else {
      last = { text: '', span: { ...line.span }, firstLine: line.line, lineCount: 1 };
      paragraphs.push(last);
    }
  }
  for (const p of paragraphs) p.text = text.slice(p.span.start, p.span.end);
  return paragraphs;
}

/** The heading's text when the paragraph is a section heading of the story, or undefined. */
export function sectionHeading(p: Paragraph, wire: WireParts): string | undefined {
  // The first paragraph carries the dateline and the lede, however short it is.
  const first = wire.firstParagraph?.span.start;
  if (p.lineCount !== 1 || (first !== undefined && first >= p.span.start && first <= p.span.end)) return undefined;
  const line = p.text.trim();
  const markdown = MARKDOWN_HEADING.exec(line);
  if (markdown) return line.slice(markdown[0].length).trim() || undefined;
  if (SENTENCE_END.test(line) || LIST_ITEM.test(line) || OPENING_QUOTE.test(line)) return undefined;
  if (!/^[\p{Lu}\p{N}]/u.test(line) || countWords(line) > MAX_HEADING_WORDS) return undefined;
  return line.replace(/:$/, '');
}
