import { endsInAbbreviation } from '../abbreviations';
import { wireRule } from './util';

export const headlinePunctuation = wireRule({
  id: 'headline-punctuation',
  description: 'Headline of a standard release that ends with a period.',
  defaultSeverity: 'warning',
  fixable: true,
  safeFixes: true,
  check(release, ctx) {
    const h = release.wire.headline;
    // One period ends a sentence; an ellipsis is a deliberate style, and the period of `U.S.` or `Jan.` belongs to
    // its word, so removing it would lose text.
    if (!h || !/[^.]\.$/.test(h.text) || endsInAbbreviation(h.text)) return;
    const dot = h.span.end - 1;
    ctx.report({
      message: 'Headline ends with a period',
      span: { start: dot, end: dot + 1 },
      fix: { title: 'Remove the period', edits: [{ start: dot, end: dot + 1, newText: '' }], safe: true },
    });
  },
});
