import * as assert from 'node:assert/strict';
import {
  documentLinks,
  feedStats,
  foldingRanges,
  hoverAt,
  isSubsequence,
  lint,
  outline,
  readConfig,
  releaseSymbols,
  resolveConfig,
} from '../../server/src/core/index';

const TEXT = [
  'Law',
  'Court opens on Saturdays 05.02.2025',
  'Curling',
  'The district court opens a reception for citizens on Saturdays so that people who work during the week can file documents without taking a day off work.',
  'Source : https://press.example.gov/memleket/entities/court/press/news/details/930630',
  'Second release 06.02.2025',
  'Too short.Source : not a url',
].join('\n');
const today = { year: 2025, month: 6, day: 1 };

describe('features', () => {
  const a = lint(TEXT, { today });

  it('builds the outline: category, releases, sub-headings and, when asked for, Source', () => {
    const o = outline(a, { sources: true });
    assert.equal(o.length, 1);
    assert.equal(o[0].name, 'Law');
    assert.deepEqual(
      o[0].children.map((c) => [c.name, c.detail]),
      [
        ['Court opens on Saturdays', '05.02.2025'],
        ['Second release', '06.02.2025'],
      ],
    );
    assert.deepEqual(
      o[0].children[0].children.map((c) => [c.kind, c.name]),
      [
        ['subheading', 'Curling'],
        ['source', 'Source'],
      ],
    );
    assert.equal(o[0].span.end, a.feed.releases[1].span.end);
  });

  it('keeps the Source out of the outline by default, and names its host in the release detail', () => {
    const o = outline(a);
    assert.deepEqual(
      o[0].children.map((c) => [c.name, c.detail, c.children.map((s) => s.kind)]),
      [
        ['Court opens on Saturdays', '05.02.2025 · press.example.gov', ['subheading']],
        ['Second release', '06.02.2025 · not a url', []],
      ],
    );
  });

  it('hovers a date with its weekday and ISO form', () => {
    const h = hoverAt(a, TEXT.indexOf('05.02.2025') + 2);
    assert.match(h!.markdown, /Wednesday, 5 February 2025/);
    assert.match(h!.markdown, /2025-02-05/);
  });

  it('hovers a title with counts, reading time, source facts and open problems', () => {
    const h = hoverAt(a, TEXT.indexOf('Court opens') + 1)!.markdown;
    assert.match(h, /28 words in 1 paragraph · about 1 min to read/);
    assert.match(h, /Source: court, news id 930630/);
    assert.match(h, /Category: Law/);
    assert.match(h, /No open problems/);
    const h2 = hoverAt(a, TEXT.indexOf('Second release') + 1)!.markdown;
    assert.match(h2, /open problems?:/);
    assert.match(h2, /`short-body`/);
    assert.match(h2, /`source-url`/);
  });

  it('hovers a Source URL with host, agency and news id', () => {
    const h = hoverAt(a, TEXT.indexOf('press.example.gov') + 1)!.markdown;
    assert.match(h, /Host: press\.example\.gov/);
    assert.match(h, /Agency: court/);
    assert.match(h, /News id: 930630/);
  });

  it('has no hover on plain body text', () => {
    assert.equal(hoverAt(a, TEXT.indexOf('district court')), undefined);
  });

  it('folds each release and links only valid Source URLs', () => {
    assert.deepEqual(foldingRanges(a), [
      { startLine: 1, endLine: 4 },
      { startLine: 5, endLine: 6 },
    ]);
    assert.deepEqual(
      documentLinks(a).map((l) => l.target),
      ['https://press.example.gov/memleket/entities/court/press/news/details/930630'],
    );
  });

  it('counts releases and problems by severity', () => {
    // Counted by hand from TEXT: the first release is clean; the second has a 2-word body (short-body, warning), a
    // Source glued to it (source-placement, info) and a Source that is not a URL (source-url, error). The info
    // counts as a problem but neither as an error nor as a warning.
    assert.deepEqual(feedStats(a), {
      format: 'feed',
      formatFrom: 'detected',
      releases: 2,
      errors: 1,
      warnings: 1,
      problems: 3,
    });
  });

  it('counts problems by their configured severity, and leaves out rules that are off', () => {
    const rules = { 'short-body': 'error', 'source-placement': 'warning', 'source-url': 'off' };
    const read = readConfig({ rules }, 'test');
    assert.deepEqual(read.errors, []);
    const stats = feedStats(lint(TEXT, { today, config: resolveConfig(read.layer) }));
    assert.deepEqual(stats, {
      format: 'feed',
      formatFrom: 'detected',
      releases: 2,
      errors: 1,
      warnings: 1,
      problems: 2,
    });
  });

  it('finds releases for workspace symbols by a subsequence of their names, ignoring case', () => {
    assert.deepEqual(releaseSymbols(a, 'secrel'), [
      { name: 'Second release', span: a.feed.releases[1].title!.span, category: 'Law' },
    ]);
    assert.deepEqual(
      releaseSymbols(a, 'COURT').map((s) => s.name),
      ['Court opens on Saturdays'],
    );
    assert.deepEqual(
      releaseSymbols(a, '').map((s) => s.name),
      ['Court opens on Saturdays', 'Second release'],
    );
    assert.deepEqual(releaseSymbols(a, 'releasez'), []);
  });

  it('names an untitled release and its span for workspace symbols', () => {
    const orphan = lint('Source : https://press.example.gov/1\nText after the source with no title at all.', { today });
    const symbols = releaseSymbols(orphan, 'orphan 2');
    assert.deepEqual(symbols, [
      { name: '(orphan text, release 2)', span: orphan.feed.releases[1].span, category: undefined },
    ]);
  });

  it('matches a subsequence in order only', () => {
    assert.ok(isSubsequence('', 'anything'));
    assert.ok(isSubsequence('thrl', 'third release'));
    assert.ok(!isSubsequence('lr', 'rl'));
    assert.ok(!isSubsequence('aa', 'a'));
  });
});
