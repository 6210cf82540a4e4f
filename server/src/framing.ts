/**
 * A strict reader of the LSP base protocol for stdio. vscode-jsonrpc's reader reports a bad header or body
 * through an error event that vscode-languageserver never listens to, and waits forever for a header that
 * never comes, so a client that sends bad bytes gets neither an answer nor an exit. This reader fails at
 * the first byte that cannot be framed, and main.ts exits on it so that the client restarts the server.
 */
import { AbstractMessageReader, Disposable, type DataCallback, type Message } from 'vscode-languageserver/node';

/** Headers are a few dozen bytes; this much without the blank line that ends them is not a header. */
export const MAX_HEADER_BYTES = 8192;
/** A bound on Content-Length, far above any feed, so that a corrupt length fails instead of waiting. */
export const MAX_BODY_BYTES = 512 * 1024 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
/** RFC 7230 token characters: what a header name is made of. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export class FramingError extends Error {
  override name = 'FramingError';
}

/**
 * Turns a byte stream into JSON values, one per framed message. `push` returns the values completed by a
 * chunk and throws a FramingError at the first fault; after that the decoder must not be used again.
 */
export class FrameDecoder {
  private chunks: Buffer[] = [];
  private size = 0;
  /** The body length announced by the last header, or -1 while a header is awaited. */
  private bodyLength = -1;

  push(chunk: Buffer): unknown[] {
    this.chunks.push(chunk);
    this.size += chunk.length;
    const out: unknown[] = [];
    for (;;) {
      if (this.bodyLength < 0) {
        const length = this.readHeader();
        if (length === undefined) return out;
        this.bodyLength = length;
      }
      if (this.size < this.bodyLength) return out;
      const body = this.take(this.bodyLength);
      this.bodyLength = -1;
      out.push(parseBody(body));
    }
  }

  /** The Content-Length of a complete header at the front, consumed; undefined while it is incomplete. */
  private readHeader(): number | undefined {
    if (this.size === 0) return undefined;
    const head = this.peek(Math.min(this.size, MAX_HEADER_BYTES + HEADER_END.length));
    // A header starts with a name; anything else (a `{` of a body sent without a header) will never frame.
    if (!TOKEN.test(String.fromCharCode(head[0]))) {
      throw new FramingError(`expected a header such as Content-Length, got ${describeByte(head[0])}`);
    }
    const end = head.indexOf(HEADER_END);
    if (end < 0) {
      if (head.length > MAX_HEADER_BYTES) throw new FramingError(`no end of header within ${MAX_HEADER_BYTES} bytes`);
      return undefined;
    }
    const length = contentLength(head.subarray(0, end).toString('latin1'));
    this.take(end + HEADER_END.length);
    return length;
  }

  /** The first `n` buffered bytes, without consuming them. */
  private peek(n: number): Buffer {
    if (this.chunks[0].length >= n) return this.chunks[0].subarray(0, n);
    const parts: Buffer[] = [];
    let got = 0;
    for (const c of this.chunks) {
      if (got >= n) break;
      parts.push(c.subarray(0, n - got));
      got += Math.min(c.length, n - got);
    }
    return Buffer.concat(parts, got);
  }

  /** Removes and returns the first `n` buffered bytes, copying only when they span chunks. */
  private take(n: number): Buffer {
    const out = this.peek(n);
    this.size -= n;
    let left = n;
    while (left > 0) {
      const first = this.chunks[0];
      if (first.length <= left) {
        this.chunks.shift();
        left -= first.length;
      } else {
        this.chunks[0] = first.subarray(left);
        left = 0;
      }
    }
    return out;
  }
}

/** Reads the header block: `Name: value` lines, one Content-Length, and UTF-8 if a charset is named. */
function contentLength(block: string): number {
  let length: number | undefined;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon) : '';
    if (!TOKEN.test(name)) throw new FramingError(`bad header line ${JSON.stringify(line.slice(0, 60))}`);
    const value = line.slice(colon + 1).trim();
    const key = name.toLowerCase();
    if (key === 'content-length') {
      if (!/^\d+$/.test(value) || Number(value) > MAX_BODY_BYTES) {
        throw new FramingError(`bad Content-Length ${JSON.stringify(value.slice(0, 40))}`);
      }
      if (length !== undefined && length !== Number(value)) throw new FramingError('two different Content-Lengths');
      length = Number(value);
    } else if (key === 'content-type') {
      const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(value)?.[1].toLowerCase();
      if (charset && charset !== 'utf-8' && charset !== 'utf8') {
        throw new FramingError(`unsupported charset ${JSON.stringify(charset.slice(0, 40))}`);
      }
    }
  }
  if (length === undefined) throw new FramingError('a header without Content-Length');
  return length;
}

function parseBody(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    // JSON.parse's own message quotes the body, which may be long or private; the length is enough to debug.
    throw new FramingError(`a body of ${body.length} bytes that is not valid JSON`);
  }
}

function describeByte(b: number): string {
  return b >= 0x20 && b < 0x7f ? JSON.stringify(String.fromCharCode(b)) : `byte 0x${b.toString(16).padStart(2, '0')}`;
}

/** A MessageReader over a byte stream that fires one error, and stops reading, at the first framing fault. */
export class StrictStreamMessageReader extends AbstractMessageReader {
  private readonly decoder = new FrameDecoder();
  private failed = false;

  /**
   * `onDispatchError` hears what the connection throws on a well-framed message it cannot handle (such as a
   * `$/cancelRequest` without params); the messages after it in the same chunk are still delivered.
   */
  constructor(
    private readonly readable: NodeJS.ReadableStream,
    private readonly onDispatchError: (e: unknown) => void = () => undefined,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const onData = (data: Buffer | string) => {
      if (this.failed) return;
      let messages: unknown[];
      try {
        messages = this.decoder.push(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
      } catch (e) {
        this.failed = true;
        this.readable.removeListener('data', onData);
        this.fireError(e);
        return;
      }
      for (const m of messages) {
        try {
          callback(m as Message);
        } catch (e) {
          this.onDispatchError(e);
        }
      }
    };
    const onError = (e: Error) => this.fireError(e);
    const onClose = () => this.fireClose();
    this.readable.on('data', onData);
    this.readable.on('error', onError);
    this.readable.on('end', onClose);
    this.readable.on('close', onClose);
    return Disposable.create(() => {
      this.readable.removeListener('data', onData);
      this.readable.removeListener('error', onError);
      this.readable.removeListener('end', onClose);
      this.readable.removeListener('close', onClose);
    });
  }
}
