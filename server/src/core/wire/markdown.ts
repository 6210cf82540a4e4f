/**
 * The Markdown decoration of a line, set aside so that the line's part can be told from its words. A release kept in
 * a `.md` file writes `## About Acme`, `**Media contact:**` or `[jane@acme.example](mailto:jane@acme.example)`; the
 * parser classifies the words inside and keeps spans into the document as written.
 */
import type { Piece } from './model';

/** A heading's hashes before the words. */
const HEADING = /^#{1,6}\s+/;
/**
 * Emphasis that wraps the whole line, bold tried before italics; the mark must not stand inside, since
 * `**Acme** and **Globex**` is two bold names, not one.
 */
const WRAPPED = /^(\*\*|__|\*|_)(?=\S)((?:(?!\1)[\s\S])*\S)\1$/;
/** How many layers are taken off: `## **About Acme**` has two, and a line is never made of decoration alone. */
const MAX_LAYERS = 4;

/**
 * The line's words without a heading's hashes or the emphasis around the whole of it. The result is a piece of the
 * same line, so its span still points into the document.
 */
export function undecorated(piece: Piece): Piece {
  let { text } = piece;
  let start = piece.span.start;
  for (let layer = 0; layer < MAX_LAYERS; layer++) {
    const heading = HEADING.exec(text);
    if (heading) {
      text = text.slice(heading[0].length);
      start += heading[0].length;
      continue;
    }
    const wrapped = WRAPPED.exec(text);
    if (!wrapped) break;
    const mark = wrapped[1].length;
    text = wrapped[2];
    start += mark;
  }
  return { text, span: { start, end: start + text.length } };
}

/** A Markdown link's target: `(mailto:jane@acme.example)` after the bracketed text. */
const LINK_TARGET = /\]\([^()\s]*\)/g;

/**
 * The text with each link's target blanked out, length for length, so that an address or number written both as a
 * link's text and in its target is found once, at the text, and offsets into the result are offsets into `text`.
 */
export function withoutLinkTargets(text: string): string {
  return text.replace(LINK_TARGET, (target) => `]${' '.repeat(target.length - 1)}`);
}

/** The text with each Markdown link written as its words: `[Jane Roe](https://…)` reads `Jane Roe`. */
export function linkWords(text: string): string {
  return text.replace(/\[([^\]]*)\]\([^()\s]*\)/g, '$1');
}
