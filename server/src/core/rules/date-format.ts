import { formatDate } from '../dates';
import type { ReleaseRule } from '../types';

export const dateFormat: ReleaseRule = {
  id: 'date-format',
  description: 'Publication date not written in the configured format.',
  defaultSeverity: 'warning',
  fixable: true,
  safeFixes: true,
  formats: ['feed'],
  scope: 'release',
  check(release, ctx) {
    const date = release.title?.date;
    if (!date || !date.valid || date.format === ctx.dateFormat) return;
    const wanted = formatDate(date, ctx.dateFormat);
    if (wanted === date.text) return;
    ctx.report({
      message: `Date "${date.text}" is not in the format ${ctx.dateFormat}`,
      span: date.span,
      fix: {
        title: `Rewrite as ${wanted}`,
        edits: [{ start: date.span.start, end: date.span.end, newText: wanted }],
        safe: true,
      },
    });
  },
};
