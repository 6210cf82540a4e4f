import type { ReleaseFacts } from '../facts';
import type { FeedRule, RelatedInfo } from '../types';
import { elsewhereByKey } from './util';

export const duplicateTitle: FeedRule = {
  id: 'duplicate-title',
  description: 'Two releases with the same title and date, in one feed or in two files of the workspace.',
  defaultSeverity: 'warning',
  fixable: false,
  // A standard release's headline and dateline date make its title and date, so copies across files are found.
  formats: ['feed', 'wire'],
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
  acrossFiles(ctx) {
    const { workspace, file } = ctx;
    const about = elsewhereByKey(
      (key, limit) => workspace.titledElsewhere(key, file, limit),
      (key) => workspace.countTitledElsewhere(key, file),
      (o) => o.dated,
      'Same title and date as',
    );
    for (const r of ctx.summary.releases) {
      const said = r.dated && about(r.dated.key);
      if (!said) continue;
      ctx.report({ message: `Same title and date as ${said.named}`, span: r.dated!.span, elsewhere: said.elsewhere });
    }
  },
};
