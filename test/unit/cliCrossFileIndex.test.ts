/**
 * The CLI's cross-file pre-pass on its own, in-process: the census of key hashes that decides which files are
 * summarized, and which text a summary stands for when a file changed during the run.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { resolveConfig } from '../../server/src/core/index';
import { CrossFileIndex } from '../../server/src/cli/crossFile';
import { nodeFileSystem } from '../../server/src/cli/fileSystem';
import { KeyCensus } from '../../server/src/cli/keyCensus';
import { LONG_BODY, release as releaseOf } from '../support/workspaceFixtures';

const CONFIG = resolveConfig({});
/** A release whose Source is the news item `n`. */
const release = (title: string, n: string) => releaseOf(title, `https://press.example.gov/news/${n}`, LONG_BODY);

describe('CLI cross-file pre-pass', () => {
  it('counts a key as shared only when another file has it, not when one file repeats it', () => {
    const census = new KeyCensus();
    census.add(0, release('Bridge reopens 09.02.2024', '1') + release('Bridge reopens 09.02.2024', '2'), CONFIG);
    census.add(1, release('Road opens 10.02.2024', '2'), CONFIG);
    census.add(2, release('Park opens 11.02.2024', '3') + release('Park opens 11.02.2024', '3'), CONFIG);
    assert.deepEqual(
      [0, 1, 2].map((i) => census.sharesAny(i)),
      [true, true, false],
    );
  });

  it('summarizes again a file whose text changed during the run, even to a text of the same length', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prl-prepass-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.release'), release('Bridge reopens 09.02.2024', '1'));
      fs.writeFileSync(path.join(dir, 'b.release'), release('Bridge reopens 09.02.2024', '2'));
      const index = CrossFileIndex.build(['a.release', 'b.release'], {
        cwd: dir,
        fsys: nodeFileSystem,
        configOf: () => CONFIG,
        lintOptions: {},
        fix: false,
      });
      const same = release('Bridge reopens 09.02.2024', '1');
      assert.deepEqual(
        index.findingsFor('a.release', same, CONFIG).map((f) => f.ruleId),
        ['duplicate-title'],
      );
      const edited = release('Bridge reopens 09.02.2025', '1');
      assert.equal(edited.length, same.length);
      assert.deepEqual(index.findingsFor('a.release', edited, CONFIG), []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
