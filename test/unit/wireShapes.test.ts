/**
 * Shapes of a standard release that a new-user trial found unread, each beside a nearby shape that must keep its old
 * reading: format detection that weighs feed against wire evidence, datelines of the wire services and in figures,
 * British end marks, `About` headings of company names with legal forms, Markdown decoration, contact headings and
 * ` / ` contact lines, and the outline's first quotation of a paragraph.
 */
import * as assert from 'node:assert/strict';
import { detectFormat, hoverAt, lint, outline, parseWire, resolveConfig } from '../../server/src/core/index';

const today = { year: 2025, month: 6, day: 1 };
const WIRE = { config: resolveConfig({ format: 'wire' }), today };
const BODY = 'Acme Corp. opened a plant in Austin today, and the plant will employ 300 people by the end of the year.';
const DATED = `AUSTIN, Texas, March 4, 2025 — ${BODY}`;
const ABOUT = 'About Acme Corp.\nAcme Corp. makes anvils for customers in 40 countries.';
const CONTACT = 'Media contact:\nJane Roe, Head of Press, Acme Corp.\njane.roe@acme.example\n+1 512 555 0100';

const release = (...blocks: string[]) => blocks.join('\n\n');
const rulesOf = (text: string) => lint(text, { today }).findings.map((f) => f.ruleId);

describe('format detection weighs the evidence', () => {
  it('keeps a complete release wire copy despite one Source line without a URL', () => {
    const text = release(
      'FOR IMMEDIATE RELEASE',
      'Acme Opens a Plant',
      DATED,
      'Source: Acme Corp.',
      ABOUT,
      '###',
      CONTACT,
    );
    assert.equal(detectFormat(text), 'wire');
    const rules = rulesOf(text);
    assert.ok(!rules.includes('missing-date') && !rules.includes('missing-source'), rules.join(', '));
  });

  it('keeps a German release with a dated headline wire copy', () => {
    const headline = 'Acme eröffnet Werk in Dresden 04.03.2025';
    const text = release('PRESSEMITTEILUNG', headline, `DRESDEN, 04.03.2025 – ${BODY}`, ABOUT, '###', CONTACT);
    assert.equal(detectFormat(text), 'wire');
    assert.equal(lint(text, { today }).feed.wire?.headline?.text, headline);
  });

  it('keeps feeds feeds: dated titles and Sources outweigh a release-like line in a body', () => {
    const one = (title: string, n: number) => [title, BODY, `Source : https://press.example.gov/${n}`].join('\n');
    const feed = [one('Plant opens 09.02.2025', 1), '###', one('Road opens 10.02.2025', 2)].join('\n\n');
    assert.equal(detectFormat(feed), 'feed');
    // A single release with a dated title and a bare Source still has more feed than wire evidence.
    assert.equal(
      detectFormat(['Plant opens 09.02.2025', BODY, 'Source: Ministry of Industry', '###'].join('\n')),
      'feed',
    );
  });

  it('reads header labels in German and French, and as advisories, on a line of their own', () => {
    for (const label of [
      'PRESSEMITTEILUNG',
      'COMMUNIQUÉ DE PRESSE',
      'Communiqué de presse',
      'MEDIA RELEASE',
      'NEWS ADVISORY',
    ]) {
      const { wire } = parseWire(release(label, 'Acme Opens a Plant', DATED));
      assert.deepEqual(
        wire.headers.map((h) => h.kind),
        ['label'],
        label,
      );
      assert.equal(wire.headline?.text, 'Acme Opens a Plant', label);
    }
    const sentence = parseWire(release('Pressemitteilung der Stadt Dresden zum neuen Werk', DATED)).wire;
    assert.deepEqual(sentence.headers, []);
  });
});

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

