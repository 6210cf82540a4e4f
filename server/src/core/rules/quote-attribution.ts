import { clip } from '../text';
import { isAttributed } from '../wire/attribution';
import { storyParagraphs } from '../wire/paragraphs';
import { findQuotes, isSpeech, segmentText } from '../wire/quotes';
import { wireRule } from './util';

/** A message quotes the start of the quotation, enough to find it. */
const QUOTED = 40;

export const quoteAttribution = wireRule({
  id: 'quote-attribution',
  description:
    'Quoted speech in a standard release that does not say who said it, in its paragraph or the next sentence.',
  defaultSeverity: 'warning',
  fixable: false,
  check(release, ctx) {
    const paragraphs = storyParagraphs(release, release.wire, ctx.text);
    const quotes = findQuotes(paragraphs);
    for (const q of quotes) {
      if (!isSpeech(q, paragraphs) || isAttributed(q, paragraphs, quotes)) continue;
      const first = q[0];
      const paragraph = paragraphs[first.paragraph];
      const end = first.close === undefined ? paragraph.text.length : first.close + 1;
      ctx.report({
        message: `Quote "${clip(segmentText(first, paragraphs), QUOTED)}" does not say who said it`,
        span: { start: paragraph.span.start + first.open, end: paragraph.span.start + end },
      });
    }
  },
});
