/**
 * Replacing a file's contents so that, whatever happens, the file holds
 * either all of the old text or all of the new: the new text goes to a
 * temporary file in the same directory, is synced, and is renamed over the
 * file. The file keeps its mode and owner, and is not replaced if someone
 * changed it while it was being fixed.
 */
import type { BigIntStats } from 'node:fs';
import * as path from 'node:path';
import { CliProblem, describeSystemError, errorCode } from './errors';
import { nodeFileSystem, type FileSystem } from './fileSystem';
import type { FileSnapshot } from './readInput';
import { nextTurn, withCleanupOnSignal } from './signals';

export interface ReplaceRequest {
  /** The name the user gave, for messages. */
  shownName: string;
  /** The file itself, symbolic links resolved, so that a link stays a link. */
  realPath: string;
  /** What was read and fixed; the file must still hold exactly this when it is replaced. */
  original: FileSnapshot;
  newBytes: Uint8Array;
}

/** Why `--fix` must not replace a file, or undefined when it may. The reason follows the file name. */
export function reasonNotToReplace(stat: BigIntStats): string | undefined {
  if (!stat.isFile()) return 'is not a regular file; left as it is';
  if ((stat.mode & 0o222n) === 0n) return `is read-only (mode ${(stat.mode & 0o7777n).toString(8)}); left as it is`;
  if (stat.nlink > 1n) return `has ${stat.nlink} hard links, and replacing it would split them; left as it is`;
  return undefined;
}

/** A name a person recognises when a temporary file is ever left behind. */
export function temporaryPathFor(realPath: string, attempt = 0): string {
  const suffix = attempt === 0 ? `${process.pid}` : `${process.pid}-${attempt}`;
  return path.join(path.dirname(realPath), `.${path.basename(realPath)}.press-release-lint-${suffix}.tmp`);
}

/**
 * Writes `newBytes` over the file atomically. Throws a one-line `CliProblem`
 * when the file is left as it was; on SIGINT, SIGTERM or SIGHUP the temporary
 * file is removed and the process exits.
 */
export async function replaceFileContents(request: ReplaceRequest, fsys: FileSystem = nodeFileSystem): Promise<void> {
  let temporaryPath: string | undefined;
  const removeTemporaryFile = (): void => {
    if (temporaryPath !== undefined) removeQuietly(fsys, temporaryPath);
    temporaryPath = undefined;
  };
  await withCleanupOnSignal(removeTemporaryFile, async () => {
    try {
      const temporary = createTemporaryFile(request, fsys);
      temporaryPath = temporary.path;
      fillTemporaryFile(request, temporary.fd, fsys);
      // A signal that came during the synchronous write is handled here, while the original is untouched.
      await nextTurn();
      if (changedOnDisk(request, fsys)) {
        throw new CliProblem(`${request.shownName} changed on disk while it was being fixed; left as it is`);
      }
      renameOver(request, temporaryPath, fsys);
      temporaryPath = undefined;
    } catch (e) {
      removeTemporaryFile();
      throw e;
    }
    syncDirectory(path.dirname(request.realPath), fsys);
  });
}

function createTemporaryFile(request: ReplaceRequest, fsys: FileSystem): { fd: number; path: string } {
  for (let attempt = 0; ; attempt++) {
    const candidate = temporaryPathFor(request.realPath, attempt);
    try {
      // Owner-only until the mode is copied, so that nobody reads a half-written file with laxer rights.
      return { fd: fsys.openSync(candidate, 'wx', 0o600), path: candidate };
    } catch (e) {
      // A leftover of an earlier run with the same process id: never ours to delete, so pick another name.
      if (errorCode(e) === 'EEXIST' && attempt < 20) continue;
      const directory = path.dirname(request.realPath);
      throw new CliProblem(
        `cannot fix ${request.shownName}: cannot create a temporary file in ${directory}: ` +
          `${describeSystemError(e)}; left as it is`,
      );
    }
  }
}

