/**
 * The outline and folding of a standard press release (the `wire` format), as plain data in offsets.
 * `features.ts` sends a document here when its analysis was made as a standard release; the hover is in
 * `wireHover.ts`.
 */
import type { Analysis } from './analysis';
import type { FoldingInfo, OutlineNode } from './features';
import type { Release } from './model';
import { clip, type Span } from './text';
import { SPEAKER_VERBS } from './wire/attribution';
import type { WireParts } from './wire/model';
import { sectionHeading, storyParagraphs, type Paragraph } from './wire/paragraphs';
import { findQuotes, isSpeech, segmentText } from './wire/quotes';

/** The one release of a standard release document and its wire parts, when the parser found any text. */
export function wireRelease(analysis: Analysis): { release: Release; wire: WireParts } | undefined {
  const release = analysis.feed.releases[0];
  return release?.wire ? { release, wire: release.wire } : undefined;
}

function leaf(name: string, kind: OutlineNode['kind'], span: Span, detail?: string, selection = span): OutlineNode {
  return { name, detail, kind, span, selectionSpan: selection, children: [] };
}

/** How many words of a quotation name it in the outline. */
const QUOTE_WORDS = 6;
/** The speaker named right after a quotation (`said Jane Roe`), for the quote's detail in the outline. */
const SPEAKER = new RegExp(`\\b(?:${SPEAKER_VERBS})\\s+(\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){0,3})`, 'u');

/**
 * The outline's entry for the first quotation of speech that opens in each paragraph, keyed by that paragraph. The
 * quotations are the ones `quote-attribution` checks, so the outline lists only quotes that the rule reads; a
 * paragraph that quotes its speaker twice (`"…," said Jane Roe. "…"`) is named by the first, which the speaker
 * follows.
 */
function quoteNodes(paragraphs: readonly Paragraph[]): Map<number, OutlineNode> {
  const nodes = new Map<number, OutlineNode>();
  for (const q of findQuotes(paragraphs)) {
    if (nodes.has(q[0].paragraph) || !isSpeech(q, paragraphs)) continue;
    const first = q[0];
    const last = q[q.length - 1];
    const words = q
      .map((s) => segmentText(s, paragraphs))
      .join(' ')
      .split(/\s+/);
    const name = `“${clip(words.slice(0, QUOTE_WORDS).join(' '), 60)}${words.length > QUOTE_WORDS ? '…' : ''}”`;
    const after = last.close === undefined ? '' : paragraphs[last.paragraph].text.slice(last.close + 1);
    const speaker = SPEAKER.exec(after)?.[1]?.replace(/[.,]$/, '');
    const span = { start: paragraphs[first.paragraph].span.start, end: paragraphs[last.paragraph].span.end };
    nodes.set(first.paragraph, leaf(name, 'quote', span, speaker));
  }
  return nodes;
}

/** Body sections hold the quotes that follow them; quotes before the first section stand at the top level. */
function storyNodes(release: Release, wire: WireParts, text: string): OutlineNode[] {
  const out: OutlineNode[] = [];
  let section: OutlineNode | undefined;
  const paragraphs = storyParagraphs(release, wire, text);
  const quotes = quoteNodes(paragraphs);
  paragraphs.forEach((p, i) => {
    const heading = sectionHeading(p, wire);
    if (heading !== undefined) {
      section = leaf(heading, 'subheading', { ...p.span }, undefined, p.span);
      out.push(section);
      return;
    }
    if (section) section.span.end = p.span.end;
    const quote = quotes.get(i);
    if (quote) (section?.children ?? out).push(quote);
  });
  return out;
}

/** The subheadline's words, without the italics or parentheses that set it off. */
function subheadlineText(wire: WireParts): string | undefined {
  return wire.subheadline?.text.replace(/^([*_(])(.*)([*_)])$/, (all, open: string, words: string, close: string) =>
    `${open}${close}` === '()' || open === close ? words : all,
  );
}

function partNodes(wire: WireParts): OutlineNode[] {
  const out: OutlineNode[] = wire.headers.map((h) => leaf(clip(h.text, 60), 'header', h.span));
  const { headline, dateline, endMark, contact } = wire;
  if (headline) out.push(leaf(headline.text, 'headline', headline.span, subheadlineText(wire)));
  if (dateline) out.push(leaf(dateline.city.text, 'dateline', dateline.span, dateline.date.text));
  for (const b of wire.boilerplates)
    out.push(leaf(`About ${b.organisation}`, 'boilerplate', b.span, undefined, b.heading.span));
  if (endMark) out.push(leaf(endMark.text, 'end-mark', endMark.span));
  if (contact) {
    const name = contact.lines.find((l) => /\p{L}/u.test(l.text) && !l.text.includes('@'))?.text;
    out.push(leaf(contact.heading.text.replace(/:$/, ''), 'contact', contact.span, name, contact.heading.span));
  }
  return out;
}

/**
 * The parts of the release in document order: headers, headline, dateline, the story's sections and quotes,
 * boilerplates, end mark and contact. They stand side by side rather than under the headline, because a
 * release may put any part before its headline, and a child must lie inside its parent.
 */
export function wireOutline(analysis: Analysis): OutlineNode[] {
  const got = wireRelease(analysis);
  if (!got) return [];
  return [...partNodes(got.wire), ...storyNodes(got.release, got.wire, analysis.text)].sort(
    (a, b) => a.span.start - b.span.start,
  );
}

/** The boilerplates and the contact block fold, each from its heading to its last line. */
export function wireFoldingRanges(analysis: Analysis): FoldingInfo[] {
  const got = wireRelease(analysis);
  if (!got) return [];
  const spans = [...got.wire.boilerplates.map((b) => b.span), ...(got.wire.contact ? [got.wire.contact.span] : [])];
  const lines = analysis.lineIndex;
  return spans
    .map((s) => ({ startLine: lines.lineAt(s.start), endLine: lines.lineAt(s.end) }))
    .filter((f) => f.endLine > f.startLine)
    .sort((a, b) => a.startLine - b.startLine);
}
