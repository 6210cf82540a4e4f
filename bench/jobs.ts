/**
 * The CLI on a folder of many feeds, in one thread (`--jobs 1`) against the default (a worker per core),
 * paired round by round and in alternating order, so that a change in the machine's load hits both alike.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Build } from './builds';
import { feedText } from './data';
import { isFailure, runNode, type Finished } from './processes';
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

/** The speed-up of the default jobs over one thread, per build; a build without --jobs shows why it failed. */
export async function jobsRows(builds: readonly Build[], rounds: number): Promise<void> {
  const { folder, bytes } = feedFolder();
  const cores = os.availableParallelism();
  heading(`CLI on a folder of ${FEEDS} feeds (${size(bytes)}): --jobs 1 against the default (${cores} cores)`);
  for (const b of builds) {
    const serial: number[] = [];
    const parallel: number[] = [];
    let failure: Failure | undefined;
    const once = async (jobs: string[], into: number[]): Promise<void> => {
      const r: Finished | Failure = await runNode([b.cliJs, ...jobs, folder], { deadlineMs: 300_000 });
      if (isFailure(r)) failure = r;
      else into.push(r.ms);
    };
    for (let round = 0; round < rounds && !failure; round++) {
      const pair: [string[], number[]][] = [
        [['--jobs', '1'], serial],
        [[], parallel],
      ];
      for (const [jobs, into] of round % 2 === 0 ? pair : pair.reverse()) if (!failure) await once(jobs, into);
    }
    const r = spread(pairRatios(serial, parallel));
    const figures = failure
      ? describeFailure(failure)
      : `${ratioSpread(r)}; --jobs 1 median ${ms(median(serial))}, default median ${ms(median(parallel))}`;
    const measure = `--jobs 1 time / default jobs time, ${FEEDS} feeds`;
    printRow({ measure, build: b.label, figures, target: '≥ 1.5× on 2 cores', ok: !failure && r.median >= 1.5 });
  }
  fs.rmSync(folder, { recursive: true, force: true });
}
