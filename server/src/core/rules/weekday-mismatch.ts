import { findWeekdayMentions, isValidDate, MONTHS, weekdayOf, WEEKDAYS } from '../dates';
import type { Release } from '../model';
import type { ReleaseRule, RuleContext } from '../types';
import type { Span } from '../text';

function checkSpan(span: Span, release: Release, ctx: RuleContext): void {
  const text = ctx.text.slice(span.start, span.end);
  for (const m of findWeekdayMentions(text)) {
    // A mention without a year takes the release's own year, which is how readers resolve it.
    const year = m.year ?? (release.title?.date?.valid ? release.title.date.year : undefined);
    if (year === undefined || !isValidDate(year, m.month, m.day)) continue;
    const actual = weekdayOf({ year, month: m.month, day: m.day });
    if (actual === m.weekday) continue;
    const correct = WEEKDAYS[actual];
    const start = span.start + m.weekdayIndex;
    ctx.report({
      message: `${MONTHS[m.month - 1]} ${m.day}, ${year} is a ${correct}, not a ${m.weekdayText}`,
      span: { start: span.start + m.index, end: span.start + m.index + m.text.length },
      fix: {
        title: `Change "${m.weekdayText}" to "${correct}"`,
        edits: [{ start, end: start + m.weekdayText.length, newText: correct }],
        // Either the weekday or the date may be the wrong half, so a person decides.
        safe: false,
      },
    });
  }
}

export const weekdayMismatch: ReleaseRule = {
  id: 'weekday-mismatch',
  description: 'A weekday next to a date in the text that disagrees with the calendar.',
  defaultSeverity: 'warning',
  fixable: true,
  formats: ['feed'],
  scope: 'release',
  check(release, ctx) {
    if (release.title) checkSpan(release.title.textSpan, release, ctx);
    for (const line of release.body) checkSpan(line.span, release, ctx);
  },
};
