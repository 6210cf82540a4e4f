/**
 * The CLI given folders and patterns: which files it lints, in which order, split into shards, and in worker
 * threads with the same report as one thread. Runs the built CLI as a process, in temporary folders.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { run } from '../../server/src/cli';
import { nodeFileSystem } from '../../server/src/cli/fileSystem';
import { Output } from '../../server/src/cli/output';
import { filesOfShard } from '../../server/src/cli/shard';
import { fixAll } from '../../server/src/core/index';
import { BROKEN, CLEAN, FIXABLE, FIXED, fixableRelease } from '../support/cliFeeds';
import {
  assertMessageLines,
  assertNoStackTrace,
  BIN,
  freshDirectory,
  runCli,
  temporaryFilesIn,
  type CliResult,
} from '../support/cliProcess';
import { writeTree } from '../support/workspaceFixtures';

let dir: string;

/** Writes files (creating their folders) below the test's folder. */
function put(files: Record<string, string>): void {
  writeTree(dir, files);
}

function cli(args: string[], input?: string): CliResult {
  const r = runCli(args, { cwd: dir, ...(input === undefined ? {} : { input }) });
  assertNoStackTrace(r.stdout, r.stderr);
  return r;
}

/** The files a JSON report covers, in its order. */
function linted(args: string[]): string[] {
  const r = cli(['--format', 'json', ...args]);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  return (JSON.parse(r.stdout.toString('utf8')) as { file: string }[]).map((entry) => entry.file);
}

