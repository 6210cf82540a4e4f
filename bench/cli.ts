/**
 * The CLI rows: `--format json` against a floor (bench/floor.js: read, split into lines, one regex per line)
 * run in the same rounds, peak memory per MB of input, and `--fix` against plain lint. Every run is a fresh
 * process with stdout to /dev/null; peak RSS comes from the bench/peak-rss.js preload.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { THIS_ROOT, type Build } from './builds';
import { dataDir, feedFile, MB } from './data';
import { isFailure, runNode, type Finished } from './processes';
import {
  comparePairs,
  describeFailure,
  heading,
  mib,
  ms,
  printRow,
  ratioSpread,
  runs as runsOf,
  type Failure,
} from './report';
import { median, pairRatios, spread } from './stats';

const FLOOR = path.join(THIS_ROOT, 'bench', 'floor.js');
const deadlineFor = (bytes: number): number => 30_000 + (5_000 * bytes) / MB;

interface Runs {
  times: number[];
  peaks: number[];
  failure?: Failure;
}

const fresh = (): Runs => ({ times: [], peaks: [] });

function record(runs: Runs, result: Finished | Failure): void {
  if (isFailure(result)) runs.failure = result;
  else {
    runs.times.push(result.ms);
    if (result.peakRss !== undefined) runs.peaks.push(result.peakRss);
  }
}

function json(b: Build, file: string): Promise<Finished | Failure> {
  return runNode([b.cliJs, '--format', 'json', file], {
    deadlineMs: deadlineFor(fs.statSync(file).size),
    peakRss: true,
  });
}

/** The CLI against the floor, paired round by round, and its peak memory, on the 10 MB feed. */
export async function floorRows(builds: readonly Build[], rounds: number): Promise<void> {
  heading('CLI --format json, 10 MB, against the floor (node bench/floor.js: read, split, one regex per line)');
  const file = feedFile(10 * MB);
  const floor: number[] = [];
  const cli = builds.map(fresh);
  const ratios: number[][] = builds.map(() => []);
  for (let round = 0; round < rounds; round++) {
    const f = await runNode([FLOOR, file], { deadlineMs: 60_000, okCodes: [0] });
    if (isFailure(f)) throw new Error(`the floor failed: ${describeFailure(f)}`);
    floor.push(f.ms);
    for (const [i, b] of builds.entries()) {
      if (cli[i].failure) continue;
      record(cli[i], await json(b, file));
      if (!cli[i].failure) ratios[i].push(cli[i].times[cli[i].times.length - 1] / f.ms);
    }
  }
  for (const [i, b] of builds.entries()) {
    const measure = 'CLI --format json, 10 MB, ratio to the floor';
    const failure = cli[i].failure;
    const figures = failure
      ? describeFailure(failure)
      : `${ratioSpread(spread(ratios[i]))}; CLI median ${ms(median(cli[i].times))}, floor median ${ms(median(floor))}`;
    printRow({ measure, build: b.label, figures, target: '≤ 5×', ok: !failure && median(ratios[i]) <= 5 });
  }
  comparePairs(
    builds.map((b) => b.label),
    cli[0].times,
    cli[1]?.times ?? [],
  );
  for (const [i, b] of builds.entries()) printMemory(b, '10 MB', 10 * MB, cli[i]);
}

function printMemory(b: Build, label: string, bytes: number, runs: Runs): void {
  const measure = `CLI peak memory, ${label}`;
  const target = '≤ 5 MiB per MB of input';
  if (runs.failure || runs.peaks.length === 0) {
    const why = runs.failure ? describeFailure(runs.failure) : 'no peak recorded';
    printRow({ measure, build: b.label, figures: why, target, ok: false });
    return;
  }
  const peak = median(runs.peaks);
  const perMb = peak / (bytes / MB) / MB;
  const took = `median time ${ms(median(runs.times))}`;
  const peakText = `peak RSS ${mib(peak)}, median of ${runsOf(runs.peaks.length)}`;
  const figures = `${perMb.toFixed(1)} MiB per MB (${peakText}, ${took})`;
  printRow({ measure, build: b.label, figures, target, ok: perMb <= 5 });
}

/** Peak memory of one `--format json` run on a larger feed, per build. */
export async function memoryRow(builds: readonly Build[], bytes: number): Promise<void> {
  const file = feedFile(bytes);
  const label = `${Math.round(bytes / MB)} MB`;
  for (const b of builds) {
    const runs = fresh();
    record(runs, await json(b, file));
    printMemory(b, label, bytes, runs);
  }
}

/** A fresh copy of `file` for each run: `--fix` rewrites its input, and lint must read the same bytes. */
function copyOf(file: string): string {
  const copy = path.join(dataDir(), `fix-run-${path.basename(file)}`);
  fs.copyFileSync(file, copy);
  return copy;
}

/** `--fix` against plain lint on the same feed, paired run by run, per build. */
export async function fixRows(builds: readonly Build[], bytes: number, rounds: number): Promise<void> {
  const file = feedFile(bytes);
  const deadlineMs = deadlineFor(bytes);
  const lint = builds.map(fresh);
  const fix = builds.map(fresh);
  for (let round = 0; round < rounds; round++) {
    for (const [i, b] of builds.entries()) {
      if (lint[i].failure || fix[i].failure) continue;
      record(lint[i], await runNode([b.cliJs, copyOf(file)], { deadlineMs }));
      if (!lint[i].failure) record(fix[i], await runNode([b.cliJs, '--fix', copyOf(file)], { deadlineMs }));
    }
  }
  fs.rmSync(path.join(dataDir(), `fix-run-${path.basename(file)}`), { force: true });
  const label = `${Math.round(bytes / MB)} MB`;
  for (const [i, b] of builds.entries()) {
    const failure = lint[i].failure ?? fix[i].failure;
    const which = lint[i].failure ? 'lint' : '--fix';
    const r = spread(pairRatios(fix[i].times, lint[i].times));
    const figures = failure
      ? `${which} ${describeFailure(failure)}`
      : `${ratioSpread(r)}; --fix median ${ms(median(fix[i].times))}, lint median ${ms(median(lint[i].times))}`;
    printRow({
      measure: `--fix time / lint time, ${label}`,
      build: b.label,
      figures,
      target: '≤ 2×',
      ok: !failure && r.median <= 2,
    });
  }
}
