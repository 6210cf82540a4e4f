/**
 * The file-system calls the CLI makes, gathered in one type so that tests can
 * hand in a layer that fails on purpose (a full disk, a file edited during a
 * fix) without mounting anything.
 */
import * as fs from 'node:fs';

export type FileSystem = Pick<
  typeof fs,
  | 'openSync'
  | 'closeSync'
  | 'fstatSync'
  | 'readSync'
  | 'writeSync'
  | 'fsyncSync'
  | 'fchmodSync'
  | 'fchownSync'
  | 'renameSync'
  | 'unlinkSync'
  | 'realpathSync'
  | 'existsSync'
  | 'statSync'
  | 'readdirSync'
  | 'readFileSync'
>;

/**
 * The real file system. Each call looks the function up on `fs` when it runs,
 * so a test that wraps an `fs` function in a preloaded script sees the CLI's calls.
 */
export const nodeFileSystem: FileSystem = fs;

/** Blocks the thread for a moment; used while a non-blocking descriptor says "try again". */
export function pauseBriefly(milliseconds = 1): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, milliseconds);
}
