import { endAnchor } from '../wire/anchors';
import { wireRule } from './util';

export const missingContact = wireRule({
  id: 'missing-contact',
  description: 'Standard release without a media contact block, or with one that has neither an e-mail nor a phone.',
  defaultSeverity: 'warning',
  fixable: false,
  check(release, ctx) {
    const wire = release.wire;
    if (release.body.length === 0) return;
    const contact = wire.contact;
    if (!contact) {
      ctx.report({
        // The message asks for what the rule checks, and no more: a name helps, but its absence is not reported.
        message: 'Release has no media contact block ("Media contact:" with an e-mail address or a phone number)',
        span: wire.endMark?.span ?? endAnchor(release, ctx.text),
      });
    } else if (contact.emails.length === 0 && contact.phones.length === 0) {
      ctx.report({
        message: 'Media contact has neither an e-mail address nor a phone number',
        span: contact.heading.span,
      });
    }
  },
});
