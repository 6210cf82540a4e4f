import type { ReleaseRule } from '../types';
import { endAnchor } from '../wire/anchors';

export const missingBoilerplate: ReleaseRule = {
  id: 'missing-boilerplate',
  description: 'Standard release without an "About …" boilerplate paragraph.',
  defaultSeverity: 'info',
  fixable: false,
  formats: ['wire'],
  scope: 'release',
  check(release, ctx) {
    const wire = release.wire;
    if (!wire || wire.boilerplates.length > 0 || release.body.length === 0) return;
    ctx.report({
      message: 'Release has no "About …" paragraph describing the organisation',
      span: wire.endMark?.span ?? endAnchor(release, ctx.text),
    });
  },
};
