/**
 * A release file read from disk into its summary: decoded as the CLI decodes a feed, parsed, and let go of, so
 * that the index keeps no text. A file that is gone, too large, binary or not text gives no summary.
 */
import * as fs from 'node:fs';
import { summarizeText, type Config, type FileSummary } from '../core/index';
import { describeError } from '../errors';
import { decodeFeed, UndecodableInput } from '../files/encoding';
import { ByteBudget } from './byteBudget';

/** Larger files are left out of the index: a feed this size is an export to split, not one to compare. */
export const MAX_INDEXED_BYTES = 64 * 1024 * 1024;

/** Bytes of files read at once, by every scan and watched-file read of the server together. */
export const READ_BUDGET = new ByteBudget(32 * 1024 * 1024);

export type ReadResult = { summary: FileSummary } | { gone: true } | { skipped: string };

export async function readSummary(file: string, config: Config, budget = READ_BUDGET): Promise<ReadResult> {
  try {
    const stat = await fs.promises.stat(file);
    if (!stat.isFile()) return { gone: true };
    if (stat.size > MAX_INDEXED_BYTES) return { skipped: `is larger than ${MAX_INDEXED_BYTES / 1024 / 1024} MB` };
    const taken = await budget.acquire(stat.size);
    try {
      const bytes = await fs.promises.readFile(file);
      return { summary: summarizeText(decodeFeed(bytes).text, config) };
    } finally {
      budget.release(taken);
    }
  } catch (e) {
    if (e instanceof UndecodableInput) return { skipped: e.message };
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { gone: true };
    return { skipped: `could not be read (${describeError(e)})` };
  }
}