describe('end marks', () => {
  it('reads the British and dashed end marks on a line of their own', () => {
    for (const mark of ['ENDS', 'Ends', '- ENDS -', '-ends-', '-END-', 'END', '—30—', '– 30 –', '-30-', '# # #']) {
      const { wire } = parseWire(release('Acme Opens a Plant', DATED, mark, CONTACT));
      assert.equal(wire.endMark?.text, mark, mark);
    }
  });

  it('does not take a sentence, or a dash on one side only, for an end mark', () => {
    for (const line of ['Ends today.', 'The end of an era', '- ENDS', 'Endless', '30']) {
      const { wire } = parseWire(release('Acme Opens a Plant', DATED, line));
      assert.equal(wire.endMark, undefined, line);
    }
  });
});

describe('About headings', () => {
  it('reads company names with commas and full stops of legal forms, and in capitals', () => {
    const names = [
      'Acme, Inc.',
      'Acme S.A.',
      'Acme N.V.',
      'Acme Co., Ltd.',
      'Saubere Flüsse e.V.',
      'Acme e. V.',
      'Acme U.S.',
      'ACME',
    ];
    for (const name of names) {
      const heading = name === 'ACME' ? 'ABOUT ACME' : `About ${name}`;
      const { wire } = parseWire(release('Acme Opens a Plant', DATED, `${heading}\nAcme makes anvils.`, '###'));
      assert.deepEqual(
        wire.boilerplates.map((b) => b.organisation),
        [name],
        heading,
      );
    }
  });

  it('does not take a sentence for a heading, and drops a full stop after a plain word of a name', () => {
    const sentence = parseWire(release('Acme Opens a Plant', DATED, 'About half of the staff moved to Leeds.')).wire;
    assert.deepEqual(sentence.boilerplates, []);
    const plain = parseWire(release('Acme Opens a Plant', DATED, 'About Acme Widgets.\nAcme makes anvils.')).wire;
    assert.deepEqual(
      plain.boilerplates.map((b) => b.organisation),
      ['Acme Widgets'],
    );
    const comma = parseWire(release('Acme Opens a Plant', DATED, 'About Acme, the anvil maker\nAcme makes anvils.'));
    assert.deepEqual(comma.wire.boilerplates, []);
  });

  it('names the boilerplate in the outline as written, its final full stop kept', () => {
    const text = release('Orbis Opens a Depot', DATED, 'About Orbis Freight Corp.\nOrbis moves freight.', '###');
    const names = outline(lint(text, { today })).filter((n) => n.kind === 'boilerplate');
    assert.deepEqual(
      names.map((n) => n.name),
      ['About Orbis Freight Corp.'],
    );
  });
});

