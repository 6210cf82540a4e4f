import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { detectFormat, lint, parseWire, resolveConfig } from '../../server/src/core/index';
import { unit } from '../support/arbitraries';

const BODY = 'Acme Corp. opened a plant in Austin today, and the plant will employ 300 people by the end of the year.';
const ABOUT = ['About Acme Corp.', 'Acme Corp. makes anvils for customers in 40 countries.'];
const CONTACT = ['Media contact:', 'Jane Roe, Head of Press, Acme Corp.', 'jane.roe@acme.example', '+1 512 555 0100'];

/** A whole release from its parts, paragraphs separated by blank lines. */
function release(...blocks: Array<string | string[]>): string {
  return blocks.map((b) => (Array.isArray(b) ? b.join('\n') : b)).join('\n\n');
}

function dateline(first: string) {
  const text = release('Acme Opens a Plant', `${first} ${BODY}`);
  const d = parseWire(text).wire.dateline;
  assert.ok(d, `no dateline in ${first}`);
  return { text, d };
}

describe('wire parser', () => {
  it('reads every part of a full release', () => {
    const text = release(
      'FOR IMMEDIATE RELEASE',
      '# Acme Opens a Plant',
      `AUSTIN, Texas, March 4, 2025 — ${BODY}`,
      ABOUT,
      '###',
      CONTACT,
    );
    const { wire, release: r } = parseWire(text);
    assert.deepEqual(
      wire.headers.map((h) => h.kind),
      ['immediate'],
    );
    assert.equal(wire.headline?.text, 'Acme Opens a Plant');
    assert.equal(text.slice(wire.headline.span.start, wire.headline.span.end), 'Acme Opens a Plant');
    assert.equal(r.title?.text, 'Acme Opens a Plant');
    assert.equal(r.title?.date, undefined);
    assert.equal(r.source, undefined);
    assert.deepEqual(
      wire.boilerplates.map((b) => b.organisation),
      ['Acme Corp.'],
    );
    assert.equal(wire.endMark?.text, '###');
    assert.deepEqual(
      wire.contact?.emails.map((e) => e.text),
      ['jane.roe@acme.example'],
    );
    assert.deepEqual(
      wire.contact?.phones.map((p) => p.text),
      ['+1 512 555 0100'],
    );
    // The name rules read the body; the contact's e-mail addresses must not be in it.
    assert.ok(!r.body.some((b) => b.text.includes('@')));
    assert.equal(r.body.length, 3);
  });

  it('reads the AP dateline with a state', () => {
    const { text, d } = dateline('AUSTIN, Texas, March 4, 2025 —');
    assert.equal(text.slice(d.city.span.start, d.city.span.end), 'AUSTIN, Texas');
    assert.equal(text.slice(d.date.span.start, d.date.span.end), 'March 4, 2025');
    assert.equal(d.dash.text, '—');
    assert.deepEqual(d.parsed, { year: 2025, month: 3, day: 4 });
  });

  it('reads the British dateline with the date in parentheses', () => {
    const { d } = dateline('LONDON (4 March 2025) –');
    assert.equal(d.city.text, 'LONDON');
    assert.equal(d.date.text, '4 March 2025');
    assert.equal(d.dash.text, '–');
  });

  it('reads the wire-service dateline with an agency tag', () => {
    const { d } = dateline('NEW YORK, March 4, 2025 /PRNewswire/ --');
    assert.equal(d.city.text, 'NEW YORK');
    assert.equal(d.date.text, 'March 4, 2025');
    assert.equal(d.dash.text, '--');
  });

  it('reads the dateline with a dash between place and date', () => {
    const { d } = dateline('ALMATY, Kazakhstan — March 4, 2025 —');
    assert.equal(d.city.text, 'ALMATY, Kazakhstan');
    assert.deepEqual(d.parsed, { year: 2025, month: 3, day: 4 });
  });

  it('keeps an impossible date and the named weekday for the rules', () => {
    const { d } = dateline('WASHINGTON, D.C., Tuesday, Feb. 30, 2025 —');
    assert.deepEqual(d.parsed, { year: 2025, month: 2, day: 30 });
    assert.equal(d.weekday?.index, 2);
  });

  it('reads a dateline whose city is in another script, in lower case, or whose year is malformed', () => {
    assert.equal(dateline('SÃO PAULO, Brazil, April 9, 2025 —').d.city.text, 'SÃO PAULO, Brazil');
    assert.equal(dateline('Boise, Idaho, April 2, 2025 —').d.city.text, 'Boise, Idaho');
    assert.equal(dateline('hanover, Germany (9 April 2025) –').d.city.text, 'hanover, Germany');
    assert.equal(dateline('DENVER, March 4, 20255 —').d.date.text, 'March 4, 20255');
  });

  it('recovers when every optional part is missing', () => {
    const { wire, release: r } = parseWire(release('Acme Opens a Plant', BODY));
    assert.equal(wire.dateline, undefined);
    assert.equal(wire.endMark, undefined);
    assert.equal(wire.contact, undefined);
    assert.deepEqual(wire.boilerplates, []);
    assert.equal(r.body.length, 1);
  });

  it('recovers from reordered parts: the end mark before the boilerplate', () => {
    const { wire } = parseWire(release('Acme Opens a Plant', `LONDON (4 March 2025) – ${BODY}`, '-30-', ABOUT));
    assert.equal(wire.endMark?.text, '-30-');
    assert.equal(wire.boilerplates.length, 1);
  });

  it('reads a contact block at the top and a subheadline', () => {
    const text = release(CONTACT, 'PRESS RELEASE', 'Acme Opens a Plant', '(Three hundred jobs by December)', BODY);
    const { wire } = parseWire(text);
    assert.equal(wire.contact?.lines.length, 3);
    assert.equal(wire.headline?.text, 'Acme Opens a Plant');
    assert.equal(wire.subheadline?.text, '(Three hundred jobs by December)');
    assert.deepEqual(
      wire.headers.map((h) => h.kind),
      ['label'],
    );
  });

  it('reads a plain line under the headline as the subheadline, but not a sentence', () => {
    const dated = `LONDON (4 March 2025) – ${BODY}`;
    const plain = parseWire(release(['Acme Opens a Plant', 'Three hundred jobs by December'], dated)).wire;
    assert.equal(plain.subheadline?.text, 'Three hundred jobs by December');
    assert.equal(plain.dateline?.city.text, 'LONDON');
    const sentence = parseWire(release(['Acme Opens a Plant', 'Acme opened a plant in Leeds today.'])).wire;
    assert.equal(sentence.subheadline, undefined);
    assert.equal(sentence.firstParagraph?.text, 'Acme opened a plant in Leeds today.');
    const apart = parseWire(release('Acme Opens a Plant', 'Three hundred jobs by December', dated)).wire;
    assert.equal(apart.subheadline?.text, 'Three hundred jobs by December', 'set apart, before the dateline');
    assert.equal(apart.dateline?.city.text, 'LONDON');
    const undated = parseWire(release('Acme Opens a Plant', 'Three hundred jobs by December', BODY)).wire;
    assert.equal(undated.subheadline, undefined, 'with no dateline after it, a short line is the first paragraph');
    assert.equal(undated.firstParagraph?.text, 'Three hundred jobs by December');
  });

  it('reads two boilerplates, one of them a lead-in', () => {
    const text = release('Acme Opens a Plant', BODY, ABOUT, 'About Globex: Globex builds roads in Texas.', 'END');
    const { wire } = parseWire(text);
    assert.deepEqual(
      wire.boilerplates.map((b) => b.organisation),
      ['Acme Corp.', 'Globex'],
    );
    assert.equal(wire.endMark?.text, 'END');
  });

  it('reads the embargo value', () => {
    const { wire } = parseWire(release('EMBARGOED UNTIL March 4, 2025 09:00 GMT', 'Acme Opens a Plant', BODY));
    assert.equal(wire.embargo?.value.text, 'March 4, 2025 09:00 GMT');
  });

  it('reads a US zone of two letters, a lower-case About heading, and an address with two @s whole', () => {
    const text = release(
      'EMBARGOED UNTIL 10:00 a.m. ET, March 18, 2025',
      'Acme Opens a Plant',
      `AUSTIN, Texas, March 18, 2025 — ${BODY}`,
      ['About county library', 'The county library runs nine branches.'],
      '###',
      ['Media contact:', 'Jane Roe', 'jane.roe@@acme.example'],
    );
    const found = lint(text, {
      config: resolveConfig({ format: 'wire' }),
      today: { year: 2025, month: 6, day: 1 },
    }).findings.map((f) => `${f.ruleId}: ${text.slice(f.span.start, f.span.end)}`);
    assert.deepEqual(found, ['contact-format: jane.roe@@acme.example']);
  });

  it('takes a dateline-first release as having no headline', () => {
    const { wire } = parseWire(`LONDON (4 March 2025) – ${BODY}`);
    assert.equal(wire.headline, undefined);
    assert.ok(wire.dateline);
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 400 }), (s) => {
        const { release: r } = parseWire(s);
        assert.ok(r.span.start <= r.span.end && r.span.end <= s.length);
        detectFormat(s);
      }),
      { numRuns: 300 },
    );
  });
});

