import { endAnchor } from '../wire/anchors';
import { wireRule } from './util';

export const missingBoilerplate = wireRule({
  id: 'missing-boilerplate',
  description: 'Standard release without an "About …" boilerplate paragraph.',
  defaultSeverity: 'info',
  fixable: false,
  check(release, ctx) {
    const wire = release.wire;
    if (wire.boilerplates.length > 0 || release.body.length === 0) return;
    ctx.report({
      message: 'Release has no "About …" paragraph describing the organisation',
      span: wire.endMark?.span ?? endAnchor(release, ctx.text),
    });
  },
});
