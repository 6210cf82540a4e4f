/**
 * A timing LSP client over stdio. It reads the base protocol itself, so that it can note when the last byte of
 * each message arrived before any JSON is parsed: a publish for a 10 MB feed is megabytes of JSON, and parsing
 * it in the client must not count as the server's time. Publishes are recognised from their first bytes and
 * never parsed unless asked; everything else is small and parsed as it comes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { isOutOfMemory, lastLine, track } from './processes';
import type { Failure } from './report';
import { now } from './stats';

export interface Publish {
  uri: string;
  version: number;
  /** When the publish's last byte was read from the server's stdout. */
  arrivedAt: number;
  body: Buffer;
}

export interface Position {
  line: number;
  character: number;
}

export interface ContentChange {
  range: { start: Position; end: Position };
  text: string;
}

const PUBLISH = Buffer.from('"method":"textDocument/publishDiagnostics"');
const HEADER_END = Buffer.from('\r\n\r\n');

/** A notification other than a publish, such as `$/progress`, with when it arrived. */
export interface Notice {
  method: string;
  params: unknown;
  arrivedAt: number;
}

export interface ServerOptions {
  /** Modules to preload into the server (`node -r`), such as the peak-RSS recorder. */
  preload?: readonly string[];
  env?: NodeJS.ProcessEnv;
}

/** Thrown by the waits: the server did not answer in time, ran out of memory, or exited. */
export class ServerFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.kind);
  }
}

export class LspServer {
  private readonly proc: ChildProcess;
  private head: Buffer = Buffer.alloc(0);
  private bodyLength = -1;
  private bodyChunks: Buffer[] = [];
  private bodyReceived = 0;
  private nextId = 1;
  private readonly responses = new Map<number, { result: unknown; arrivedAt: number }>();
  private readonly publishes = new Map<string, Publish>();
  private readonly waiters = new Set<() => void>();
  private exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private stderr = '';
  /** Notifications other than publishes, in order of arrival. */
  readonly notices: Notice[] = [];

  constructor(serverJs: string, options: ServerOptions = {}) {
    const preload = (options.preload ?? []).flatMap((m) => ['-r', m]);
    this.proc = track(
      spawn(process.execPath, [...preload, serverJs, '--stdio'], {
        stdio: ['pipe', 'pipe', 'pipe'],
        env: options.env ?? process.env,
      }),
    );
    this.proc.stdout!.on('data', (chunk: Buffer) => this.read(chunk, now()));
    this.proc.stderr!.on('data', (d: Buffer) => (this.stderr = (this.stderr + d.toString('utf8')).slice(-4000)));
    // Writes after the server died fail with EPIPE; the exit is what the waits report.
    this.proc.stdin!.on('error', () => undefined);
    this.proc.on('exit', (code, signal) => {
      this.exit = { code, signal };
      this.wake();
    });
  }

  /** Splits the stream into messages; the body's chunks are joined once, when its last byte is in. */
  private read(chunk: Buffer, arrivedAt: number): void {
    let data = chunk;
    for (;;) {
      if (this.bodyLength < 0) {
        this.head = this.head.length > 0 ? Buffer.concat([this.head, data]) : data;
        const end = this.head.indexOf(HEADER_END);
        if (end < 0) return;
        const length = /Content-Length:\s*(\d+)/i.exec(this.head.subarray(0, end).toString('ascii'));
        if (!length) throw new Error(`bad header from the server: ${this.head.subarray(0, end).toString('ascii')}`);
        this.bodyLength = Number(length[1]);
        data = this.head.subarray(end + HEADER_END.length);
        this.head = Buffer.alloc(0);
      }
      const needed = this.bodyLength - this.bodyReceived;
      this.bodyChunks.push(data.subarray(0, needed));
      this.bodyReceived += Math.min(needed, data.length);
      if (this.bodyReceived < this.bodyLength) return;
      const body = this.bodyChunks.length === 1 ? this.bodyChunks[0] : Buffer.concat(this.bodyChunks);
      data = data.subarray(needed);
      this.bodyLength = -1;
      this.bodyChunks = [];
      this.bodyReceived = 0;
      this.dispatch(body, arrivedAt);
      if (data.length === 0) return;
    }
  }

