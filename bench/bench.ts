/**
 * `npm run bench`: measures every row of the performance table (issue 9) and prints figures, one line per
 * measure and build, with the target and a mark against it. It asserts nothing and exits 0.
 *
 *   node out/bench/bench.js [--root <other checkout>] [--large] [--only analysis,lsp,replace,cli,fix,jobs,shapes,workspace]
 *
 * BENCH_ROOT=<dir> is --root; --large or BENCH_LARGE=1 adds the heavy rows (100 MB CLI memory and --fix,
 * 1M distinct words); BENCH_FEED=<file> repeats that feed to each size instead of the generated one.
 */
import * as fs from 'node:fs';
import { analysisRows } from './analysis';
import { builds as buildsFrom, type Build } from './builds';
import { fixRows, floorRows, memoryRow } from './cli';
import { jobsRows } from './jobs';
import { describeSeed, feedFile, MB } from './data';
import { pathologicalRows } from './pathological';
import { replaceAllRows } from './replaceAll';
import { heading, ms, note, printMachine, setBuildLabels } from './report';
import { lspEditRows } from './server';
import { now } from './stats';
import { workspaceRows } from './workspace';

const SECTIONS = ['analysis', 'lsp', 'replace', 'cli', 'fix', 'jobs', 'shapes', 'workspace'] as const;
type Section = (typeof SECTIONS)[number];

function sections(argv: readonly string[]): Set<Section> {
  const i = argv.indexOf('--only');
  if (i < 0) return new Set(SECTIONS);
  const wanted = (argv[i + 1] ?? '').split(',');
  const unknown = wanted.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length > 0) throw new Error(`unknown section ${unknown.join(', ')}; known: ${SECTIONS.join(', ')}`);
  return new Set(wanted as Section[]);
}

const text = (bytes: number): string => fs.readFileSync(feedFile(bytes), 'utf8');

async function cliSections(builds: readonly Build[], only: Set<Section>, large: boolean): Promise<void> {
  if (only.has('cli')) {
    await floorRows(builds, 5);
    if (large) await memoryRow(builds, 100 * MB);
    else note('100 MB: set BENCH_LARGE=1 (about half a minute per build)');
  }
  if (only.has('fix')) {
    heading('--fix against plain lint (stylish; a fresh copy of the feed for every run; pairs run back to back)');
    await fixRows(builds, 1 * MB, 5);
    await fixRows(builds, 10 * MB, 3);
    await fixRows(builds, 50 * MB, 1);
    if (large) await fixRows(builds, 100 * MB, 1);
    else note('100 MB: set BENCH_LARGE=1');
  }
  if (only.has('jobs')) await jobsRows(builds, 5);
}

async function main(): Promise<void> {
  const t0 = now();
  const argv = process.argv.slice(2);
  const only = sections(argv);
  const large = process.env.BENCH_LARGE === '1' || argv.includes('--large');
  const builds = buildsFrom(argv);
  setBuildLabels(builds.map((b) => b.label));
  printMachine();
  for (const b of builds) console.log(`Build ${b.label}: ${b.root}`);
  console.log(`Feeds: ${describeSeed()}${large ? '; BENCH_LARGE=1' : ''}`);
  console.log('Marks: ✓ meets the target, ✗ misses it, · no target; figures are medians unless said otherwise.');
  if (only.has('analysis')) await analysisRows(builds, feedFile(10 * MB), text(10 * MB));
  if (only.has('lsp')) {
    await lspEditRows(builds, [
      { label: '10 MB', file: feedFile(10 * MB), text: text(10 * MB), ...lspTarget(250, 400) },
      { label: '1 MB', file: feedFile(1 * MB), text: text(1 * MB), ...lspTarget(180) },
    ]);
  }
  if (only.has('replace')) await replaceAllRows(builds, feedFile(10 * MB), text(10 * MB));
  await cliSections(builds, only, large);
  if (only.has('shapes')) await pathologicalRows(builds, large);
  // The workspace index is new: there is no other build's row to interleave with, so only this build runs.
  if (only.has('workspace')) await workspaceRows(builds[0]);
  console.log(`\nThe bench took ${ms(now() - t0)}.`);
}

function lspTarget(medianMs: number, p95Ms?: number): { target: string; meets: (m: number, p: number) => boolean } {
  return p95Ms === undefined
    ? { target: `median ≤ ${ms(medianMs)}`, meets: (m) => m <= medianMs }
    : { target: `median ≤ ${ms(medianMs)}, p95 ≤ ${ms(p95Ms)}`, meets: (m, p) => m <= medianMs && p <= p95Ms };
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
  },
);
