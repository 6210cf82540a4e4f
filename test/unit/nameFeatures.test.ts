/** The editor queries over names that the core answers for the server: completion and rename. */
import * as assert from 'node:assert/strict';
import {
  lint,
  MAX_NAME_COMPLETIONS,
  nameCompletionsAt,
  renameRefusal,
  wordBefore,
  workspaceNameOccurrences,
  workspaceRenameEdits,
  WorkspaceSummaries,
} from '../../server/src/core/index';

const FEED = [
  'S. Nurgaliyev opened the pumping station 09.02.2025',
  'Deputy Minister of Energy Serik Nurgaliev opened the pumping station in the Karkaraly district on Monday. ' +
    'Serik Nurgaliev said the station will supply four villages.',
  'Source : https://press.example.gov/entities/energy/press/news/details/1',
  'Nurgaliyev visits the dam 10.02.2025',
  'Deputy Minister of Energy Serik Nurgaliyev inspected the dam and said the repairs will end before the flood ' +
    'season in the spring of this year, the ministry reported.',
  'Source : https://press.example.gov/entities/energy/press/news/details/2',
].join('\n');
const today = { year: 2025, month: 6, day: 1 };

describe('name completion', () => {
  it('takes the letters, marks, apostrophes and hyphens before the cursor as the word', () => {
    const text = 'met O’Bri-en said';
    assert.deepEqual(wordBefore(text, text.indexOf(' said')), { start: 4, end: 12 });
    assert.deepEqual(wordBefore(text, 0), { start: 0, end: 0 });
    assert.deepEqual(wordBefore('Nu\u0301r', 4), { start: 0, end: 4 });
    assert.deepEqual(wordBefore('x. ', 3), { start: 3, end: 3 });
  });

  it('completes a capitalised word with known names, most frequent first, replacing the word', () => {
    const text = `${FEED}\nNext 11.02.2025\nKarkaraly and Nu`;
    const a = lint(text, { today });
    const got = nameCompletionsAt(a, text.length)!;
    assert.deepEqual(got.span, { start: text.length - 2, end: text.length });
    assert.equal(got.completions[0].label, 'Nurgaliyev');
    assert.equal(got.completions[0].count, 5);
    assert.deepEqual(got.completions[0].variants, ['Nurgaliev']);
  });

  it('offers nothing for a lower-case word or no word at all', () => {
    const text = `${FEED}\nKarkaraly and nu`;
    const a = lint(text, { today });
    assert.equal(nameCompletionsAt(a, text.length), undefined);
    assert.equal(nameCompletionsAt(a, text.length - 3), undefined);
  });

  it('offers the names list even when the feed lacks the name, and at most the limit', () => {
    const names = Array.from(
      { length: MAX_NAME_COMPLETIONS + 5 },
      (_, i) => `Zed${String.fromCharCode(97 + (i % 26))}${i}`,
    );
    const text = 'Z';
    const a = lint(text, { today, config: { ...lint('', {}).config, names } });
    const got = nameCompletionsAt(a, 1)!;
    assert.equal(got.completions.length, MAX_NAME_COMPLETIONS);
    assert.equal(got.completions[0].count, 0);
    assert.equal(nameCompletionsAt(a, 1, 3)!.completions.length, 3);
  });
});

describe('rename', () => {
  it('accepts names with letters, marks, apostrophes, periods, hyphens and spaces', () => {
    for (const name of ['Nurgaliyev', "O'Brien", 'O’Brien', 'St. John-Smith', 'Zoë', 'Jose\u0301', '  Serik  ']) {
      assert.equal(renameRefusal(name), undefined, name);
    }
  });

  it('refuses what is not a name, and says what it got, on one short line', () => {
    assert.equal(renameRefusal('123'), '"123" is not a name');
    assert.equal(renameRefusal(''), '"" is not a name');
    assert.equal(renameRefusal(' -Serik'), '"-Serik" is not a name');
    assert.equal(renameRefusal('Serik_2'), '"Serik_2" is not a name');
    const long = renameRefusal(`A${'b'.repeat(500)}\nc!`)!;
    assert.ok(!long.includes('\n'));
    assert.ok(long.length <= 100, long);
  });

  it('writes the trimmed new name over every spelling', () => {
    const a = lint(FEED, { today });
    const alone = new WorkspaceSummaries();
    const found = workspaceNameOccurrences(a, FEED.indexOf('Nurgaliev') + 2, alone, 'feed.release')!;
    const { here, elsewhere } = workspaceRenameEdits(found, '  Nurgaliyev ');
    assert.equal(here.length, 5);
    assert.ok(here.every((e) => e.newText === 'Nurgaliyev'));
    assert.deepEqual(elsewhere, []);
    assert.equal(workspaceNameOccurrences(a, FEED.indexOf('pumping'), alone, 'feed.release'), undefined);
  });
});
