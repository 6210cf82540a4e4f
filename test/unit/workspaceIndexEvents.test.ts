/**
 * The workspace index against the file system, with its reads held back where a test needs a race: watched-file
 * events that change nothing, and a scan's read that lands after its file was deleted.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readConfig, resolveConfig, type Config } from '../../server/src/core/index';
import { ByteBudget } from '../../server/src/index/byteBudget';
import { FolderScope } from '../../server/src/index/folderScope';
import { readSummary, type ReadResult } from '../../server/src/index/readSummary';
import { WorkspaceIndex, type IndexSources } from '../../server/src/index/workspaceIndex';
import { release } from '../support/workspaceFixtures';

const TEXT = release('Bridge reopens 09.02.2025', 'https://ex.gov/1');

/** Polls `probe` once per turn of the event loop until it holds, or fails at the deadline. */
async function until(probe: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('the workspace index and watched-file events', () => {
  let dir = '';
  let file = '';
  let key = '';
  let changes = 0;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prl-index-'));
    file = path.join(dir, 'a.release');
    key = pathToFileURL(file).href;
    fs.writeFileSync(file, TEXT);
    changes = 0;
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const sources = (read?: IndexSources['read']): IndexSources => ({
    folderSettings: () => Promise.resolve({ layer: readConfig({}, 'settings').layer, include: [], exclude: [] }),
    progress: () => Promise.resolve({ report: () => undefined, end: () => undefined }),
    log: () => undefined,
    changed: () => changes++,
    counted: () => undefined,
    ...(read ? { read } : {}),
  });

  it('tells nobody when a file was saved without a change others can see', async () => {
    const index = new WorkspaceIndex(sources());
    index.setFolders([pathToFileURL(dir).href]);
    await index.scanned;
    const before = changes;
    await index.filesChanged([{ uri: key, type: 2 }]);
    assert.equal(changes, before);
    fs.writeFileSync(file, TEXT.replace('Bridge', 'Tunnel'));
    await index.filesChanged([{ uri: key, type: 2 }]);
    assert.equal(changes, before + 1);
  });

  it("drops a scan's read that lands after its file was deleted", async () => {
    let release: (() => void) | undefined;
    const read = (f: string, config: Config) =>
      readSummary(f, config).then((r) => new Promise<ReadResult>((resolve) => (release = () => resolve(r))));
    const index = new WorkspaceIndex(sources(read));
    index.setFolders([pathToFileURL(dir).href]);
    await until(() => release !== undefined, "the scan's read");
    fs.rmSync(file);
    await index.filesChanged([{ uri: key, type: 3 }]);
    release!();
    await index.scanned;
    assert.equal(index.summaries.get(key), undefined);
  });
});

describe('a folder scope', () => {
  let dir = '';
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prl-scope-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('takes a .gitignore that cannot be read (a link loop) as ignoring nothing, and tells it once', async () => {
    fs.mkdirSync(path.join(dir, '.git'));
    for (const sub of ['a', 'b']) {
      fs.mkdirSync(path.join(dir, sub));
      fs.symlinkSync('.gitignore', path.join(dir, sub, '.gitignore'));
      fs.writeFileSync(path.join(dir, sub, 'x.release'), TEXT);
    }
    const logs: string[] = [];
    const settings = { layer: readConfig({}, 'settings').layer, include: [], exclude: [] };
    const scope = new FolderScope(pathToFileURL(dir).href, dir, settings, (line) => logs.push(line));
    const found = (await scope.list()).map((f) => path.relative(dir, f)).sort();
    assert.deepEqual(found, [path.join('a', 'x.release'), path.join('b', 'x.release')]);
    assert.equal(logs.length, 1);
    assert.match(logs[0], /ELOOP/);
  });
});

describe('the index read budget', () => {
  it('reads files that exceed the budget together one after another, and a larger file alone', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prl-budget-'));
    try {
      const budget = new ByteBudget(TEXT.length * 2);
      const files = ['a', 'b', 'c', 'd'].map((name) => path.join(dir, `${name}.release`));
      for (const f of files) fs.writeFileSync(f, TEXT);
      const large = path.join(dir, 'large.release');
      fs.writeFileSync(large, TEXT.repeat(3));
      let peak = 0;
      const acquire = budget.acquire.bind(budget);
      budget.acquire = async (bytes) => {
        const taken = await acquire(bytes);
        peak = Math.max(peak, budget.used);
        return taken;
      };
      const reads = await Promise.all([...files, large].map((f) => readSummary(f, readConfigOf(), budget)));
      assert.ok(reads.every((r) => 'summary' in r));
      assert.equal(peak, TEXT.length * 2);
      assert.equal(budget.used, 0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

function readConfigOf(): Config {
  return resolveConfig(readConfig({}, 'settings').layer);
}
