/**
 * The ways a run can stop short. Each is something the user can act on, so
 * each becomes one line on stderr and exit code 2, never a stack trace.
 */

/** A problem told to the user in one line per entry of `lines`, ending in exit code 2. */
export class CliProblem extends Error {
  readonly lines: readonly string[];
  /** The system error code behind the problem, such as ENOENT, when there is one. */
  systemCode: string | undefined;

  constructor(...lines: string[]) {
    super(lines.join('; '));
    this.lines = lines;
  }
}

/** The command line itself is wrong: an unknown option, a bad value, no files. */
export class UsageError extends CliProblem {}

/**
 * The reader of standard output went away (`| head -1`). The run ends quietly
 * with exit code 2: the reader asked for no more, so there is nobody to tell.
 */
export class BrokenPipe extends Error {
  constructor() {
    super('standard output was closed');
  }
}

/**
 * Standard output failed for a reason other than a closed pipe (a full disk
 * behind a redirect). The report is incomplete, so the run ends with this one line.
 * Not a `CliProblem`, which would only end the current input.
 */
export class OutputFailed extends Error {}

/** Short, readable reasons for the error codes that users meet with files. */
const ERRNO_REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  ENAMETOOLONG: 'file name too long',
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'is a directory',
  ELOOP: 'too many levels of symbolic links',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
  EBADF: 'not open',
  EFBIG: 'file too large',
  EXDEV: 'not on the same file system',
  EBUSY: 'resource busy',
};

/** Describes a system error in a few words and its code, such as "permission denied (EACCES)". */
export function describeSystemError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string') return ERRNO_REASONS[code] ? `${ERRNO_REASONS[code]} (${code})` : code;
  const message = e instanceof Error ? e.message : String(e);
  // Only the first line: a multi-line message would break the one-line promise.
  return message.split('\n', 1)[0];
}

export function errorCode(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Keeps a message on one line even when it quotes a file name or a config key
 * that holds a line break: such characters are shown escaped.
 */
export function oneLine(message: string): string {
  return message.replace(/[\r\n\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
