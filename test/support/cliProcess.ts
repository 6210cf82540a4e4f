/**
 * Running the CLI as a real process in tests, in fresh temporary directories,
 * and the checks every such test makes on what comes out.
 */
import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.join(__dirname, '..', '..', '..');
export const BIN = path.join(ROOT, 'bin', 'press-release-lint.js');
/** The unbundled build, for faults that must reach into the core (see cliFaults.ts). */
export const UNBUNDLED_CLI = path.join(ROOT, 'out', 'server', 'src', 'cli.js');
export const FAULTS_PRELOAD = path.join(ROOT, 'out', 'test', 'support', 'cliFaults.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
}

export interface CliRunOptions {
  cwd: string;
  input?: string | Buffer;
  /** A fault for cliFaults.ts to inject, such as "enospc". */
  fault?: string;
  /** Run the unbundled build instead of the package's bin. */
  unbundled?: boolean;
  uid?: number;
  gid?: number;
  env?: NodeJS.ProcessEnv;
}

/** Runs the CLI with a fixed today, so that future-date findings do not depend on the clock. */
export function runCli(args: readonly string[], options: CliRunOptions): CliResult {
  const script = options.unbundled ? UNBUNDLED_CLI : BIN;
  const preload = options.fault ? ['-r', FAULTS_PRELOAD] : [];
  const spawnOptions: SpawnSyncOptions = {
    cwd: options.cwd,
    input: options.input,
    env: { ...process.env, NO_COLOR: '1', PRL_TEST_FAULT: options.fault ?? '', ...options.env },
    maxBuffer: 1 << 30,
    uid: options.uid,
    gid: options.gid,
  };
  const r = spawnSync(process.execPath, [...preload, script, '--today', '2025-06-01', ...args], spawnOptions);
  if (r.error) throw r.error;
  const stderr = (r.stderr as Buffer).toString('utf8');
  return { code: r.status, signal: r.signal, stdout: r.stdout as Buffer, stderr };
}

/** A fresh directory under the system's temporary directory; tests never write into the repository. */
export function freshDirectory(prefix = 'prl-cli-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Gives each test of a suite a fresh directory, removed after it, and returns how to reach the current one. */
export function freshDirectoryPerTest(prefix: string): () => string {
  let dir = '';
  beforeEach(() => {
    dir = freshDirectory(prefix);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  return () => dir;
}

/** Writes a feed at `name` under `dir`, making its folders, and returns `name` for the command line. */
export function writeFeed(dir: string, name: string, text: string): string {
  fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  fs.writeFileSync(path.join(dir, name), text);
  return name;
}

/** Asserts that no output carries a stack trace or a Node internal frame. */
export function assertNoStackTrace(...outputs: Array<string | Buffer>): void {
  for (const output of outputs) {
    const text = output.toString();
    assert.doesNotMatch(text, /\n\s+at .*\(/, `stack trace in output:\n${text.slice(0, 2000)}`);
    assert.ok(!text.includes('node:internal'), `Node internals in output:\n${text.slice(0, 2000)}`);
  }
}

/** Asserts that stderr is exactly the given number of lines, each one a CLI message. */
export function assertMessageLines(stderr: string, count: number): string[] {
  const lines = stderr.split('\n');
  assert.equal(lines.pop(), '', `stderr must end with a line break: ${JSON.stringify(stderr)}`);
  assert.equal(lines.length, count, `expected ${count} message line(s), got:\n${stderr}`);
  for (const line of lines) assert.match(line, /^press-release-lint: \S/, line);
  return lines;
}

/** Names in `dir` that look like the CLI's temporary files. */
export function temporaryFilesIn(dir: string): string[] {
  return fs.readdirSync(dir).filter((name) => name.includes('.press-release-lint-'));
}

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}
