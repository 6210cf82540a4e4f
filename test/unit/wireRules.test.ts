import * as assert from 'node:assert/strict';
import { applyEdits, lint, resolveConfig } from '../../server/src/core/index';

const WIRE = { config: resolveConfig({ format: 'wire' }), today: { year: 2025, month: 6, day: 1 } };
const FEED = { config: resolveConfig({ format: 'feed' }), today: { year: 2025, month: 6, day: 1 } };
const BODY = 'Acme Corp. opened a plant in Austin today, and the plant will employ 300 people by the end of the year.';

function findings(text: string, ruleId: string) {
  return lint(text, WIRE).findings.filter((f) => f.ruleId === ruleId);
}

describe('wire rules', () => {
  it('reports a dateline date after today, and a month that is no month', () => {
    const future = findings(`Acme Opens a Plant\n\nAUSTIN, Texas, July 4, 2025 — ${BODY}`, 'dateline-date');
    assert.deepEqual(
      future.map((f) => f.message),
      ['Dateline date 2025-07-04 is in the future (today is 2025-06-01)'],
    );
    const malformed = findings(`Acme Opens a Plant\n\nAUSTIN, Texas, Marhc 4, 2025 — ${BODY}`, 'dateline-date');
    assert.deepEqual(
      malformed.map((f) => f.message),
      ['Dateline date "Marhc 4, 2025" is not a date'],
    );
  });

  it('inserts the end mark after the boilerplate and before a contact block that follows it', () => {
    const text = `Acme Opens a Plant\n\n${BODY}\n\nAbout Acme Corp.\nAcme makes anvils.\n\nContact:\njane@acme.example`;
    const [f] = findings(text, 'missing-end-mark');
    assert.ok(f.fix && !f.fix.safe);
    assert.equal(
      applyEdits(text, f.fix.edits),
      `Acme Opens a Plant\n\n${BODY}\n\nAbout Acme Corp.\nAcme makes anvils.\n\n###\n\nContact:\njane@acme.example`,
    );
  });

  it('leaves a headline that ends in an abbreviation alone', () => {
    const headline = (h: string) => findings(`${h}\n\n${BODY}\n\n###`, 'headline-punctuation');
    for (const h of [
      'Acme Buys Globex Corp.',
      'Acme Moves Headquarters to the U.S.',
      'Acme Names Jane Roe CEO, Effective Jan.',
      'Acme Opens Its Doors at 9 a.m.',
      'Acme Hires Jane Roe, Ph.D.',
      'Acme Sets Up Acme Europe e.V.',
      'Acme Buys Globex S.A.',
      'Acme Wins Acme vs. Globex',
      'Acme Moves to 5th Ave.',
      'Acme Ships Anvils, Hammers, Tongs, Etc.',
      'Acme Names New Chief Sept.',
    ])
      assert.deepEqual(headline(h), [], h);
    // A word that merely looks short, or an initial glued to a word, still ends with a full stop that can go.
    for (const h of ['Acme Opens a Plant.', 'Acme Says Yes.', 'Acme Goes to St.Petersburg.'])
      assert.deepEqual(
        headline(h).map((f) => f.fix?.safe),
        [true],
        h,
      );
  });

  it('leaves a feed title that ends in an abbreviation alone, and removes a full stop', () => {
    const title = (t: string) =>
      lint(`${t} 09.02.2025\n${BODY}\nSource : https://press.example.gov/news/1\n`, FEED).findings.filter(
        (f) => f.ruleId === 'title-punctuation',
      );
    assert.deepEqual(title('The delegation returns from the U.S.'), []);
    assert.deepEqual(title('The plan is updated in Dec.'), []);
    assert.deepEqual(
      title('The delegation returns home.').map((f) => f.message),
      ['Title ends with a period'],
    );
  });

  it('runs no feed rule on a standard release', () => {
    const ids = lint(`Acme Opens a Plant\n\n${BODY}`, WIRE).findings.map((f) => f.ruleId);
    assert.ok(!ids.includes('missing-date') && !ids.includes('missing-source'), ids.join());
  });

  it('reads an embargo with the time before or after the date, and wants its time zone', () => {
    const release = (value: string) =>
      `EMBARGOED UNTIL ${value}\n\nAcme Opens a Plant\n\nLONDON (4 March 2025) – ${BODY}\n\n###`;
    assert.deepEqual(findings(release('9 a.m. EST, Tuesday, March 4, 2025'), 'embargo'), []);
    assert.deepEqual(findings(release('4 March 2025 00:01 GMT'), 'embargo'), []);
    assert.deepEqual(
      findings(release('9 a.m., March 4, 2025'), 'embargo').map((f) => f.message),
      ['Embargo time "9 a.m." has no time zone'],
    );
  });

  it('reads noon, midnight, ISO times and named zones, and says once that an embargo cannot be read', () => {
    const release = (value: string, dateline = 'LONDON (4 March 2025)') =>
      `EMBARGOED UNTIL ${value}\n\nAcme Opens a Plant\n\n${dateline} – ${BODY}\n\n###`;
    const messages = (value: string, dateline?: string) =>
      findings(release(value, dateline), 'embargo').map((f) => f.message);
    for (const value of [
      'noon ET, March 4, 2025',
      'midnight ET, March 4, 2025',
      '2025-03-04T09:00Z',
      '2025-03-04T09:00:00+05:30',
      '4 March 2025 at 00:01 UK time',
      '4 March 2025 at 09:00 London time',
      '09:00 BST, 4 March 2025',
      '10:00 CET, Tuesday 4 March 2025',
      '10:00 CEST, 4 March 2025',
    ])
      assert.deepEqual(messages(value), [], value);
    assert.deepEqual(messages('4 March 2025 at 00:01 Atlantis time'), [
      'Embargo "4 March 2025 at 00:01 Atlantis time" cannot be read as a date and time',
    ]);
  });

  it("reports a weekday that is not the date's, and a time that no clock shows", () => {
    const release = (value: string) =>
      `EMBARGOED UNTIL ${value}\n\nAcme Opens a Plant\n\nLONDON (4 March 2025) – ${BODY}\n\n###`;
    const messages = (value: string) => findings(release(value), 'embargo').map((f) => f.message);
    assert.deepEqual(messages('00:01 GMT Monday 4 March 2025'), ['Embargo names Monday, but 2025-03-04 is a Tuesday']);
    assert.deepEqual(messages('00:01 GMT Tuesday 4 March 2025'), []);
    assert.deepEqual(messages('March 4, 2025, 25:00 GMT'), ['Embargo time "25:00" is not a time of day']);
    assert.deepEqual(messages('March 4, 2025, 13 p.m. GMT'), ['Embargo time "13 p.m." is not a time of day']);
    assert.deepEqual(messages('March 4, 2025, 24:00 GMT'), []);
  });

  it('reports an embargo that lifts before the dateline day has begun anywhere', () => {
    const messages = (value: string) =>
      findings(
        `EMBARGOED UNTIL ${value}\n\nAcme Opens a Plant\n\nAUSTIN, Texas, March 4, 2025 — ${BODY}\n\n###`,
        'embargo',
      ).map((f) => f.message);
    // The evening before in a zone west of the dateline's city is the dateline's day there, or nearly.
    assert.deepEqual(messages('March 3, 2025 11 p.m. PST'), []);
    assert.deepEqual(messages('March 3, 2025 12:00 GMT'), []);
    assert.deepEqual(messages('March 3, 2025 09:00 GMT'), [
      'Embargo lifts on 2025-03-03, before the dateline date 2025-03-04',
    ]);
    assert.deepEqual(messages('9 a.m. ET, March 2, 2025'), [
      'Embargo lifts on 2025-03-02, before the dateline date 2025-03-04',
    ]);
  });

  it('asks a release without a contact block for what the rule needs: an e-mail or a phone', () => {
    const text = `Acme Opens a Plant\n\n${BODY}\n\n###`;
    assert.deepEqual(
      findings(text, 'missing-contact').map((f) => f.message),
      ['Release has no media contact block ("Media contact:" with an e-mail address or a phone number)'],
    );
    assert.deepEqual(findings(`${text}\n\nMedia contact:\n+1 512 555 0143`, 'missing-contact'), []);
  });

  it('keeps the e-mail address apart from the full stop that ends its line', () => {
    const text = `Acme Opens a Plant\n\n${BODY}\n\n###\n\nContact: Jane Roe, jane.roe@acme.example.`;
    assert.deepEqual(findings(text, 'contact-format'), []);
    assert.deepEqual(findings(text, 'missing-contact'), []);
  });

  it("judges a phone number with a country code by that country's plan", () => {
    const messages = (phone: string) =>
      findings(
        `Acme Opens a Plant\n\n${BODY}\n\n###\n\nContact: jane.roe@acme.example\n${phone}`,
        'contact-format',
      ).map((f) => f.message);
    assert.deepEqual(messages('+55 41 3330 12'), ['Phone number "+55 41 3330 12" is too short for Brazil (+55)']);
    assert.deepEqual(messages('+44 20 7946 00000'), [
      'Phone number "+44 20 7946 00000" is too long for United Kingdom (+44)',
    ]);
    assert.deepEqual(messages('+999 123 4567'), ['Phone number "+999 123 4567" has no known country code']);
    // Under a phone label a short run of digits is a number cut short; elsewhere in the block it may be a year.
    assert.deepEqual(messages('phone: 2025'), ['Phone number "2025" has 4 digits; a phone number has 7 to 15']);
    assert.deepEqual(messages('Mobile: +1 512'), ['Phone number "+1 512" has 4 digits; a phone number has 7 to 15']);
    assert.deepEqual(messages('Acme Corp., founded 2025'), []);
    assert.deepEqual(messages('Phone: on request'), []);
    // Numbers kept for fiction, a trunk prefix in brackets and numbers without a country code are left alone.
    for (const phone of [
      '+55 41 3330 1234',
      '+1 512-555-0143',
      '+1 555 555 5555',
      '+44 1632 960 123',
      '+44 (0)20 7946 0321',
      '+61 491 570 156',
      '(512) 555-0143',
      '030 1234 5678',
    ])
      assert.deepEqual(messages(phone), [], phone);
  });
});
