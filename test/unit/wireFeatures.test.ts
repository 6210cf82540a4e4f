import * as assert from 'node:assert/strict';
import { feedStats, foldingRanges, hoverAt, lint, outline, resolveConfig } from '../../server/src/core/index';

/** A standard release written for these tests: every part, an embargo, a Markdown section and a plain one. */
const RELEASE = [
  'EMBARGOED UNTIL 9 a.m. EST, March 6, 2025', // 0
  '',
  'Harbourline Ferries Adds a Night Crossing to Port Wren', // 2
  '',
  '*The new sailing runs seven days a week from April*', // 4
  '',
  'PORT WREN, Maine, Tuesday, March 4, 2025 — Harbourline Ferries will add a night crossing between Port Wren and ' +
    'Gull Island from April 1, so that hospital staff on late shifts can get home the same day.', // 6
  '',
  '"Nurses told us they were sleeping in their cars after the last boat left," said Maya Okafor, chief operating ' +
    'officer of Harbourline Ferries.', // 8
  '',
  '## Timetable and fares', // 10
  '',
  'The night boat leaves Port Wren at 11:40 p.m. and Gull Island at 12:30 a.m.', // 12
  'Fares match the day crossings.',
  '',
  'Islanders welcomed the news', // 15
  '',
  '“We have asked for this boat since the clinic opened,” the island council said in a statement.', // 17
  '',
  'About Harbourline Ferries', // 19
  'Harbourline Ferries runs four car ferries on the Maine coast and carried 1.2 million passengers last year.',
  '',
  '###', // 22
  '',
  'Media contact:', // 24
  'Tomas Reyes',
  'Communications Lead, Harbourline Ferries',
  'press@harbourline.example.com',
  '+1 207-555-0188', // 28
  '',
].join('\n');

const today = { year: 2025, month: 3, day: 4 };
const at = (text: string, needle: string) => {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `no ${needle}`);
  return i + 1;
};

