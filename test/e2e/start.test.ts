/**
 * `npm start` must never leave an unauthenticated code-server behind. This runs start's code-server path as a
 * process (scripts/start.mjs, with a scratch folder of its own), waits for the URL it prints, ends it the ways a
 * user does (a closed terminal's SIGHUP, a SIGTERM, a SIGKILL that no handler sees) and checks that code-server's
 * process group is gone. It needs the code-server the end-to-end runner installs, so `npm run test:e2e` runs it.
 */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from './setup';

const START = path.join(ROOT, 'scripts', 'start.mjs');
const URL_DEADLINE_MS = 180_000;
/** How long the group may take to go: the watchdog polls five times a second, and code-server needs no grace. */
const GONE_DEADLINE_MS = 5_000;

interface Started {
  child: ChildProcess;
  group: number;
  output: () => string;
}

/** The processes of a group that are still running (a zombie serves nothing and waits for its reaper). */
function liveMembers(group: number): string[] {
  const live: string[] = [];
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue;
    }
    // Fields after the command name: state, ppid, pgrp.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === group && state !== 'Z')
      live.push(`${pid} ${stat.slice(stat.indexOf('('), stat.lastIndexOf(')') + 1)}`);
  }
  return live;
}

/** The process group of the code-server whose command line names `dir`. */
function codeServerGroup(dir: string): number | undefined {
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes('code-server') || !cmdline.includes(dir)) continue;
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
    } catch {
      // The process ended while it was read.
    }
  }
  return undefined;
}

/** Polls until `probe` returns true, or fails with what it last returned. */
async function until(what: string, deadlineMs: number, probe: () => true | string): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const last = probe();
    if (last === true) return;
    if (Date.now() > deadline) assert.fail(`${what} within ${deadlineMs / 1000} s; last seen: ${last}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Runs start.mjs directly, or as npm does, under a shell that does not pass a SIGTERM on to it. */
async function startCodeServer(dir: string, underShell = false): Promise<Started> {
  const env = { ...process.env, PRL_START_CODE_SERVER: '1', PRL_START_DIR: dir };
  // `true &&` keeps the shell from replacing itself with node, as npm's `build && tsc -b && node ...` does.
  const [command, args] = underShell
    ? ['sh', ['-c', `true && "${process.execPath}" "${START}"`]]
    : [process.execPath, [START]];
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout?.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (text += d.toString()));
  await until('npm start printed its URL', URL_DEADLINE_MS, () =>
    /http:\/\/127\.0\.0\.1:\d+\/\?folder=/.test(text) ? true : child.exitCode !== null ? `exited: ${text}` : text,
  );
  const group = codeServerGroup(dir);
  assert.ok(group, `no code-server process names ${dir}; start printed:\n${text}`);
  return { child, group, output: () => text };
}

describe('npm start stops code-server', function () {
  this.timeout(URL_DEADLINE_MS + 30_000);
  let dir: string;
  let started: Started | undefined;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prl-start-'));
  });

  afterEach(() => {
    // Whatever the test saw, nothing it started stays behind.
    for (const pid of [started?.child.pid, started && -started.group])
      try {
        if (pid) process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone, as it should be.
      }
    started = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const cases = [
    ...(['SIGHUP', 'SIGTERM', 'SIGINT', 'SIGKILL'] as const).map((signal) => ({ signal, underShell: false })),
    { signal: 'SIGTERM' as const, underShell: true },
  ];
  for (const { signal, underShell } of cases) {
    it(`when ${underShell ? "npm's shell above start" : 'start'} gets ${signal}`, async () => {
      started = await startCodeServer(dir, underShell);
      const { child, group } = started;
      assert.ok(liveMembers(group).length > 0, 'code-server is running before the signal');
      assert.ok(
        fs.existsSync(path.join(dir, 'workspace', 'sample.release')),
        'start opens a copy of the sample in its scratch workspace',
      );
      child.kill(signal);
      await until(`code-server's process group ${group} was gone after ${signal}`, GONE_DEADLINE_MS, () => {
        const live = liveMembers(group);
        return live.length === 0 ? true : live.join(', ');
      });
    });
  }
});
