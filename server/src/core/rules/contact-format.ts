import { clip } from '../text';
import { phoneProblem } from '../wire/phone';
import { wireRule } from './util';

/** A local part, a domain of labels that neither start nor end with a hyphen, and a top-level domain of letters. */
const LOCAL_PART = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*";
const DOMAIN = '(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,}';
const VALID_EMAIL = new RegExp(`^${LOCAL_PART}@${DOMAIN}$`);

export const contactFormat = wireRule({
  id: 'contact-format',
  description: 'E-mail address or phone number in the media contact block that cannot be valid.',
  defaultSeverity: 'warning',
  fixable: false,
  check(release, ctx) {
    const contact = release.wire.contact;
    if (!contact) return;
    for (const e of contact.emails) {
      if (!VALID_EMAIL.test(e.text))
        ctx.report({ message: `"${clip(e.text)}" is not a valid e-mail address`, span: e.span });
    }
    for (const p of contact.phones) {
      const problem = phoneProblem(p.text);
      if (problem) ctx.report({ message: `Phone number "${clip(p.text)}" ${problem}`, span: p.span });
    }
  },
});
