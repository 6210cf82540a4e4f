/**
 * Shapes of a standard release that a new-user trial found unread, each beside a nearby shape that must keep its old
 * reading: datelines of the wire services and in figures, and the outline's first quotation of a paragraph.
 */
import * as assert from 'node:assert/strict';
import { lint, outline, parseWire, resolveConfig } from '../../server/src/core/index';

const today = { year: 2025, month: 6, day: 1 };
const WIRE = { config: resolveConfig({ format: 'wire' }), today };
const BODY = 'Acme Corp. opened a plant in Austin today, and the plant will employ 300 people by the end of the year.';
const DATED = `AUSTIN, Texas, March 4, 2025 — ${BODY}`;
const ABOUT = 'About Acme Corp.\nAcme Corp. makes anvils for customers in 40 countries.';
const CONTACT = 'Media contact:\nJane Roe, Head of Press, Acme Corp.\njane.roe@acme.example\n+1 512 555 0100';

const release = (...blocks: string[]) => blocks.join('\n\n');

describe('datelines of the wire services and in figures', () => {
  const read = (first: string) => {
    const text = release('Acme Opens a Plant', `${first} ${BODY}`);
    const d = parseWire(text).wire.dateline;
    const slice = (s: { start: number; end: number } | undefined) => (s ? text.slice(s.start, s.end) : undefined);
    return d && { city: slice(d.city.span), date: slice(d.date.span), dash: d.dash.text, parsed: d.parsed };
  };

  it('reads the GlobeNewswire and Business Wire datelines', () => {
    const parsed = { year: 2025, month: 3, day: 4 };
    assert.deepEqual(read('NEW YORK, March 4, 2025 (GLOBE NEWSWIRE) --'), {
      city: 'NEW YORK',
      date: 'March 4, 2025',
      dash: '--',
      parsed,
    });
    assert.deepEqual(read('NEW YORK--(BUSINESS WIRE)--March 4, 2025--'), {
      city: 'NEW YORK',
      date: 'March 4, 2025',
      dash: '--',
      parsed,
    });
  });

  it('reads a date in figures with full stops as day, month, year, but not one with slashes', () => {
    assert.deepEqual(read('BERLIN, 04.03.2025 –'), {
      city: 'BERLIN',
      date: '04.03.2025',
      dash: '–',
      parsed: { year: 2025, month: 3, day: 4 },
    });
    assert.equal(read('BERLIN, 04/03/2025 –'), undefined);
  });

  it('lets dateline-style ask for the house style of a date in figures, and dateline-date find a false one', () => {
    const text = (date: string) => release('Acme Opens a Plant', `BERLIN, ${date} – ${BODY}`, ABOUT, '###', CONTACT);
    const messages = (t: string) =>
      lint(t, WIRE)
        .findings.filter((f) => f.ruleId.startsWith('dateline'))
        .map((f) => f.message);
    assert.deepEqual(messages(text('04.03.2025')), [
      'Dateline date "04.03.2025" is not in day-month-year style: "4 March 2025"',
    ]);
    assert.deepEqual(messages(text('4 March 2025')), []);
    assert.deepEqual(messages(text('31.02.2025')), ['Dateline date "31.02.2025" does not exist']);
  });

  it('still needs the dash after a tagged date', () => {
    assert.equal(read('NEW YORK, March 4, 2025 (GLOBE NEWSWIRE) Acme'), undefined);
  });
});

describe('outline quotes', () => {
  const quoted = (paragraph: string) => {
    const text = release('Brightline Signs a Fleet Deal', DATED, paragraph, ABOUT, '###');
    const a = lint(text, WIRE);
    const quotes = outline(a).filter((n) => n.kind === 'quote');
    return { quotes: quotes.map((n) => [n.name, n.detail]), rules: a.findings.map((f) => f.ruleId) };
  };

  it('names a paragraph by its first quotation and its speaker, when a second follows the speaker', () => {
    for (const [open, close] of [
      ['"', '"'],
      ['“', '”'],
    ]) {
      const p =
        `${open}Brightline's models cut fuel use by a fifth,${close} said Marcus Ellery, CEO. ` +
        `${open}Together we can give retailers a cleaner fleet.${close}`;
      const { quotes, rules } = quoted(p);
      assert.deepEqual(quotes, [["“Brightline's models cut fuel use by…”", 'Marcus Ellery']], open);
      assert.ok(!rules.includes('quote-attribution'));
    }
  });

  it('still passes over a quoted phrase to the speech after it', () => {
    const p =
      'The "green corridor" plan starts in May. "It will cut fuel use on every route we run," said Marcus Ellery.';
    assert.deepEqual(quoted(p).quotes, [['“It will cut fuel use on…”', 'Marcus Ellery']]);
  });
});
