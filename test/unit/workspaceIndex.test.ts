/** The pure parts of the workspace index: settings globs, summary comparison and workspace symbol matching. */
import * as assert from 'node:assert/strict';
import { matchReleases, resolveConfig, sameFromElsewhere, summarizeText } from '../../server/src/core/index';
import { splitSettings } from '../../server/src/editorSettings';
import { excludedGlobs, expandBraces, globMatcher } from '../../server/src/index/globs';
import { feed as feedOf } from '../support/workspaceFixtures';

const CONFIG = resolveConfig({});
/** A feed of releases with these titles, the `i`th sourced at `https://ex.gov/i`. */
const feed = (...titles: string[]) => feedOf(...titles.map((t, i): [string, string] => [t, `https://ex.gov/${i}`]));

describe('index globs', () => {
  it('expand braces, nested ones too', () => {
    assert.deepEqual(expandBraces('**/*.{tmp,bak}'), ['**/*.tmp', '**/*.bak']);
    assert.deepEqual(expandBraces('{a,b{c,d}}.txt'), ['a.txt', 'bc.txt', 'bd.txt']);
    assert.deepEqual(expandBraces('plain.release'), ['plain.release']);
  });

  it('match globs relative to the folder: `**` at any depth, others from the folder, folders with all inside', () => {
    const m = globMatcher(['**/*.txt', 'news/*.md', 'out']);
    assert.equal(m('a/b/c.txt', false), true);
    assert.equal(m('news/x.md', false), true);
    assert.equal(m('deep/news/x.md', false), false);
    assert.equal(m('out', true), true);
    assert.equal(m('out/feeds/a.release', false), true);
    assert.equal(m('a.release', false), false);
    assert.equal(globMatcher([])('a.txt', false), false);
  });

  it('take the patterns that files.exclude turns on, and nothing from a malformed section', () => {
    const files = {
      exclude: { '**/.git': true, '**/drafts': true, '**/off': false, '**/*.js': { when: '$(basename).ts' } },
    };
    assert.deepEqual(excludedGlobs(files), ['**/.git', '**/drafts']);
    assert.deepEqual(excludedGlobs(undefined), []);
    assert.deepEqual(excludedGlobs({ exclude: 'x' }), []);
  });

  it('read index.enabled and index.include beside the lint settings, not as lint settings', () => {
    const { lint, editor } = splitSettings({ index: { enabled: false, include: ['**/*.txt', 3] }, format: 'feed' });
    assert.deepEqual(lint, { format: 'feed' });
    assert.equal(editor.indexEnabled, false);
    assert.deepEqual(editor.indexInclude, ['**/*.txt']);
    assert.equal(splitSettings({}).editor.indexEnabled, true);
  });
});

describe('summaries seen from elsewhere', () => {
  const a = summarizeText(feed('Bridge reopens 09.02.2025', 'Schools open 10.02.2025'), CONFIG);

  it('are the same when only a body changed on the same lines', () => {
    const edited = summarizeText(
      feed('Bridge reopens 09.02.2025', 'Schools open 10.02.2025').replace('work', 'job'),
      CONFIG,
    );
    assert.equal(sameFromElsewhere(a, edited), true);
  });

  it('differ when a title, a Source or a line changed, or a release came', () => {
    assert.equal(
      sameFromElsewhere(a, summarizeText(feed('Bridge closes 09.02.2025', 'Schools open 10.02.2025'), CONFIG)),
      false,
    );
    assert.equal(
      sameFromElsewhere(a, summarizeText(`\n${feed('Bridge reopens 09.02.2025', 'Schools open 10.02.2025')}`, CONFIG)),
      false,
    );
    assert.equal(sameFromElsewhere(a, summarizeText(feed('Bridge reopens 09.02.2025'), CONFIG)), false);
    assert.equal(sameFromElsewhere(a, undefined), false);
  });
});

describe('workspace symbols over summaries', () => {
  const files = new Map([
    ['file:///a.release', summarizeText(feed('Bridge reopens 09.02.2025', 'Schools open 10.02.2025'), CONFIG)],
    ['file:///b.release', summarizeText(feed('Bridge inspection 11.02.2025'), CONFIG)],
  ]);

  it('match titles by subsequence, ignoring case, in every file', () => {
    assert.deepEqual(
      matchReleases(files.entries(), 'bRIdg', 10).map((m) => [m.file, m.name]),
      [
        ['file:///a.release', 'Bridge reopens'],
        ['file:///b.release', 'Bridge inspection'],
      ],
    );
    assert.deepEqual(
      matchReleases(files.entries(), 'sop', 10).map((m) => m.name),
      ['Schools open'],
    );
  });

  it('stop at the limit', () => {
    assert.equal(matchReleases(files.entries(), '', 2).length, 2);
    assert.equal(matchReleases(files.entries(), '', 10).length, 3);
  });
});
