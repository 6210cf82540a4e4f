import { MONTHS } from '../dates';
import type { ReleaseRule } from '../types';

export const invalidDate: ReleaseRule = {
  id: 'invalid-date',
  description: 'Publication date that does not exist in the calendar (31.02.2025, month 13, day 00).',
  defaultSeverity: 'error',
  fixable: false,
  formats: ['feed'],
  scope: 'release',
  check(release, ctx) {
    const date = release.title?.date;
    if (!date || date.valid) return;
    const why =
      date.month < 1 || date.month > 12
        ? `there is no month ${date.month}`
        : date.day < 1
          ? `there is no day ${String(date.day).padStart(2, '0')}`
          : `${MONTHS[date.month - 1]} ${date.year} has no day ${date.day}`;
    ctx.report({ message: `Date ${date.text} does not exist: ${why}`, span: date.span });
  },
};
