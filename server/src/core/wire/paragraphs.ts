/**
 * The story's paragraphs of a standard release: its body lines joined where no blank line parts them, without the
 * `About` boilerplate, which describes the organisation rather than tells the news.
 */
import type { Release } from '../model';
import type { WireParts } from './model';

export interface Paragraph {
  /** Offset of the paragraph's first character (the start of its first line) in the document. */
  start: number;
  /** Offset after its last line, without the terminator. */
  end: number;
  /** The paragraph as written, line breaks included, so offsets into it add to `start`. */
  text: string;
}

function inBoilerplate(offset: number, wire: WireParts): boolean {
  return wire.boilerplates.some((b) => offset >= b.heading.span.start && offset <= b.span.end);
}

export function storyParagraphs(release: Release, wire: WireParts, text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let lastLine = -2;
  for (const line of release.body) {
    if (line.kind !== 'paragraph' || inBoilerplate(line.span.start, wire)) {
      lastLine = -2;
      continue;
    }
    const current = paragraphs[paragraphs.length - 1];
    if (current && line.line === lastLine + 1) current.end = line.span.end;
    else paragraphs.push({ start: line.span.start, end: line.span.end, text: '' });
    lastLine = line.line;
  }
  for (const p of paragraphs) p.text = text.slice(p.start, p.end);
  return paragraphs;
}
