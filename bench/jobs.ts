/**
 * The CLI on a folder of many feeds: in one thread (`--jobs 1`) against the default (a worker per core), and
 * against what the machine gives two independent processes (`--shard 1/2` and `--shard 2/2` at once), which is
 * the ceiling of any parallel run here. The three run round by round in rotating order, so that a change in the
 * machine's load hits all alike.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Build } from './builds';
import { feedText } from './data';
import { isFailure, runNode } from './processes';
import { describeFailure, heading, ms, printRow, ratioSpread, size, type Failure } from './report';
import { median, pairRatios, spread } from './stats';

const FEEDS = 200;
const FEED_BYTES = 48 * 1024;

/**
 * Writes the folder once per run: each feed is the seed feed, in a folder of its own every ten feeds. It goes
 * outside the repository, since the CLI rightly skips bench/data/, which .gitignore lists.
 */
function feedFolder(): { folder: string; bytes: number } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'prl-bench-jobs-'));
  const text = feedText(FEED_BYTES);
  for (let i = 0; i < FEEDS; i++) {
    const sub = path.join(folder, `part-${Math.floor(i / 10)}`);
    fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, `feed-${String(i).padStart(3, '0')}.release`), text);
  }
  return { folder, bytes: FEEDS * Buffer.byteLength(text) };
}

type Way = 'serial' | 'default' | 'shards';

/** One timed run of a way: its processes run at once, and the time is until the last one exits. */
async function timeWay(b: Build, folder: string, way: Way): Promise<number | Failure> {
  const argsOf: Record<Way, string[][]> = {
    serial: [['--jobs', '1']],
    default: [[]],
    shards: [
      ['--jobs', '1', '--shard', '1/2'],
      ['--jobs', '1', '--shard', '2/2'],
    ],
  };
  const t0 = performance.now();
  const results = await Promise.all(argsOf[way].map((a) => runNode([b.cliJs, ...a, folder], { deadlineMs: 300_000 })));
  const failure = results.find(isFailure);
  return failure ?? performance.now() - t0;
}

/** The speed-ups per build; a build without --jobs or --shard shows why it failed. */
export async function jobsRows(builds: readonly Build[], rounds: number): Promise<void> {
  const { folder, bytes } = feedFolder();
  const cores = os.availableParallelism();
  heading(`CLI on a folder of ${FEEDS} feeds (${size(bytes)}), ${cores} cores: --jobs 1 against the default jobs`);
  const ways: Way[] = ['serial', 'default', 'shards'];
  for (const b of builds) {
    const times: Record<Way, number[]> = { serial: [], default: [], shards: [] };
    let failure: Failure | undefined;
    for (let round = 0; round < rounds && !failure; round++) {
      for (let k = 0; k < ways.length && !failure; k++) {
        const way = ways[(round + k) % ways.length];
        const r = await timeWay(b, folder, way);
        if (typeof r === 'number') times[way].push(r);
        else failure = r;
      }
    }
    printJobRows(b, times, failure);
  }
  fs.rmSync(folder, { recursive: true, force: true });
}

function printJobRows(b: Build, times: Record<'serial' | 'default' | 'shards', number[]>, failure?: Failure): void {
  const target = '≥ 1.5× on 2 idle cores';
  const parallel = spread(pairRatios(times.serial, times.default));
  printRow({
    measure: `--jobs 1 time / default jobs time, ${FEEDS} feeds`,
    build: b.label,
    figures: failure
      ? describeFailure(failure)
      : `${ratioSpread(parallel)}; --jobs 1 median ${ms(median(times.serial))}, ` +
        `default median ${ms(median(times.default))}`,
    target,
    ok: !failure && parallel.median >= 1.5,
  });
  if (failure) return;
  const ceiling = spread(pairRatios(times.serial, times.shards));
  printRow({
    measure: `--jobs 1 time / two --shard processes at once (the machine's ceiling), ${FEEDS} feeds`,
    build: b.label,
    figures: `${ratioSpread(ceiling)}; two shards median ${ms(median(times.shards))}`,
    target: 'none: it tells what the machine gives',
  });
}
