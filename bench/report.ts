/**
 * How the bench prints: one line per measure and build, with the figures, the target and a mark against it.
 * The marks are informative; the bench asserts nothing and exits 0.
 */
import * as os from 'node:os';
import { pairRatios, spread, type Spread } from './stats';

/** A run that did not finish: the figures of a build that cannot do something say so instead of a number. */
export type Failure = { kind: 'timeout'; seconds: number } | { kind: 'oom' } | { kind: 'failed'; reason: string };

export function describeFailure(f: Failure): string {
  switch (f.kind) {
    case 'timeout':
      return `timed out after ${f.seconds} s`;
    case 'oom':
      return 'out of memory';
    case 'failed':
      return `failed: ${f.reason}`;
  }
}

const thousands = (x: number): string => Math.round(x).toLocaleString('en-US');

/** A count with thousands separators. */
export const count = thousands;

/** How many runs a figure is the median of. */
export const runs = (n: number): string => `${count(n)} run${n === 1 ? '' : 's'}`;

/** Milliseconds as people read them: two decimals below 10 ms, whole milliseconds up to 10 s, then seconds. */
export function ms(x: number): string {
  if (!Number.isFinite(x)) return '–';
  if (x < 10) return `${x.toFixed(2)} ms`;
  if (x < 10_000) return `${thousands(x)} ms`;
  return `${(x / 1000).toFixed(1)} s`;
}

export function mib(bytes: number): string {
  return `${thousands(bytes / 1024 / 1024)} MiB`;
}

export function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(0)} KB`;
}

export function ratio(x: number): string {
  return `${x.toFixed(x < 10 ? 2 : 1)}×`;
}

/** Median, p95 and the number of runs behind them. */
export function medianP95(s: Spread): string {
  return `median ${ms(s.median)}, p95 ${ms(s.p95)} (${runs(s.count)})`;
}

/** The median of paired ratios with their range, which shows how much the load moved during the pairs. */
export function ratioSpread(s: Spread): string {
  if (s.count === 1) return `${ratio(s.median)} (1 pair)`;
  return `${ratio(s.median)} (min ${ratio(s.min)}, max ${ratio(s.max)}, ${s.count} pairs)`;
}

export interface Row {
  measure: string;
  /** Which build the figures are of; omitted when only one build runs. */
  build?: string | undefined;
  figures: string;
  target: string;
  /** Whether the figures meet the target; undefined when there is no verdict to give. */
  ok?: boolean | undefined;
}

let labelWidth = 0;

/** Makes every build label as wide as the widest, so that the figures line up. */
export function setBuildLabels(labels: readonly string[]): void {
  labelWidth = labels.length > 1 ? Math.max(...labels.map((l) => l.length)) : 0;
}

export function printRow(r: Row): void {
  const mark = r.ok === undefined ? '·' : r.ok ? '✓' : '✗';
  const build = labelWidth > 0 && r.build ? `[${r.build.padEnd(labelWidth)}] ` : '';
  console.log(`${mark} ${build}${r.measure}: ${r.figures} — target ${r.target}`);
}

/** A line that is not a row: what a section is about, or how two builds compare. */
export function note(text: string): void {
  console.log(`  ${text}`);
}

export function heading(text: string): void {
  console.log(`\n## ${text}`);
}

export function printMachine(): void {
  const cpus = os.cpus();
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  console.log(
    `Node ${process.version}, ${cpus.length} cores, ${cpus[0]?.model ?? 'unknown CPU'}, ` +
      `${mib(os.totalmem())} RAM, load average ${load}, ${os.platform()} ${os.release()}`,
  );
}

/**
 * How two builds compare on samples taken in pairs (A B A B ...): the median of the per-pair ratios, other
 * over this, with their range. Pairs saw the same load, so this is steadier than a ratio of medians.
 */
export function comparePairs(labels: readonly string[], thisValues: number[], otherValues: number[]): void {
  if (labels.length < 2 || thisValues.length === 0 || otherValues.length === 0) return;
  const r = spread(pairRatios(otherValues, thisValues));
  note(`${labels[1]} / ${labels[0]}, per pair: ${ratioSpread(r)}`);
}
