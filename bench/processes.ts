/**
 * Child processes with a deadline. A build that cannot do something (runs out of memory, or takes forever)
 * must cost the bench a row, not the run: each process is killed at its deadline, and its end is told apart
 * as done, timed out, or out of memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Failure } from './report';
import { now } from './stats';

export const PEAK_RSS = path.join(__dirname, '..', '..', 'bench', 'peak-rss.js');

/** Every child still running, so that an interrupted bench leaves none behind. */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

export function track(child: ChildProcess): ChildProcess {
  running.add(child);
  child.on('exit', () => running.delete(child));
  return child;
}

/**
 * Whether a process died of memory: V8 prints "heap out of memory" before it aborts, and the kernel's OOM
 * killer sends SIGKILL (the bench's own deadline kill is told apart before this is asked).
 */
export function isOutOfMemory(stderr: string, signal: NodeJS.Signals | null): boolean {
  return /heap out of memory|Reached heap limit|Allocation failed/i.test(stderr) || signal === 'SIGKILL';
}

/**
 * True when the process died of an uncaught exception: Node prints its stack, with frames such as
 * `    at run (/path/cli.js:12:3)`, and exits 1, the code a linter also uses for findings.
 */
export function isCrash(stderr: string): boolean {
  return /^\s+at .+:\d+:\d+\)?$/m.test(stderr);
}

/** The line of a crash's stderr that says what was thrown. */
function thrown(stderr: string): string {
  return /^\w*Error\b.*$/m.exec(stderr)?.[0].slice(0, 200) ?? lastLine(stderr);
}

export interface Finished {
  ms: number;
  /** Peak resident set size in bytes, when it was asked for. */
  peakRss?: number | undefined;
  code: number | null;
}

export interface RunOptions {
  deadlineMs: number;
  /** Preloads bench/peak-rss.js, which writes the peak RSS when the process exits. */
  peakRss?: boolean;
  /** Exit codes that mean the run did its job (a linter exits 1 when it finds errors). */
  okCodes?: readonly number[];
  cwd?: string;
}

const devNull = (): number => fs.openSync('/dev/null', 'w');

/**
 * Runs `node <args>` with stdout to /dev/null, as in a CI log nobody reads in full (a pipe would time the
 * reader too), and times it from spawn to exit.
 */
export function runNode(args: readonly string[], options: RunOptions): Promise<Finished | Failure> {
  const rssFile = path.join(os.tmpdir(), `prl-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const preload = options.peakRss ? ['-r', PEAK_RSS] : [];
  const out = devNull();
  const t0 = now();
  const child = track(
    spawn(process.execPath, [...preload, ...args], {
      cwd: options.cwd ?? os.tmpdir(),
      env: { ...process.env, BENCH_RSS_FILE: rssFile },
      stdio: ['ignore', out, 'pipe'],
    }),
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString('utf8')).slice(-4000)));
  return new Promise((resolve) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.deadlineMs);
    child.on('close', (code, signal) => {
      const ms = now() - t0;
      clearTimeout(timer);
      fs.closeSync(out);
      const peakRss = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) : undefined;
      fs.rmSync(rssFile, { force: true });
      if (timedOut) resolve({ kind: 'timeout', seconds: Math.round(options.deadlineMs / 1000) });
      else if (isOutOfMemory(stderr, signal)) resolve({ kind: 'oom' });
      else if (isCrash(stderr)) resolve({ kind: 'failed', reason: `crashed: ${thrown(stderr)}` });
      else if (code === null || !(options.okCodes ?? [0, 1]).includes(code)) {
        resolve({ kind: 'failed', reason: `exit ${code ?? signal}: ${lastLine(stderr)}` });
      } else resolve({ ms, peakRss, code });
    });
  });
}

export function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  return lines[lines.length - 1]?.slice(0, 200) ?? '';
}

export function isFailure<T extends object>(x: T | Failure): x is Failure {
  return 'kind' in x && (x.kind === 'timeout' || x.kind === 'oom' || x.kind === 'failed');
}