/** Writes the bytes, copies owner and mode, and syncs. Closes `fd` in every case. */
function fillTemporaryFile(request: ReplaceRequest, fd: number, fsys: FileSystem): void {
  const { shownName, original, newBytes } = request;
  try {
    let written = 0;
    while (written < newBytes.length) written += fsys.writeSync(fd, newBytes, written, newBytes.length - written);
    keepOwner(request, fd, fsys);
    // fchmod sets the mode exactly; the mode given to open was filtered through the umask.
    fsys.fchmodSync(fd, Number(original.stat.mode & 0o7777n));
    fsys.fsyncSync(fd);
  } catch (e) {
    if (e instanceof CliProblem) throw e;
    const reason = describeSystemError(e);
    throw new CliProblem(`cannot fix ${shownName}: writing the fixed text failed: ${reason}; left as it is`);
  } finally {
    fsys.closeSync(fd);
  }
}

/**
 * Gives the new file the old one's owner and group. This comes before the
 * mode is set, because changing the owner may clear the set-id bits.
 */
function keepOwner(request: ReplaceRequest, fd: number, fsys: FileSystem): void {
  const { uid, gid } = request.original.stat;
  const current = fsys.fstatSync(fd, { bigint: true });
  if (current.uid === uid && current.gid === gid) return;
  try {
    fsys.fchownSync(fd, Number(uid), Number(gid));
  } catch (e) {
    throw new CliProblem(
      `cannot fix ${request.shownName}: cannot keep its owner ${uid}:${gid}: ${describeSystemError(e)}; left as it is`,
    );
  }
}

/**
 * Whether the file differs from what was read: gone, another inode (an editor
 * saved it by renaming), other size, time, mode or owner, or other bytes.
 */
function changedOnDisk(request: ReplaceRequest, fsys: FileSystem): boolean {
  let fd: number;
  try {
    fd = fsys.openSync(request.realPath, 'r');
  } catch {
    return true;
  }
  try {
    return !sameMetadata(request.original.stat, fsys.fstatSync(fd, { bigint: true })) || !sameBytes(fd, request, fsys);
  } catch {
    return true;
  } finally {
    fsys.closeSync(fd);
  }
}

function sameMetadata(before: BigIntStats, after: BigIntStats): boolean {
  return (
    before.dev === after.dev &&
    before.ino === after.ino &&
    before.size === after.size &&
    before.mtimeNs === after.mtimeNs &&
    before.mode === after.mode &&
    before.uid === after.uid &&
    before.gid === after.gid
  );
}

/** Compares the file with the bytes read before, a chunk at a time, so that a large feed is not held twice more. */
function sameBytes(fd: number, request: ReplaceRequest, fsys: FileSystem): boolean {
  const expected = request.original.bytes;
  const chunk = Buffer.allocUnsafe(COMPARE_CHUNK);
  let position = 0;
  for (;;) {
    const count = fsys.readSync(fd, chunk, 0, chunk.length, position);
    if (count === 0) return position === expected.length;
    if (position + count > expected.length) return false;
    if (!chunk.subarray(0, count).equals(expected.subarray(position, position + count))) return false;
    position += count;
  }
}

const COMPARE_CHUNK = 1 << 20;

function renameOver(request: ReplaceRequest, temporaryPath: string, fsys: FileSystem): void {
  try {
    fsys.renameSync(temporaryPath, request.realPath);
  } catch (e) {
    const reason = describeSystemError(e);
    throw new CliProblem(`cannot fix ${request.shownName}: cannot replace it: ${reason}; left as it is`);
  }
}

/**
 * Makes the rename itself durable. Best effort: some file systems cannot sync
 * a directory, and the file is already whole either way.
 */
function syncDirectory(directory: string, fsys: FileSystem): void {
  try {
    const fd = fsys.openSync(directory, 'r');
    try {
      fsys.fsyncSync(fd);
    } finally {
      fsys.closeSync(fd);
    }
  } catch {
    // Nothing to tell: the file is already replaced, and only durability across a power cut is at stake.
  }
}

function removeQuietly(fsys: FileSystem, file: string): void {
  try {
    fsys.unlinkSync(file);
  } catch {
    // Already gone, or the directory became unwritable; nothing better can be done while exiting.
  }
}
