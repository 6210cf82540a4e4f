import { clip } from '../text';
import type { ContactBlock, Piece } from '../wire/model';
import { phoneProblem } from '../wire/phone';
import { wireRule } from './util';

/** A local part, a domain of labels that neither start nor end with a hyphen, and a top-level domain of letters. */
const LOCAL_PART = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*";
const DOMAIN = '(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,}';
const VALID_EMAIL = new RegExp(`^${LOCAL_PART}@${DOMAIN}$`);

/**
 * A line labelled as a phone number, and its value. The parser takes a phone number only from a run of seven
 * characters or more, so that a year or a street number in the block is not one; under such a label, though, a
 * shorter run of digits (`Phone: 2025`) is a number cut short.
 */
const PHONE_LABEL = /^\s*(?:phone|tel(?:ephone)?|mobile|mob|cell|ph)\.?\s*:\s*(?=[^:]*\d)/i;

/** The values of phone-labelled lines in which the parser found no phone number. */
function shortLabelledPhones(contact: ContactBlock): Piece[] {
  const out: Piece[] = [];
  for (const line of contact.lines) {
    const label = PHONE_LABEL.exec(line.text);
    if (!label) continue;
    const { start, end } = line.span;
    if (contact.phones.some((p) => p.span.start >= start && p.span.end <= end)) continue;
    const text = line.text.slice(label[0].length).trimEnd();
    const at = start + label[0].length;
    out.push({ text, span: { start: at, end: at + text.length } });
  }
  return out;
}

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
    for (const p of [...contact.phones, ...shortLabelledPhones(contact)]) {
      const problem = phoneProblem(p.text);
      if (problem) ctx.report({ message: `Phone number "${clip(p.text)}" ${problem}`, span: p.span });
    }
  },
});
