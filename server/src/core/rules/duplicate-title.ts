import type { ReleaseFacts } from '../facts';
import type { FeedRule } from '../types';

export const duplicateTitle: FeedRule = {
  id: 'duplicate-title',
  description: 'Two releases with the same title and date.',
  defaultSeverity: 'warning',
  fixable: false,
  scope: 'feed',
  check(feed, ctx) {
    const first = new Map<string, ReleaseFacts>();
    for (const r of feed.releases) {
      const t = r.title;
      if (!t || !t.date || t.text.length === 0) continue;
      const key = `${t.text.toLowerCase().replace(/\s+/g, ' ')}\u0000${t.date.year}-${t.date.month}-${t.date.day}`;
      const seen = first.get(key);
      if (!seen) {
        first.set(key, r);
        continue;
      }
      ctx.report({
        message: `Same title and date as release ${seen.index + 1} (line ${seen.title!.line + 1})`,
        span: t.textSpan,
        related: [{ span: seen.title!.textSpan, message: 'First release with this title and date' }],
      });
    }
  },
};
