import { endsInAbbreviation } from '../abbreviations';
import type { ReleaseRule } from '../types';

export const titlePunctuation: ReleaseRule = {
  id: 'title-punctuation',
  description: 'Title that ends with a period, or has more than one space before the date.',
  defaultSeverity: 'warning',
  fixable: true,
  safeFixes: true,
  formats: ['feed'],
  scope: 'release',
  check(release, ctx) {
    const t = release.title;
    if (!t || !t.date) return;
    // One period ends a sentence; an ellipsis is a deliberate style and stays, and the period of an abbreviation
    // (`U.S.`, `Jan.`) belongs to its word.
    if (/[^.]\.$/.test(t.text) && !endsInAbbreviation(t.text)) {
      const dot = t.textSpan.end - 1;
      ctx.report({
        message: 'Title ends with a period',
        span: { start: dot, end: dot + 1 },
        fix: { title: 'Remove the period', edits: [{ start: dot, end: dot + 1, newText: '' }], safe: true },
      });
    }
    const gap = t.gapSpan;
    if (gap && ctx.text.slice(gap.start, gap.end) !== ' ') {
      ctx.report({
        message: 'Title has more than one space before the date',
        span: gap,
        fix: {
          title: 'Use a single space before the date',
          edits: [{ start: gap.start, end: gap.end, newText: ' ' }],
          safe: true,
        },
      });
    }
  },
};
