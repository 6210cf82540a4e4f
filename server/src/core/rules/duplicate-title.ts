import type { ReleaseFacts } from '../facts';
import type { FeedRule, RelatedInfo } from '../types';

export const duplicateTitle: FeedRule = {
  id: 'duplicate-title',
  description: 'Two releases with the same title and date.',
  defaultSeverity: 'warning',
  fixable: false,
  formats: ['feed'],
  scope: 'feed',
  check(feed, ctx) {
    const first = new Map<string, ReleaseFacts>();
    // What copies say about a first release is made once, at its first copy: a feed pasted twice has thousands.
    const said = new Map<ReleaseFacts, { message: string; related: RelatedInfo[] }>();
    for (const r of feed.releases) {
      const key = r.titleKey;
      if (key === undefined) continue;
      const seen = first.get(key);
      if (!seen) {
        first.set(key, r);
        continue;
      }
      let about = said.get(seen);
      if (!about) {
        const t = seen.title!;
        about = {
          message: `Same title and date as release ${seen.index + 1} (line ${t.line + 1})`,
          related: [{ span: t.textSpan, message: 'First release with this title and date' }],
        };
        said.set(seen, about);
      }
      ctx.report({ message: about.message, span: r.title!.textSpan, related: about.related });
    }
  },
};
