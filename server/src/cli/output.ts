/**
 * Writing to standard output and standard error with synchronous writes of
 * buffered chunks. Synchronous writes keep the order of everything simple,
 * need no draining before exit, and surface a closed pipe as an error we
 * catch at the write, instead of an 'error' event some time later.
 */
import { BrokenPipe, describeSystemError, errorCode, OutputFailed } from './errors';
import { nodeFileSystem, pauseBriefly, type FileSystem } from './fileSystem';

/** About this much text is gathered before one write; large enough to be cheap, small enough to stream. */
export const CHUNK_CHARS = 64 * 1024;

export interface OutputOptions {
  /** Standard output ends the run when its reader goes away; standard error just falls silent. */
  endRunOnFailure: boolean;
  fsys?: FileSystem;
}

export class Output {
  private pending: string[] = [];
  private pendingChars = 0;
  /** Set once a write has failed; later writes throw it again (for standard output) or do nothing. */
  private failure: Error | undefined;
  private readonly fsys: FileSystem;

  constructor(
    readonly fd: number,
    private readonly options: OutputOptions,
  ) {
    this.fsys = options.fsys ?? nodeFileSystem;
  }

  /** Queues text, writing once about a chunk has gathered. */
  write(text: string): void {
    if (this.failure) return this.throwIfFailed();
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= CHUNK_CHARS) this.flush();
  }

  /** Writes bytes as they are (a fixed feed in its own encoding), after any queued text. */
  writeBytes(bytes: Uint8Array): void {
    this.flush();
    if (this.failure) return this.throwIfFailed();
    this.writeAll(bytes);
  }

  flush(): void {
    if (this.failure || this.pendingChars === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    this.writeAll(Buffer.from(text, 'utf8'));
  }

  private writeAll(bytes: Uint8Array): void {
    let offset = 0;
    while (offset < bytes.length) {
      try {
        offset += this.fsys.writeSync(this.fd, bytes, offset, bytes.length - offset);
      } catch (e) {
        // A non-blocking pipe that is full says EAGAIN: wait for the reader instead of giving up.
        if (errorCode(e) === 'EAGAIN') pauseBriefly();
        else return this.fail(e);
      }
    }
  }

  private fail(e: unknown): void {
    const where = this.fd === 1 ? 'standard output' : `file descriptor ${this.fd}`;
    const broken = errorCode(e) === 'EPIPE';
    this.failure = broken ? new BrokenPipe() : new OutputFailed(`cannot write to ${where}: ${describeSystemError(e)}`);
    this.pending = [];
    this.pendingChars = 0;
    this.throwIfFailed();
  }

  /**
   * Throws the failure again (for an output that ends the run), in case a
   * caller swallowed it: the core, around a sink, is free to.
   */
  throwIfFailed(): void {
    if (this.failure && this.options.endRunOnFailure) throw this.failure;
  }

  get hasFailed(): boolean {
    return this.failure !== undefined;
  }
}
