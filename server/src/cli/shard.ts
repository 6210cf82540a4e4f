/**
 * `--shard i/n`: one of n CI jobs lints its share of the files. The files are sorted by their absolute path and
 * dealt out round-robin, the first to shard 1, the second to shard 2 and so on. Sorting makes the share the same
 * whatever order the arguments came in, and dealing in turn keeps the shards within one file of each other; a
 * hash of each path would also be stable, but could leave one shard with many more files than another.
 */
import * as path from 'node:path';
import { UsageError } from './errors';
import { byPath } from './files';

export interface Shard {
  /** From 1 to `count`. */
  index: number;
  count: number;
}

/** Reads `i/n`, where n is at least 1 and i is between 1 and n. */
export function parseShard(value: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!(count >= 1 && index >= 1 && index <= count)) {
    throw new UsageError(`--shard expects i/n with 1 <= i <= n, such as 2/3, not "${value}"`);
  }
  return { index, count };
}

/** The files of one shard, in the order they were given. Standard input cannot be split, so it is refused. */
export function filesOfShard(files: readonly string[], shard: Shard, cwd: string): string[] {
  if (files.includes('-')) throw new UsageError('--shard splits files, not standard input');
  const keys = files.map((file) => path.resolve(cwd, file));
  const sorted = [...new Set(keys)].sort(byPath);
  const mine = new Set(sorted.filter((_, rank) => rank % shard.count === shard.index - 1));
  return files.filter((_, i) => mine.has(keys[i]));
}
