import { formatDate, type CalendarDate } from '../dates';
import type { FeedFacts } from '../facts';
import type { FeedRule } from '../types';

type Guess = { date: CalendarDate; from: string };

/**
 * Releases in a feed are published in runs on the same day, so the nearest
 * dated neighbour is the best guess for a missing date, the previous one on
 * a tie; the fix says where its date came from. One sweep each way finds
 * every release's neighbours, so a feed of undated titles stays linear.
 */
function nearestDates(feed: FeedFacts): Array<Guess | undefined> {
  const n = feed.releases.length;
  const dated = (j: number) => {
    const date = feed.releases[j].title?.date;
    return date && date.valid ? date : undefined;
  };
  const before: number[] = [];
  for (let i = 0, last = -1; i < n; i++) {
    before.push(last);
    if (dated(i)) last = i;
  }
  const guesses = new Array<Guess | undefined>(n);
  for (let i = n - 1, next = -1; i >= 0; i--) {
    const prev = before[i];
    const j = prev >= 0 && (next < 0 || i - prev <= next - i) ? prev : next;
    if (j >= 0)
      guesses[i] = {
        date: dated(j)!,
        from: Math.abs(i - j) === 1 ? (j < i ? 'the previous release' : 'the next release') : `release ${j + 1}`,
      };
    if (dated(i)) next = i;
  }
  return guesses;
}

export const missingDate: FeedRule = {
  id: 'missing-date',
  description: 'Title line without a publication date.',
  defaultSeverity: 'error',
  fixable: true,
  formats: ['feed'],
  scope: 'feed',
  check(feed, ctx) {
    if (!feed.releases.some((r) => r.undated)) return;
    const guesses = nearestDates(feed);
    for (const r of feed.releases) {
      const p = r.undated;
      if (!p || !r.title) continue;
      const guess = guesses[r.index] ?? { date: ctx.today, from: 'today' };
      const text = formatDate(guess.date, ctx.dateFormat);
      ctx.report({
        message: `${p.message} (expected ${ctx.dateFormat} at the end of the title)`,
        span: p.span,
        fix: {
          title: `Insert date ${text} (from ${guess.from})`,
          edits: [{ start: r.title.end, end: r.title.end, newText: ` ${text}` }],
          safe: false,
        },
      });
    }
  },
};
