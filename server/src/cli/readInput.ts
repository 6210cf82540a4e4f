/** Reading a feed's bytes, from a file or from standard input, without decoding them yet. */
import type { BigIntStats } from 'node:fs';
import { constants as bufferConstants } from 'node:buffer';
import { CliProblem, describeSystemError, errorCode } from './errors';
import { pauseBriefly, type FileSystem } from './fileSystem';

/** A file's bytes together with the metadata read from the same open descriptor. */
export interface FileSnapshot {
  bytes: Buffer;
  stat: BigIntStats;
}

const READ_CHUNK = 1 << 20;

/** Reads a whole file. Any failure becomes a one-line problem that names the file as the user gave it. */
export function readFileSnapshot(fsys: FileSystem, filePath: string, shownName: string): FileSnapshot {
  let fd: number;
  try {
    fd = fsys.openSync(filePath, 'r');
  } catch (e) {
    throw cannotRead(shownName, e);
  }
  try {
    const stat = fsys.fstatSync(fd, { bigint: true });
    if (stat.isDirectory()) throw new CliProblem(`cannot read ${shownName}: it is a directory`);
    if (stat.size > BigInt(bufferConstants.MAX_LENGTH)) throw tooLarge(shownName, stat.size);
    return { bytes: readToEnd(fsys, fd, Number(stat.size), shownName), stat };
  } catch (e) {
    if (e instanceof CliProblem) throw e;
    throw cannotRead(shownName, e);
  } finally {
    fsys.closeSync(fd);
  }
}

/** Reads standard input to its end; a non-blocking pipe that has no data yet is waited for, not treated as the end. */
export function readStandardInput(fsys: FileSystem): Buffer {
  try {
    return readToEnd(fsys, 0, 0, 'standard input');
  } catch (e) {
    if (e instanceof CliProblem) throw e;
    throw cannotRead('standard input', e);
  }
}

/**
 * Reads until end of file. `expectedSize` (from fstat) sizes the first buffer
 * so that a regular file is read without copying; pipes and files that grow
 * while being read fall back to a list of chunks.
 */
function readToEnd(fsys: FileSystem, fd: number, expectedSize: number, shownName: string): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  let buffer = Buffer.allocUnsafe(Math.max(expectedSize + 1, READ_CHUNK));
  let filled = 0;
  for (;;) {
    if (filled === buffer.length) {
      chunks.push(buffer);
      buffer = Buffer.allocUnsafe(READ_CHUNK);
      filled = 0;
    }
    const count = readOnce(fsys, fd, buffer, filled);
    if (count === 0) break;
    filled += count;
    total += count;
    if (total > bufferConstants.MAX_LENGTH) throw tooLarge(shownName, BigInt(total));
  }
  chunks.push(buffer.subarray(0, filled));
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

function readOnce(fsys: FileSystem, fd: number, buffer: Buffer, offset: number): number {
  for (;;) {
    try {
      return fsys.readSync(fd, buffer, offset, buffer.length - offset, null);
    } catch (e) {
      if (errorCode(e) !== 'EAGAIN') throw e;
      pauseBriefly(5);
    }
  }
}

function cannotRead(shownName: string, e: unknown): CliProblem {
  const problem = new CliProblem(`cannot read ${shownName}: ${describeSystemError(e)}`);
  problem.systemCode = errorCode(e);
  return problem;
}

function tooLarge(shownName: string, size: bigint): CliProblem {
  const megabytes = Number(size / 1048576n);
  return new CliProblem(`${shownName} is too large to lint (${megabytes} MB)`);
}
