/**
 * Pathological shapes, each at two sizes or more so that growth shows: many distinct capitalised words and
 * one release of thousands of paragraphs through the core's `lint()` (a fresh worker per run, the read of the
 * file not timed), and a million tiny releases through the CLI, with its time and peak memory.
 */
import type { Build } from './builds';
import { once } from './coreWorker';
import { seedFile, writeData } from './data';
import { isFailure, runNode } from './processes';
import { describeFailure, heading, mib, ms, note, printRow, ratio, runs, size, type Failure } from './report';
import { distinctNamesFeed, longReleaseFeed, tinyReleasesFeed } from './shapes';
import { interleave, median } from './stats';
import type { Reply } from './worker';
import * as fs from 'node:fs';

interface Step {
  /** How many units (words, paragraphs, releases) the feed has. */
  units: number;
  file: string;
  runs: number;
  deadlineMs: number;
  /** The target of this step, if it has one: a time limit, and a cost per unit at most 1.5× the first step's. */
  limitMs?: number;
}

interface Shape {
  name: string;
  unit: string;
  steps: Step[];
}

/** A run's time and peak memory, or why it has none. */
type Outcome = { ms: number; peakRss: number | undefined } | Failure;

const thousands = (n: number): string => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);

function targetText(shape: Shape, limitMs: number): string {
  const time = Number.isFinite(limitMs) ? `≤ ${ms(limitMs)}, ` : '';
  const unit = shape.unit.replace(/s$/, '');
  return `${time}linear (cost per ${unit} ≤ 1.5× that at ${thousands(shape.steps[0].units)})`;
}

/**
 * Each step's median for each build, interleaved run by run, then one row per step and build. The largest
 * step also says how the cost per unit grew from the smallest: 1× is linear, the step's size ratio quadratic.
 */
async function measureShape(builds: readonly Build[], shape: Shape, run: (b: Build, s: Step) => Promise<Outcome>) {
  const first = new Map<string, number>();
  for (const [k, step] of shape.steps.entries()) {
    const series = await interleave(builds.length, step.runs, (b) => run(builds[b], step));
    const target = step.limitMs === undefined ? '–' : targetText(shape, step.limitMs);
    for (const [i, b] of builds.entries()) {
      const measure = `${thousands(step.units)} ${shape.name} (${size(fs.statSync(step.file).size)})`;
      const failure = series[i].failure;
      if (failure || series[i].samples.length === 0) {
        const why = failure ? describeFailure(failure) : 'no figures';
        printRow({ measure, build: b.label, figures: why, target, ok: step.limitMs === undefined ? undefined : false });
        continue;
      }
      const t = median(series[i].samples.map((x) => ('ms' in x ? x.ms : NaN)));
      const peaks = series[i].samples.map((x) => ('peakRss' in x ? (x.peakRss ?? NaN) : NaN));
      const perUnit = t / step.units;
      if (k === 0) first.set(b.label, perUnit);
      const growth = perUnit / (first.get(b.label) ?? perUnit);
      const parts = [
        `median ${ms(t)} (${runs(series[i].samples.length)})`,
        `${ms(perUnit * 100_000)} per 100k ${shape.unit}`,
        `peak RSS ${mib(Math.max(...peaks))}`,
      ];
      if (k > 0)
        parts.push(
          `cost per ${shape.unit.replace(/s$/, '')} ${ratio(growth)} that at ${thousands(shape.steps[0].units)}`,
        );
      const ok = step.limitMs === undefined ? undefined : t <= step.limitMs && growth <= 1.5;
      printRow({ measure, build: b.label, figures: parts.join(', '), target, ok });
    }
  }
}

async function inProcess(b: Build, s: Step): Promise<Outcome> {
  if (!b.coreIndex) return { kind: 'failed', reason: 'no out/server/src/core/index.js' };
  const warmUp = { op: 'lint', file: seedFile() } as const;
  const r: Reply | Failure = await once(b.coreIndex, warmUp, { op: 'lint', file: s.file }, s.deadlineMs);
  return 'kind' in r ? r : { ms: r.ms, peakRss: r.peakRss };
}

async function viaCli(b: Build, s: Step): Promise<Outcome> {
  const r = await runNode([b.cliJs, s.file], { deadlineMs: s.deadlineMs, peakRss: true });
  return isFailure(r) ? r : { ms: r.ms, peakRss: r.peakRss };
}

function step(units: number, file: string, runs: number, deadlineMs: number, limitMs?: number): Step {
  return limitMs === undefined ? { units, file, runs, deadlineMs } : { units, file, runs, deadlineMs, limitMs };
}

export async function pathologicalRows(builds: readonly Build[], large: boolean): Promise<void> {
  heading('Pathological shapes: core lint() in a fresh worker per run, after an untimed warm-up lint of the seed feed');
  const words = [100_000, 200_000, 400_000, ...(large ? [1_000_000] : [])];
  await measureShape(
    builds,
    {
      name: 'distinct capitalised words',
      unit: 'words',
      steps: words.map((n) => {
        const file = writeData(`words-${thousands(n)}.release`, distinctNamesFeed(n));
        const limit = n === 400_000 ? 3000 : n > 400_000 ? Infinity : undefined;
        return step(n, file, n >= 400_000 ? 1 : n > 100_000 ? 2 : 3, 60_000 + n / 5, limit);
      }),
    },
    inProcess,
  );
  if (!large) note('1M distinct words: set BENCH_LARGE=1');
  await measureShape(
    builds,
    {
      name: 'paragraphs in one release without Sources',
      unit: 'paragraphs',
      steps: [4000, 16_000].map((n) => {
        const file = writeData(`paragraphs-${thousands(n)}.release`, longReleaseFeed(n));
        return step(n, file, 3, 60_000, n === 16_000 ? 500 : undefined);
      }),
    },
    inProcess,
  );
  heading('A million tiny releases: the CLI (stylish, stdout to /dev/null), time and peak RSS');
  await measureShape(
    builds,
    {
      name: 'tiny releases',
      unit: 'releases',
      steps: [200_000, 1_000_000].map((n) => {
        const file = writeData(`tiny-${thousands(n)}.release`, tinyReleasesFeed(n));
        return step(n, file, 1, 30_000 + n / 5, n === 1_000_000 ? 12_000 : undefined);
      }),
    },
    viaCli,
  );
}
