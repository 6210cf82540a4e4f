/**
 * SIGTERM at random moments while `--fix` rewrites a 20 MB feed. Whenever the
 * kill lands, the file must hold exactly the old or exactly the new bytes, and
 * no temporary file may remain beside it.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { feedOfSize, fixableRelease } from '../support/cliFeeds';
import { assertNoStackTrace, BIN, freshDirectory, temporaryFilesIn } from '../support/cliProcess';

/** The name rules cost a third of the run and touch no safe fix; without them each run is shorter. */
const FAST_RULES = ['inconsistent-name', 'acronym-mismatch', 'acronym-variant', 'merged-release'].flatMap((id) => [
  '--rule',
  `${id}=off`,
]);
const STRATIFIED_KILLS = 10;
const KILLS_DURING_WRITE = 3;

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** Whether the temporary file existed when the signal was sent. */
  killedDuringWrite: boolean;
}

/**
 * Runs `--fix` on `file` and sends SIGTERM after `delayMs`, or, when `delayMs`
 * is undefined, a moment after the temporary file appears. Without any kill
 * (`delayMs` Infinity) it runs to the end.
 */
function fixAndKill(dir: string, file: string, delayMs: number | undefined): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, '--today', '2025-06-01', ...FAST_RULES, '--fix', file], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let killedDuringWrite = false;
    child.stderr.on('data', (d) => (stderr += d));
    const kill = () => {
      killedDuringWrite = temporaryFilesIn(dir).length > 0;
      child.kill('SIGTERM');
    };
    let timer: NodeJS.Timeout | undefined;
    let watcher: fs.FSWatcher | undefined;
    if (delayMs === undefined) {
      watcher = fs.watch(dir, (_event, name) => {
        if (!name || !String(name).includes('.press-release-lint-')) return;
        watcher?.close();
        timer = setTimeout(kill, Math.random() * 10);
      });
    } else if (Number.isFinite(delayMs)) {
      timer = setTimeout(kill, delayMs);
    }
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      watcher?.close();
      resolve({ code, signal, stderr, killedDuringWrite });
    });
  });
}

describe('CLI --fix under SIGTERM', function () {
  this.timeout(300_000);
  let dir: string;
  before(() => {
    dir = freshDirectory('prl-signals-');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('leaves exactly the old or the new file, and no temporary file, wherever the kill lands', async () => {
    const file = path.join(dir, 'feed.release');
    const oldBytes = Buffer.from(feedOfSize(20 * 1024 * 1024, fixableRelease));
    fs.writeFileSync(file, oldBytes);

    const started = Date.now();
    const clean = await fixAndKill(dir, 'feed.release', Infinity);
    const duration = Date.now() - started;
    assert.equal(clean.code, 0, clean.stderr);
    const newBytes = fs.readFileSync(file);
    assert.ok(!newBytes.equals(oldBytes), 'the uninterrupted run rewrote the file');

    const delays: Array<number | undefined> = [];
    // One kill in each tenth of the run, so that together they cover it from start to end.
    for (let i = 0; i < STRATIFIED_KILLS; i++) delays.push(((i + Math.random()) / STRATIFIED_KILLS) * duration);
    for (let i = 0; i < KILLS_DURING_WRITE; i++) delays.push(undefined);

    const outcomes: string[] = [];
    let killsDuringWrite = 0;
    for (const delay of delays) {
      fs.writeFileSync(file, oldBytes);
      const r = await fixAndKill(dir, 'feed.release', delay);
      assertNoStackTrace(r.stderr);
      const now = fs.readFileSync(file);
      const state = now.equals(oldBytes) ? 'old' : now.equals(newBytes) ? 'new' : 'CORRUPT';
      const label = delay === undefined ? 'on write' : `${Math.round(delay)} ms`;
      // Exit 143 (128 + 15) means the handler ran during the write; a plain SIGTERM death, that it came outside it.
      outcomes.push(`${label}: ${r.signal ?? `exit ${r.code}`}, ${state}`);
      assert.notEqual(state, 'CORRUPT', outcomes.join('\n'));
      assert.deepEqual(temporaryFilesIn(dir), [], outcomes.join('\n'));
      if (r.killedDuringWrite) killsDuringWrite++;
    }
    // Without a kill inside the write, the handler's path would go untested.
    assert.ok(killsDuringWrite > 0, `no kill landed while the temporary file existed:\n${outcomes.join('\n')}`);
    console.log(`      uninterrupted run ${duration} ms; kills: ${outcomes.join('; ')}`);
  });
});