describe('format detection', () => {
  it('finds wire copy by its header, dateline, end mark or boilerplate', () => {
    assert.equal(detectFormat(release('FOR IMMEDIATE RELEASE', 'Acme Opens a Plant', BODY)), 'wire');
    assert.equal(detectFormat(release('Acme Opens a Plant', `LONDON (4 March 2025) – ${BODY}`)), 'wire');
    assert.equal(detectFormat(release('Acme Opens a Plant', BODY, '###')), 'wire');
    assert.equal(detectFormat(release('Acme Opens a Plant', BODY, ABOUT)), 'wire');
    assert.equal(detectFormat(release('Acme Opens a Plant', BODY, 'Media contact:\nJane Roe')), 'wire');
    assert.equal(detectFormat(release('Acme Opens a Plant', BODY, 'Press enquiries: jane@acme.example')), 'wire');
  });

  it('does not take a sentence that opens with "Contacts" for a contact heading', () => {
    assert.equal(detectFormat(release('Ministries meet', 'Contacts between the two ministries grew.')), 'feed');
  });

  it('keeps a feed a feed, even when its body has wire-like lines', () => {
    const feed = ['Plant opens 09.02.2025', BODY, 'Source : https://press.example.gov/1', '###'].join('\n');
    assert.equal(detectFormat(feed), 'feed');
    assert.equal(detectFormat(''), 'feed');
    assert.equal(detectFormat('A draft with no parts yet'), 'feed');
  });

  it('is overridden by the format setting, and the analysis says which format it used', () => {
    const text = release('Acme Opens a Plant', BODY, '###');
    assert.equal(lint(text).format, 'wire');
    assert.equal(lint(text, { config: resolveConfig({ format: 'feed' }) }).format, 'feed');
    assert.ok(lint(text).feed.wire);
  });
});