describe('editor features of a standard release', () => {
  const a = lint(RELEASE, { today });

  it('is analysed as a standard release', () => {
    assert.equal(a.format, 'wire');
  });

  it('outlines its parts in document order, with quotes under the section they follow', () => {
    const nodes = outline(a, { sources: true });
    const show = (n: (typeof nodes)[number]): unknown[] => [n.kind, n.name, n.detail, n.children.map(show)];
    assert.deepEqual(nodes.map(show), [
      ['header', 'EMBARGOED UNTIL 9 a.m. EST, March 6, 2025', undefined, []],
      [
        'headline',
        'Harbourline Ferries Adds a Night Crossing to Port Wren',
        'The new sailing runs seven days a week from April',
        [],
      ],
      ['dateline', 'PORT WREN, Maine', 'Tuesday, March 4, 2025', []],
      ['quote', '“Nurses told us they were sleeping…”', 'Maya Okafor', []],
      ['subheading', 'Timetable and fares', undefined, []],
      [
        'subheading',
        'Islanders welcomed the news',
        undefined,
        [['quote', '“We have asked for this boat…”', undefined, []]],
      ],
      ['boilerplate', 'About Harbourline Ferries', undefined, []],
      ['end-mark', '###', undefined, []],
      ['contact', 'Media contact', 'Tomas Reyes', []],
    ]);
  });

  it('shows a plain subheadline whole, and one in parentheses without them, beside the headline', () => {
    const detail = (sub: string) => {
      const text = ['Acme Opens a Plant', sub, '', 'LONDON (4 March 2025) – Acme opened a plant.'].join('\n');
      return outline(lint(text, { today })).find((n) => n.kind === 'headline')?.detail;
    };
    assert.equal(detail('Three hundred jobs by December'), 'Three hundred jobs by December');
    assert.equal(detail('(Three hundred jobs by December)'), 'Three hundred jobs by December');
    assert.equal(detail('_Three hundred jobs by December_'), 'Three hundred jobs by December');
  });

  it('gives every child a range inside its parent, and sections reach to the next section', () => {
    const nodes = outline(a);
    const sections = nodes.filter((n) => n.kind === 'subheading');
    assert.equal(
      RELEASE.slice(sections[0].span.start, sections[0].span.end).split('\n').at(-1),
      'Fares match the day crossings.',
    );
    for (const n of nodes)
      for (const c of n.children) assert.ok(c.span.start >= n.span.start && c.span.end <= n.span.end, c.name);
  });

  it('folds the boilerplate and the contact block, each from its heading', () => {
    assert.deepEqual(foldingRanges(a), [
      { startLine: 19, endLine: 20 },
      { startLine: 24, endLine: 28 },
    ]);
  });

  it('shows the dateline date and counts the days until the embargo lifts from the rules’ today', () => {
    const hover = hoverAt(a, at(RELEASE, 'PORT WREN'));
    assert.ok(hover);
    assert.equal(RELEASE.slice(hover.span.start, hover.span.end), 'PORT WREN, Maine, Tuesday, March 4, 2025 —');
    assert.equal(
      hover.markdown,
      [
        '**PORT WREN, Maine**',
        '',
        '- Date: Tuesday, 4 March 2025 · ISO `2025-03-04`',
        '- Embargo: lifts in 2 days (Thursday, 6 March 2025, 9 a.m. EST)',
      ].join('\n'),
    );
    const later = (day: number) => hoverAt(lint(RELEASE, { today: { ...today, day } }), at(RELEASE, 'PORT'))?.markdown;
    assert.match(later(6) ?? '', /- Embargo: lifts today \(Thursday, 6 March 2025, 9 a\.m\. EST\)/);
    assert.match(later(7) ?? '', /- Embargo: lifted yesterday/);
    assert.match(later(11) ?? '', /- Embargo: lifted 5 days ago/);
  });

  it('says when there is no embargo, and when the weekday disagrees with the date', () => {
    const text = RELEASE.replace('EMBARGOED UNTIL 9 a.m. EST, March 6, 2025', 'FOR IMMEDIATE RELEASE').replace(
      'Tuesday, March 4',
      'Monday, March 4',
    );
    const hover = hoverAt(lint(text, { today }), at(text, 'PORT WREN'));
    assert.match(hover?.markdown ?? '', /- The text names Monday, but the date is a Tuesday/);
    assert.match(hover?.markdown ?? '', /- Embargo: none, for immediate release$/);
  });

  it('shows the headline’s length, reading time and open problems', () => {
    const hover = hoverAt(a, at(RELEASE, 'Night Crossing'));
    assert.ok(hover);
    assert.equal(
      RELEASE.slice(hover.span.start, hover.span.end),
      'Harbourline Ferries Adds a Night Crossing to Port Wren',
    );
    const lines = hover.markdown.split('\n');
    assert.equal(lines[0], '**Harbourline Ferries Adds a Night Crossing to Port Wren**');
    assert.ok(lines.includes('- Dated: Tuesday, 4 March 2025 · ISO `2025-03-04`'), hover.markdown);
    assert.ok(
      lines.some((l) => /^- \d+ words in 6 paragraphs · about 1 min to read$/.test(l)),
      hover.markdown,
    );
    assert.ok(lines.includes('- Contact: Tomas Reyes'), hover.markdown);
    assert.equal(lines.at(-1), 'No open problems.');
    const broken = RELEASE.replace('\n###\n', '\n');
    const problems = hoverAt(lint(broken, { today }), at(broken, 'Night Crossing'))?.markdown ?? '';
    assert.match(problems, /\*\*1 open problem:\*\*\n- Warning: .*\(`missing-end-mark`\)$/);
  });

  it('names the parts of a contact', () => {
    const hover = hoverAt(a, at(RELEASE, '+1 207'));
    assert.equal(
      hover?.markdown,
      [
        '**Media contact**',
        '',
        '- Name: Tomas Reyes',
        '- Title: Communications Lead',
        '- Organisation: Harbourline Ferries',
        '- E-mail: `press@harbourline.example.com`',
        '- Phone: `+1 207-555-0188`',
      ].join('\n'),
    );
    const inline = `${RELEASE.slice(0, RELEASE.indexOf('Media contact:'))}Contact: Ana Lim, ana@ferry.example, (207) 555-0100\n`;
    const parts = hoverAt(lint(inline, { today }), at(inline, 'Ana Lim'))?.markdown ?? '';
    assert.match(parts, /- Name: Ana Lim\n- Title: none\n- Organisation: none\n- E-mail: `ana@ferry\.example`/);
    assert.match(parts, /- Phone: `\(207\) 555-0100`$/);
  });

  it('says in the stats that the format was detected, or set', () => {
    assert.deepEqual(feedStats(a), {
      format: 'wire',
      formatFrom: 'detected',
      releases: 1,
      errors: 0,
      warnings: 0,
      problems: 0,
    });
    const set = feedStats(lint(RELEASE, { today, config: resolveConfig({ format: 'wire' }) }));
    assert.equal(set.formatFrom, 'setting');
    const asFeed = feedStats(lint(RELEASE, { today, config: resolveConfig({ format: 'feed' }) }));
    assert.deepEqual([asFeed.format, asFeed.formatFrom], ['feed', 'setting']);
  });

  it('outlines a release read as a feed the feed’s way', () => {
    const asFeed = lint(RELEASE, { today, config: resolveConfig({ format: 'feed' }) });
    assert.ok(outline(asFeed).every((n) => n.kind === 'release' || n.kind === 'category'));
  });
});
