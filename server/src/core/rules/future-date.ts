import { compareDates, toIso } from '../dates';
import type { ReleaseRule } from '../types';

export const futureDate: ReleaseRule = {
  id: 'future-date',
  description: 'Publication date after today.',
  defaultSeverity: 'warning',
  fixable: false,
  formats: ['feed'],
  scope: 'release',
  check(release, ctx) {
    const date = release.title?.date;
    if (!date || !date.valid || compareDates(date, ctx.today) <= 0) return;
    ctx.report({
      message: `Publication date ${date.text} is in the future (today is ${toIso(ctx.today)})`,
      span: date.span,
    });
  },
};