describe('Markdown decoration', () => {
  const MD = [
    '# Acme Opens a Plant',
    '**AUSTIN, Texas, March 4, 2025** — ' + BODY,
    '## About Acme Corp.\n\nAcme Corp. makes anvils.',
    '### About Globex\n\nGlobex builds roads.',
    '**About Initech Inc.**\n\nInitech writes software.',
    '\\#\\#\\#',
    '**Media contact:** Jane Roe\n[jane@acme.example](mailto:jane@acme.example)\n+1 512 555 0100',
  ].join('\n\n');

  it('reads headings, a bold dateline, the escaped end mark and a bold contact heading', () => {
    const { wire } = parseWire(MD);
    assert.equal(wire.headline?.text, 'Acme Opens a Plant');
    assert.equal(wire.dateline?.city.text, 'AUSTIN, Texas');
    assert.equal(MD.slice(wire.dateline.city.span.start, wire.dateline.city.span.end), 'AUSTIN, Texas');
    assert.equal(MD.slice(wire.dateline.date.span.start, wire.dateline.date.span.end), 'March 4, 2025');
    assert.deepEqual(
      wire.boilerplates.map((b) => b.organisation),
      ['Acme Corp.', 'Globex', 'Initech Inc.'],
    );
    assert.equal(wire.endMark?.text, '\\#\\#\\#');
    assert.equal(wire.contact?.heading.text, 'Media contact:');
    assert.equal(MD.slice(wire.contact.heading.span.start, wire.contact.heading.span.end), 'Media contact:');
  });

  it('reads an address written as a mailto link once, at its text, and finds nothing wrong with it', () => {
    const { wire } = parseWire(MD);
    const emails = wire.contact?.emails ?? [];
    assert.deepEqual(
      emails.map((e) => [e.text, MD.slice(e.span.start, e.span.end)]),
      [['jane@acme.example', 'jane@acme.example']],
    );
    assert.ok(MD[emails[0].span.start - 1] === '[');
    assert.ok(!rulesOf(MD).includes('contact-format'), rulesOf(MD).join(', '));
    const hover = hoverAt(lint(MD, { today }), MD.indexOf('+1 512'))?.markdown ?? '';
    assert.match(hover, /- Name: Jane Roe\n- Title: none\n- Organisation: none\n- E-mail: `jane@acme.example`\n/);
  });

  it('reads an italic dateline and a heading-styled contact over its blank line, and a bad address still', () => {
    const text = release(
      'Acme Opens a Plant',
      `*AUSTIN, Texas, March 4, 2025* — ${BODY}`,
      '## Media contact\n\nJane Roe\n[jane@acme..example](mailto:jane@acme..example)',
    );
    const { wire } = parseWire(text);
    assert.equal(wire.dateline?.city.text, 'AUSTIN, Texas');
    assert.equal(wire.contact?.heading.text, 'Media contact');
    assert.deepEqual(
      wire.contact?.emails.map((e) => e.text),
      ['jane@acme..example'],
    );
    assert.ok(rulesOf(text).includes('contact-format'));
    // A plain heading's block still ends at the blank line after it.
    const plain = parseWire(release('Acme Opens a Plant', DATED, 'Media contact:', 'Jane Roe\njane@acme.example'));
    assert.deepEqual(plain.wire.contact?.lines, []);
  });

  it('leaves emphasis inside a line alone', () => {
    const { wire } = parseWire(release('Acme Opens a Plant', `AUSTIN, Texas, March 4, 2025 — **Acme** and ${BODY}`));
    assert.equal(wire.dateline?.city.text, 'AUSTIN, Texas');
    const headline = parseWire(release('**Acme** Opens a Plant in **Austin**', DATED)).wire.headline?.text;
    assert.equal(headline, '**Acme** Opens a Plant in **Austin**');
  });
});

describe('contact block', () => {
  const contactOf = (heading: string) =>
    parseWire(release('Acme Opens a Plant', DATED, `${heading}\nJane Roe\njane.roe@acme.example`)).wire.contact;

  it('opens at the other headings of a contact block', () => {
    for (const heading of [
      'For more information, contact:',
      'For further information:',
      'Media Relations',
      'Press office:',
    ])
      assert.equal(contactOf(heading)?.heading.text, heading, heading);
  });

  it('does not open at a sentence that begins like a heading', () => {
    for (const sentence of ['For more information, visit acme.example.', 'Media relations improved this year.'])
      assert.equal(contactOf(sentence), undefined, sentence);
  });

  it('splits a contact line at spaced slashes into name, title and organisation, but not a slash in a word', () => {
    const line = 'Rachel Kim / Vice President, Marketing / Orbis Freight Corp.';
    const text = release('Orbis Opens a Depot', DATED, `Media contact:\n${line}\n24/7 desk: +1 512 555 0100`);
    const hover = hoverAt(lint(text, { today }), text.indexOf('Rachel'))?.markdown ?? '';
    assert.match(hover, /- Name: Rachel Kim\n- Title: Vice President, Marketing\n/);
    // A slash inside a word parts nothing: the desk's label stays whole beside the organisation.
    assert.match(hover, /- Organisation: Orbis Freight Corp\., 24\/7 desk\n/);
    const commas = text.replace(line, 'Rachel Kim, Vice President, Orbis Freight Corp.');
    const plain = hoverAt(lint(commas, { today }), commas.indexOf('Rachel'))?.markdown ?? '';
    assert.match(plain, /- Title: Vice President\n- Organisation: Orbis Freight Corp\., 24\/7 desk\n/);
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
