/**
 * The index's counting pass: after the summaries are built, each file that is not open is linted with the full
 * rules, and only its releases' problem counts are kept, for the Releases view. It runs behind everything else:
 * one file per turn of the event loop, so that requests, edits and diagnostics go first, and a file that changes
 * while it is counted is counted again from its new summary instead of getting numbers of its old text.
 */
import * as fs from 'node:fs';
import { analysisCounts, lint, type Config, type FileSummary, type ProblemCounts } from '../core/index';
import { decodeFeed } from '../files/encoding';
import { MAX_INDEXED_BYTES } from './readSummary';

export interface CountingSources {
  /** The summary a file has now; counts are stored on it only while it is still the one counted. */
  summaryOf(key: string): FileSummary | undefined;
  /** The file and its config, or undefined when it is no longer a file the index reads from disk. */
  fileOf(key: string): { file: string; config: Config } | undefined;
  /** Some file's counts were stored. */
  counted(): void;
}

export class CountingPass {
  private readonly queue = new Set<string>();
  private running = false;
  /** Files counted since the queue was last empty, for tests and the bench. */
  done: Promise<void> = Promise.resolve();

  constructor(private readonly sources: CountingSources) {}

  /** Counts these files, after the ones already waiting; a file already waiting keeps its place. */
  add(keys: Iterable<string>): void {
    for (const key of keys) this.queue.add(key);
    if (this.running || this.queue.size === 0) return;
    this.running = true;
    this.done = this.run().finally(() => (this.running = false));
  }

  /** Leaves a file out: it was deleted, opened, or is about to be read again. */
  drop(key: string): void {
    this.queue.delete(key);
  }

  clear(): void {
    this.queue.clear();
  }

  private async run(): Promise<void> {
    for (const key of this.queue) {
      this.queue.delete(key);
      // Everything else waiting in the event loop goes first: this pass is the least urgent work of the server.
      await new Promise((resolve) => setImmediate(resolve));
      const summary = this.sources.summaryOf(key);
      const target = this.sources.fileOf(key);
      if (!summary || !target || summary.counts) continue;
      const counts = await countFile(target.file, target.config);
      // A newer summary (the file changed, or opened) was made while this one was counted: it gets its own turn.
      if (!counts || this.sources.summaryOf(key) !== summary || counts.length !== summary.releases.length) continue;
      summary.counts = counts;
      this.sources.counted();
    }
  }
}

/** The counts of each release of a file, linted in full; undefined when it cannot be read now. */
async function countFile(file: string, config: Config): Promise<ProblemCounts[] | undefined> {
  try {
    const stat = await fs.promises.stat(file);
    if (!stat.isFile() || stat.size > MAX_INDEXED_BYTES) return undefined;
    const text = decodeFeed(await fs.promises.readFile(file)).text;
    return analysisCounts(lint(text, { config }));
  } catch {
    // Reading or decoding failed: the summary pass already told why, or the file's next event will.
    return undefined;
  }
}
