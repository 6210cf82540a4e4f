import { formatDate, type CalendarDate } from '../dates';
import type { Feed } from '../model';
import type { FeedRule } from '../types';

/**
 * Releases in a feed are published in runs on the same day, so the nearest
 * dated neighbour is the best guess for a missing date; the fix says where
 * its date came from.
 */
function nearestDate(feed: Feed, index: number): { date: CalendarDate; from: string } | undefined {
  for (let d = 1; d < feed.releases.length; d++) {
    for (const [j, from] of [[index - d, 'the previous release'], [index + d, 'the next release']] as const) {
      const date = feed.releases[j]?.title?.date;
      if (date && date.valid) return { date, from: d === 1 ? from : `release ${j + 1}` };
    }
  }
  return undefined;
}

export const missingDate: FeedRule = {
  id: 'missing-date',
  description: 'Title line without a publication date.',
  defaultSeverity: 'error',
  fixable: true,
  scope: 'feed',
  check(ctx) {
    for (const p of ctx.feed.problems) {
      if (p.kind !== 'missing-date') continue;
      const title = ctx.feed.releases[p.release].title;
      if (!title) continue;
      const guess = nearestDate(ctx.feed, p.release) ?? { date: ctx.today, from: 'today' };
      const text = formatDate(guess.date, ctx.dateFormat);
      ctx.report({
        message: `${p.message} (expected ${ctx.dateFormat} at the end of the title)`,
        span: p.span,
        fix: {
          title: `Insert date ${text} (from ${guess.from})`,
          edits: [{ start: title.span.end, end: title.span.end, newText: ` ${text}` }],
          safe: false,
        },
      });
    }
  },
};
