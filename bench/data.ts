/**
 * The feeds the bench reads: a seed feed repeated to each size. The seed is generated (about 49 KB, twenty
 * releases, as the real feed behind the 1.0 figures), or read from BENCH_FEED for runs comparable to them.
 * A feed from BENCH_FEED is private: its copies go to a temporary folder outside the repository, removed at exit.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateFeed } from './generate';
import { size } from './report';

export const MB = 1024 * 1024;
const SEED_BYTES = 49_195;

const ROOT = path.join(__dirname, '..', '..');
const external = process.env.BENCH_FEED;

let dir: string | undefined;

/** Where generated files go: bench/data/ (gitignored), or a temporary folder when the seed is someone's feed. */
export function dataDir(): string {
  if (dir) return dir;
  if (external) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prl-bench-'));
    const made = dir;
    process.on('exit', () => fs.rmSync(made, { recursive: true, force: true }));
  } else {
    dir = path.join(ROOT, 'bench', 'data');
    fs.mkdirSync(dir, { recursive: true });
  }
  return dir;
}

let seed: string | undefined;

function seedFeed(): string {
  if (seed !== undefined) return seed;
  const text = external ? fs.readFileSync(external, 'utf8') : generateFeed(SEED_BYTES);
  seed = text.endsWith('\n') ? text : `${text}\n`;
  return seed;
}

export function describeSeed(): string {
  const text = seedFeed();
  const what = external ? `BENCH_FEED=${external}` : 'the generated seed feed (bench/generate.ts)';
  return `${what}, ${size(Buffer.byteLength(text))}, repeated to each size`;
}

/** Whole copies of the seed until the text holds at least `bytes` bytes, so the feed ends after a release. */
export function feedText(bytes: number): string {
  const text = seedFeed();
  const copies = Math.ceil(bytes / Buffer.byteLength(text));
  return text.repeat(copies);
}

/** Files written in this run, by size; 0 is the seed itself. */
const written = new Map<number, string>();

/** The seed feed itself as a file, for warming code up before a timed run. */
export function seedFile(): string {
  if (!written.has(0)) written.set(0, writeData('seed.release', seedFeed()));
  return written.get(0)!;
}

/** Writes `text` under the data folder and returns its path. */
export function writeData(name: string, text: string): string {
  const file = path.join(dataDir(), name);
  fs.writeFileSync(file, text);
  return file;
}

/** The feed of `bytes` bytes as a file, written once per run. */
export function feedFile(bytes: number): string {
  let file = written.get(bytes);
  if (!file) {
    file = writeData(`feed-${Math.round(bytes / MB)}mb.release`, feedText(bytes));
    written.set(bytes, file);
  }
  return file;
}
