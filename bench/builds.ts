/**
 * The builds a run measures: this checkout, and optionally another one (`--root <dir>` or BENCH_ROOT), so that
 * before and after print in one run, interleaved. Process rows run each build's dist/; in-process rows import
 * each build's core from its out/ when it is there.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Build {
  /** A short name for the output: which checkout, and its commit. */
  label: string;
  root: string;
  serverJs: string;
  cliJs: string;
  /** The core's compiled entry point, when the checkout has one. */
  coreIndex: string | undefined;
}

export const THIS_ROOT = path.resolve(__dirname, '..', '..');

function commitOf(root: string): string {
  const r = spawnSync('git', ['-C', root, 'describe', '--always', '--dirty'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : 'no git';
}

function buildAt(root: string, role: string): Build {
  const coreIndex = path.join(root, 'out', 'server', 'src', 'core', 'index.js');
  return {
    label: `${role} ${commitOf(root)}`,
    root,
    serverJs: path.join(root, 'dist', 'server.js'),
    cliJs: path.join(root, 'dist', 'cli.js'),
    coreIndex: fs.existsSync(coreIndex) ? coreIndex : undefined,
  };
}

/** The other checkout from the command line or the environment, if any. */
export function otherRoot(argv: readonly string[]): string | undefined {
  const i = argv.indexOf('--root');
  const root = i >= 0 ? argv[i + 1] : process.env.BENCH_ROOT;
  return root ? path.resolve(root) : undefined;
}

/** This checkout first, then the other one; a checkout without a built server and CLI is refused here. */
export function builds(argv: readonly string[]): Build[] {
  const list = [buildAt(THIS_ROOT, 'this')];
  const other = otherRoot(argv);
  if (other && other !== THIS_ROOT) list.push(buildAt(other, 'other'));
  for (const b of list) {
    for (const file of [b.serverJs, b.cliJs]) {
      if (!fs.existsSync(file)) throw new Error(`${file} is missing: build ${b.root} first (node scripts/build.mjs)`);
    }
  }
  return list;
}
