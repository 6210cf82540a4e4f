import { wireRule } from './util';

export const headlineLength = wireRule({
  id: 'headline-length',
  description: 'Headline of a standard release longer than the configured number of characters.',
  defaultSeverity: 'info',
  fixable: false,
  options: {
    max: {
      type: 'integer',
      default: 100,
      minimum: 1,
      description: 'Most characters a headline may have.',
    },
  },
  check(release, ctx) {
    const h = release.wire.headline;
    const max = Number(ctx.options.max);
    if (!h || h.text.length <= max) return;
    ctx.report({ message: `Headline has ${h.text.length} characters; at most ${max} expected`, span: h.span });
  },
});
