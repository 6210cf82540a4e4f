import { addTo } from '../collections';
import { acronymsAlike } from '../names/acronyms';
import { nameIndex, type AcronymDefinition } from '../names/index';
import type { FeedRule } from '../types';

export const acronymMismatch: FeedRule = {
  id: 'acronym-mismatch',
  description: 'An acronym used beside the definition of a different, similar one (CSO beside "Shanghai Cooperation Organisation (SCO)"), or one whose letters do not fit its long form.',
  defaultSeverity: 'warning',
  fixable: false,
  scope: 'feed',
  check(ctx) {
    const index = nameIndex(ctx.feed, ctx.config);
    const defined = new Map<number, AcronymDefinition[]>();
    for (const d of index.definitions) {
      if (!d.fits) {
        ctx.report({ message: `The letters of "${d.acronym}" do not fit its long form "${d.longForm}"`, span: d.span });
      }
      addTo(defined, d.release, d);
    }
    for (const use of index.acronyms) {
      const defs = defined.get(use.release);
      if (!defs || use.legalForm || defs.some((d) => d.acronym === use.text)) continue;
      const near = defs.find((d) => d.fits && acronymsAlike(use.text, d.acronym));
      if (!near) continue;
      ctx.report({
        message: `"${use.text}" is used in a release that defines "${near.acronym}" (${near.longForm}); one of them is probably wrong`,
        span: use.span,
        related: [{ span: near.span, message: `"${near.acronym}" is defined here` }],
      });
    }
  },
};