describe('CLI with folders and patterns', () => {
  beforeEach(() => {
    dir = freshDirectory('prl-files-');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lints a folder recursively: .release files and the endings the config adds, sorted by path', () => {
    put({
      'feeds/z.release': BROKEN,
      'feeds/b/deep/c.release': CLEAN,
      'feeds/a.txt': BROKEN,
      'feeds/notes.md': BROKEN,
      'feeds/b.release': CLEAN,
    });
    assert.deepEqual(linted(['feeds']), ['feeds/b.release', 'feeds/b/deep/c.release', 'feeds/z.release']);
    put({ '.pressreleaserc.json': '{"extensions": [".txt"]}' });
    assert.deepEqual(linted(['feeds/']), [
      'feeds/a.txt',
      'feeds/b.release',
      'feeds/b/deep/c.release',
      'feeds/z.release',
    ]);
    assert.deepEqual(linted(['.']).slice(0, 1), ['feeds/a.txt']);
  });

  it('skips node_modules and .git', () => {
    put({ 'f/a.release': CLEAN, 'f/node_modules/p/b.release': BROKEN, 'f/.git/c.release': BROKEN });
    assert.deepEqual(linted(['f']), ['f/a.release']);
  });

  it('honours .gitignore files, each relative to its own folder, up to the repository root', () => {
    put({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'feeds/old/\n',
      'feeds/.gitignore': '*.draft.release\n!keep.draft.release\n',
      'feeds/sub/.gitignore': '/local.release\n',
      'feeds/a.release': CLEAN,
      'feeds/a.draft.release': BROKEN,
      'feeds/keep.draft.release': CLEAN,
      'feeds/old/b.release': BROKEN,
      'feeds/sub/local.release': BROKEN,
      'feeds/sub/deeper/local.release': CLEAN,
    });
    const expected = ['feeds/a.release', 'feeds/keep.draft.release', 'feeds/sub/deeper/local.release'];
    assert.deepEqual(linted(['feeds']), expected);
    assert.deepEqual(linted(['feeds/**/*.release']), expected);
  });

  it('expands quoted patterns, whose own endings decide which files they match', () => {
    put({ 'r/a.release': CLEAN, 'r/x/b.release': BROKEN, 'r/c.txt': BROKEN, 'other/d.release': CLEAN });
    assert.deepEqual(linted(['r/**/*.release']), ['r/a.release', 'r/x/b.release']);
    assert.deepEqual(linted(['r/*.txt']), ['r/c.txt']);
    assert.deepEqual(linted([`${dir}/r/*.release`]), [`${dir}/r/a.release`]);
  });

  it('always lints a file named on its own, whatever its ending or ignore status, and each file once', () => {
    put({ '.gitignore': 'ignored.release\n', 'ignored.release': BROKEN, 'notes.md': BROKEN, 'f/a.release': CLEAN });
    assert.deepEqual(linted(['ignored.release', 'notes.md']), ['ignored.release', 'notes.md']);
    assert.deepEqual(linted(['f/a.release', 'f', './f/a.release']), ['f/a.release']);
  });

  it('says in one line when a folder or a pattern holds no feed, exits 2, and lints the rest', () => {
    put({ 'empty/notes.md': BROKEN, 'a.release': BROKEN });
    const r = cli(['empty', 'nothing/**/*.release', 'a.release']);
    assert.equal(r.code, 2);
    const lines = assertMessageLines(r.stderr, 2);
    assert.match(lines[0], /^press-release-lint: no feed in empty \(looked for files ending \.release, outside /);
    assert.equal(lines[1], 'press-release-lint: no file matches nothing/**/*.release');
    assert.match(r.stdout.toString('utf8'), /^a\.release\n/);
  });

  it('reads standard input as before, among folders too', () => {
    put({ 'f/a.release': BROKEN });
    const alone = cli(['--jobs', '4', '-'], BROKEN);
    assert.equal(alone.code, 1);
    assert.match(alone.stdout.toString('utf8'), /^-\n/);
    assert.deepEqual(
      JSON.parse(cli(['--format', 'json', '-', 'f'], CLEAN).stdout.toString('utf8')).map(
        (e: { file: string }) => e.file,
      ),
      ['-', 'f/a.release'],
    );
  });
});

describe('CLI in worker threads', () => {
  beforeEach(() => {
    dir = freshDirectory('prl-jobs-');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Forty feeds of every kind, one large one first so that later files finish before it. */
  function manyFeeds(root: string): void {
    const files: Record<string, string> = { [`${root}/000-large.release`]: fixableRelease(0).repeat(1000) };
    const kinds = [CLEAN, BROKEN, FIXABLE, `${FIXABLE}${BROKEN}`];
    for (let i = 1; i < 40; i++) files[`${root}/${i % 3}/${String(i).padStart(3, '0')}.release`] = kinds[i % 4];
    put(files);
    // Bytes that are not UTF-8: a problem told on stderr, between the reports of the files around it.
    fs.writeFileSync(path.join(dir, root, '1', 'bad.release'), Buffer.from([0x41, 0xc3, 0x28, 0x0a]));
  }

  for (const format of ['stylish', 'json', 'sarif']) {
    it(`reports byte for byte the same with --jobs 1 and --jobs 4 (${format})`, () => {
      manyFeeds('feeds');
      const one = cli(['--format', format, '--jobs', '1', 'feeds']);
      const four = cli(['--format', format, '--jobs', '4', 'feeds']);
      assert.equal(one.code, 2, 'the undecodable feed makes the run end with 2');
      assert.deepEqual([four.code, four.stderr], [one.code, one.stderr]);
      assert.ok(four.stdout.equals(one.stdout), 'the reports differ');
      assert.ok(one.stdout.length > 10_000);
      // The feeds repeat each other, so the reports merge cross-file findings into every file's own.
      assert.match(one.stdout.toString('utf8'), /Same title and date as \\?"Reservoirs are full\\?" in \d+\.release/);
    });
  }

  it('fixes each file once, the same with --jobs 1 and --jobs 4', () => {
    manyFeeds('one');
    manyFeeds('four');
    const one = cli(['--fix', '--jobs', '1', 'one']);
    const four = cli(['--fix', '--jobs', '4', 'four']);
    assert.equal(four.code, one.code);
    assert.equal(four.stdout.toString('utf8'), one.stdout.toString('utf8').replaceAll('one/', 'four/'));
    assert.equal(four.stderr, one.stderr.replaceAll('one/', 'four/'));
    for (const name of fs.readdirSync(path.join(dir, 'one'), { recursive: true, encoding: 'utf8' })) {
      const before = path.join(dir, 'one', name);
      if (fs.statSync(before).isDirectory()) continue;
      assert.ok(fs.readFileSync(path.join(dir, 'four', name)).equals(fs.readFileSync(before)), name);
    }
    assert.equal(fs.readFileSync(path.join(dir, 'four', '2', '002.release'), 'utf8'), FIXED);
  });
});

describe('CLI --fix in worker threads under SIGTERM', () => {
  beforeEach(() => {
    dir = freshDirectory('prl-jobs-kill-');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('leaves every file old or fixed, and no temporary file, when killed while writing', async () => {
    const original = Array.from({ length: 200 }, (_, i) => fixableRelease(i)).join('');
    const fixed = fixAll(original, { today: { year: 2025, month: 6, day: 1 } }).text;
    const names = Array.from({ length: 24 }, (_, i) => `f/${i % 2}/${String(i).padStart(2, '0')}.release`);
    put(Object.fromEntries(names.map((name) => [name, original])));
    const folders = [path.join(dir, 'f', '0'), path.join(dir, 'f', '1')];
    const child = spawn(process.execPath, [BIN, '--today', '2025-06-01', '--jobs', '2', '--fix', 'f'], { cwd: dir });
    const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    let exited = false;
    void exit.then(() => (exited = true));
    // Waits for a temporary file, so that the kill lands inside a write; a run that ends first has nothing to show.
    while (!exited && !folders.some((folder) => temporaryFilesIn(folder).length > 0)) await delay(1);
    child.kill('SIGTERM');
    const code = await exit;
    assert.ok(code === 143 || code === 0, `exit ${code}`);
    for (const folder of folders) assert.deepEqual(temporaryFilesIn(folder), [], folder);
    let fixedFiles = 0;
    for (const name of names) {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      assert.ok(text === original || text === fixed, `${name} is neither the old nor the fixed text`);
      if (text === fixed) fixedFiles++;
    }
    if (code === 143) assert.ok(fixedFiles < names.length, 'killed, yet every file was fixed');
  });
});

describe('CLI choosing between one thread and workers', () => {
  beforeEach(() => {
    dir = freshDirectory('prl-pool-');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Runs the CLI in this process with a worker entry that does not exist, so that any use of workers fails. */
  async function runWithoutWorkers(args: string[]): Promise<{ code: number; stderr: string }> {
    const fds = [fs.openSync(path.join(dir, 'stdout'), 'w'), fs.openSync(path.join(dir, 'stderr'), 'w')];
    const code = await run(['--today', '2025-06-01', ...args], {
      cwd: dir,
      stdout: new Output(fds[0], { endRunOnFailure: true }),
      stderr: new Output(fds[1], { endRunOnFailure: false }),
      fsys: nodeFileSystem,
      readStandardInput: () => Buffer.from(CLEAN),
      isTerminal: () => false,
      noColor: true,
      workerFile: path.join(dir, 'no-such-worker.js'),
    });
    for (const fd of fds) fs.closeSync(fd);
    return { code, stderr: fs.readFileSync(path.join(dir, 'stderr'), 'utf8') };
  }

  it('hands several files to workers, and one file, standard input or --jobs 1 to none', async () => {
    put({ 'a.release': CLEAN, 'b.release': CLEAN });
    const pooled = await runWithoutWorkers(['--jobs', '2', 'a.release', 'b.release']);
    assert.equal(pooled.code, 2);
    assert.match(pooled.stderr, /^press-release-lint: internal error: /);
    for (const args of [['--jobs', '1', 'a.release', 'b.release'], ['a.release'], ['-', 'a.release']]) {
      assert.deepEqual(await runWithoutWorkers(['--jobs', '2', ...args]), { code: 0, stderr: '' }, args.join(' '));
    }
  });
});

describe('CLI shards', () => {
  beforeEach(() => {
    dir = freshDirectory('prl-shard-');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('deals sorted files out in turn: disjoint shards, even, whose union is the whole, in any argument order', () => {
    const files = Array.from({ length: 23 }, (_, i) => `f/${String.fromCharCode(120 - (i % 20))}${i}.release`);
    const shuffled = [...files].sort(
      (a, b) => ((a.length * 7 + a.charCodeAt(2)) % 11) - ((b.length * 7 + b.charCodeAt(2)) % 11),
    );
    for (let count = 1; count <= 6; count++) {
      const shards = Array.from({ length: count }, (_, i) => filesOfShard(files, { index: i + 1, count }, dir));
      assert.deepEqual([...shards.flat()].sort(), [...files].sort(), `union of ${count} shards`);
      assert.equal(new Set(shards.flat()).size, files.length, `${count} shards overlap`);
      assert.ok(Math.max(...shards.map((s) => s.length)) - Math.min(...shards.map((s) => s.length)) <= 1);
      for (let i = 0; i < count; i++) {
        const again = filesOfShard([...shuffled, ...files.map((f) => `./${f}`)], { index: i + 1, count }, dir);
        assert.deepEqual(new Set(again.map((f) => path.normalize(f))), new Set(shards[i]), `shard ${i + 1}/${count}`);
      }
    }
  });

  it('lints one shard of a folder as a CI job would', () => {
    const names = Array.from({ length: 7 }, (_, i) => `f/${String.fromCharCode(107 - i)}${i}.release`);
    put(Object.fromEntries(names.map((name) => [name, CLEAN])));
    const whole = linted(['f']);
    const shards = [1, 2, 3].map((i) => linted(['--shard', `${i}/3`, 'f']));
    assert.deepEqual(shards.flat().sort(), whole);
    assert.equal(new Set(shards.flat()).size, whole.length);
    assert.deepEqual(linted(['--shard=2/3', ...[...names].reverse()]).sort(), shards[1]);
    assert.deepEqual(shards[0], [whole[0], whole[3], whole[6]], 'round-robin over the sorted paths');
  });

  it('refuses a shard that is not i/n with 1 <= i <= n, in one line', () => {
    put({ 'a.release': CLEAN });
    for (const value of ['0/3', '4/3', 'a/b', '1/0', '1', '-1/2', '1/2/3']) {
      const r = cli(['--shard', value, 'a.release']);
      assert.equal(r.code, 2, value);
      assert.equal(
        assertMessageLines(r.stderr, 1)[0],
        `press-release-lint: --shard expects i/n with 1 <= i <= n, such as 2/3, not "${value}"`,
      );
    }
    const help = cli(['--help']).stdout.toString('utf8');
    assert.match(help, /--jobs <n> +Lint up to n files at once/);
    assert.match(help, /--shard <i>\/<n> +Lint only the i-th of n shares/);
    const r = cli(['--jobs', '0', 'a.release']);
    assert.equal(
      assertMessageLines(r.stderr, 1)[0],
      'press-release-lint: --jobs expects a whole number of at least 1, not "0"',
    );
  });
});
