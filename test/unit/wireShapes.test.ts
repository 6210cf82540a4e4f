/**
 * Shapes of a standard release that a new-user trial found unread, each beside a nearby shape that must keep its old
 * reading: the outline's first quotation of a paragraph.
 */
import * as assert from 'node:assert/strict';
import { lint, outline, resolveConfig } from '../../server/src/core/index';

const today = { year: 2025, month: 6, day: 1 };
const WIRE = { config: resolveConfig({ format: 'wire' }), today };
const BODY = 'Acme Corp. opened a plant in Austin today, and the plant will employ 300 people by the end of the year.';
const DATED = `AUSTIN, Texas, March 4, 2025 — ${BODY}`;
const ABOUT = 'About Acme Corp.\nAcme Corp. makes anvils for customers in 40 countries.';

const release = (...blocks: string[]) => blocks.join('\n\n');

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
