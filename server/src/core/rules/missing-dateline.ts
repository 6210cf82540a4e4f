import { topAnchor } from '../wire/anchors';
import { wireRule } from './util';

export const missingDateline = wireRule({
  id: 'missing-dateline',
  description: 'Standard release whose first paragraph does not open with a dateline (city, date and a dash).',
  defaultSeverity: 'warning',
  fixable: false,
  check(release, ctx) {
    const wire = release.wire;
    if (wire.dateline) return;
    const anchor = topAnchor(release);
    // The finding covers the paragraph's first line only: a whole paragraph underlined hides its other problems.
    const lineEnd = ctx.lines.lineEnd(ctx.lines.lineAt(anchor.start));
    ctx.report({
      message: 'First paragraph does not open with a dateline such as "AUSTIN, Texas, March 4, 2025 —"',
      span: { start: anchor.start, end: Math.min(anchor.end, lineEnd) },
    });
  },
});
