import { acronymsAlike } from '../names/acronyms';
import { clip } from '../text';
import type { ReleaseRule } from '../types';

export const acronymMismatch: ReleaseRule = {
  id: 'acronym-mismatch',
  description:
    'An acronym used beside the definition of a different, similar one (CSO beside ' +
    '"Shanghai Cooperation Organisation (SCO)"), or one whose letters do not fit its long form.',
  defaultSeverity: 'warning',
  fixable: false,
  formats: ['feed', 'wire'],
  scope: 'release',
  check(release, ctx) {
    const { acronyms, definitions } = ctx.names(release);
    if (definitions.length === 0) return;
    const base = release.span.start;
    const at = (x: { start: number; end: number }) => ({ start: base + x.start, end: base + x.end });
    for (const d of definitions) {
      if (!d.fits)
        ctx.report({
          message: `The letters of "${d.acronym}" do not fit its long form "${clip(d.longForm)}"`,
          span: at(d),
        });
    }
    for (const use of acronyms) {
      if (use.legalForm || definitions.some((d) => d.acronym === use.text)) continue;
      const near = definitions.find((d) => d.fits && acronymsAlike(use.text, d.acronym));
      if (!near) continue;
      ctx.report({
        message:
          `"${use.text}" is used in a release that defines "${near.acronym}" (${clip(near.longForm)}); ` +
          'one of them is probably wrong',
        span: at(use),
        related: [{ span: at(near), message: `"${near.acronym}" is defined here` }],
      });
    }
  },
};