  private dispatch(body: Buffer, arrivedAt: number): void {
    const start = body.subarray(0, 2048);
    if (start.indexOf(PUBLISH) >= 0) {
      const text = start.toString('utf8');
      const uri = /"uri":"([^"]*)"/.exec(text)?.[1];
      const version = /"version":(\d+)/.exec(text)?.[1];
      if (uri !== undefined && version !== undefined) {
        this.publishes.set(uri, { uri, version: Number(version), arrivedAt, body });
        return this.wake();
      }
    }
    const message = JSON.parse(body.toString('utf8'));
    if (message.method === 'textDocument/publishDiagnostics') {
      const { uri, version } = message.params;
      this.publishes.set(uri, { uri, version: version ?? -1, arrivedAt, body });
    } else if (message.id !== undefined && message.method !== undefined) {
      this.answer(message.id, message.method, message.params);
    } else if (message.id !== undefined) {
      this.responses.set(message.id, { result: message.result ?? message.error, arrivedAt });
    } else if (typeof message.method === 'string') {
      this.notices.push({ method: message.method, params: message.params, arrivedAt });
    }
    this.wake();
  }

  /** Settings are null, as from a client with nothing configured; other requests get null too. */
  private answer(id: number | string, method: string, params: { items?: unknown[] }): void {
    const result = method === 'workspace/configuration' ? (params.items ?? []).map(() => null) : null;
    this.send({ jsonrpc: '2.0', id, result });
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }

  /** Frames and writes one message; returns the time just before the write. */
  send(message: object): number {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    const t = now();
    this.proc.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
    return t;
  }

  notify(method: string, params: object): number {
    return this.send({ jsonrpc: '2.0', method, params });
  }

  /** Sends a request and returns its id; `response` waits for the answer. */
  request(method: string, params: object | null): number {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return id;
  }

  response(id: number, deadlineMs: number): Promise<{ result: unknown; arrivedAt: number }> {
    return this.until(() => this.responses.get(id), deadlineMs);
  }

  /** The publish for `uri` at `version` or later. */
  publish(uri: string, version: number, deadlineMs: number): Promise<Publish> {
    return this.until(() => {
      const p = this.publishes.get(uri);
      return p && p.version >= version ? p : undefined;
    }, deadlineMs);
  }

  /** The first publish for `uri` that arrived after `after` and passes `test`, which sees its raw JSON. */
  publishWhere(uri: string, after: number, test: (body: Buffer) => boolean, deadlineMs: number): Promise<Publish> {
    return this.until(() => {
      const p = this.publishes.get(uri);
      return p && p.arrivedAt > after && test(p.body) ? p : undefined;
    }, deadlineMs);
  }

  /** The first notification of `method` that arrived after `after` and passes `test`. */
  notice(method: string, after: number, test: (n: Notice) => boolean, deadlineMs: number): Promise<Notice> {
    return this.until(
      () => this.notices.find((n) => n.method === method && n.arrivedAt > after && test(n)),
      deadlineMs,
    );
  }

  private until<T>(probe: () => T | undefined, deadlineMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const value = probe();
        const failure = value === undefined ? this.failure() : undefined;
        if (value === undefined && !failure) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        if (failure) reject(new ServerFailure(failure));
        else resolve(value!);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new ServerFailure({ kind: 'timeout', seconds: Math.round(deadlineMs / 1000) }));
      }, deadlineMs);
      this.waiters.add(check);
      check();
    });
  }

  private failure(): Failure | undefined {
    if (!this.exit) return undefined;
    if (isOutOfMemory(this.stderr, this.exit.signal)) return { kind: 'oom' };
    return {
      kind: 'failed',
      reason: `server exited (${this.exit.code ?? this.exit.signal}): ${lastLine(this.stderr)}`,
    };
  }

  /**
   * Sends `initialize` and `initialized`, and returns when `initialized` was written. With a folder, the server
   * gets it as its workspace and is told that the client shows progress, so that it indexes and reports how far.
   */
  async initialize(deadlineMs: number, folderUri?: string): Promise<number> {
    const id = this.request('initialize', {
      // No process id: the server would watch it, and the bench ends the server itself.
      processId: null,
      rootUri: folderUri ?? null,
      workspaceFolders: folderUri ? [{ uri: folderUri, name: 'bench' }] : null,
      capabilities: {
        window: { workDoneProgress: folderUri !== undefined },
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          workspaceFolders: folderUri !== undefined,
        },
        textDocument: {
          synchronization: { didSave: false },
          publishDiagnostics: { versionSupport: true, relatedInformation: true, dataSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
    });
    await this.response(id, deadlineMs);
    return this.notify('initialized', {});
  }

  open(uri: string, text: string): number {
    return this.notify('textDocument/didOpen', {
      textDocument: { uri, languageId: 'press-release', version: 1, text },
    });
  }

  change(uri: string, version: number, contentChanges: ContentChange[]): number {
    return this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  /** Asks the server to shut down and exit, and kills it if it does not within a moment. */
  async close(): Promise<void> {
    if (!this.exit) {
      try {
        await this.response(this.request('shutdown', null), 2000);
        this.notify('exit', {});
        await this.until(() => this.exit, 2000);
      } catch {
        // A server that is busy or gone is killed below.
      }
    }
    this.proc.kill('SIGKILL');
  }
}
