/**
 * A minimal LSP client for protocol tests: it spawns the built server over
 * stdio (or IPC, as VS Code does), declares the capabilities it really has,
 * answers the server's requests for settings (or, on request, never does),
 * and records what the server pushes. `RawServer` writes bytes of its own
 * choosing, for tests of what the server does with input that is not LSP.
 */
import * as assert from 'node:assert/strict';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities,
  CodeAction,
  Diagnostic,
  InitializeResult,
  PublishDiagnosticsParams,
  Range,
  Registration,
} from 'vscode-languageserver-protocol';
import { LANGUAGE_ID } from '../../shared/protocol';

export const SERVER = path.join(__dirname, '..', '..', '..', 'dist', 'server.js');

/** What this client can do, declared as VS Code's client declares it for the features the tests use. */
export const CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: false },
    workspaceFolders: true,
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
  },
  textDocument: {
    publishDiagnostics: { relatedInformation: true, versionSupport: true, dataSupport: true },
    codeAction: { dataSupport: true },
    semanticTokens: {
      requests: { full: true },
      tokenTypes: ['namespace', 'class', 'variable', 'enumMember', 'person', 'place', 'organization'],
      tokenModifiers: [],
      formats: ['relative'],
    },
  },
};

export interface ClientOptions {
  rootDir?: string;
  /** What `workspace/configuration` returns for the `pressRelease` section. */
  settings?: () => unknown;
  /** Replaces CAPABILITIES, to play a client that lacks some. */
  capabilities?: ClientCapabilities;
  /** Send `workspaceFolders` in `initialize` (default), or only `rootUri`. */
  workspaceFolders?: boolean;
  /** `never` plays a client that leaves `workspace/configuration` unanswered. */
  configuration?: 'answer' | 'never';
  /** `never` plays a client that leaves `window/workDoneProgress/create` unanswered. */
  progressCreation?: 'answer' | 'never';
  /** `ipc` starts the server the way VS Code's client does. */
  transport?: 'stdio' | 'ipc';
  /** An executable to start with `--stdio` instead of the built server, such as an installed package's bin. */
  command?: string;
}

export interface LogMessage {
  type: number;
  message: string;
}

/**
 * Waits that wake on every message from the server and give up at a deadline,
 * saying what they waited for and what the server wrote on stderr.
 */
class Wakeups {
  private readonly waiters: Array<() => void> = [];

  constructor(private readonly stderr: () => string) {}

  wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  async until<T>(probe: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = probe();
      if (v !== undefined) return v;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; server stderr: ${this.stderr()}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }
}

export class TestClient {
  readonly connection: MessageConnection;
  /** `window/showMessage` notifications. */
  readonly messages: LogMessage[] = [];
  /** `window/logMessage` notifications. */
  readonly logs: LogMessage[] = [];
  /** Every publish, and whether `initialized` had been sent when it arrived. */
  readonly publishes: Array<{ params: PublishDiagnosticsParams; afterInitialized: boolean }> = [];
  /** The values of `$/progress` notifications, in order. */
  readonly progress: Array<{ kind: string; message?: string; percentage?: number }> = [];
  /** What the server registered for with `client/registerCapability`, in order. */
  readonly registrations: Registration[] = [];
  /** Notifications no other handler here takes (the server's custom ones), by method: how many came. */
  readonly notified = new Map<string, number>();
  readonly exited: Promise<number | null>;
  private readonly proc: ChildProcess;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private readonly wakeups = new Wakeups(() => this.stderr);
  private versions = new Map<string, number>();
  private initializedSent = false;
  configurationRequests = 0;
  stderr = '';

  constructor(private readonly options: ClientOptions = {}) {
    if (options.transport === 'ipc') {
      this.proc = fork(SERVER, ['--node-ipc'], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
      this.connection = createMessageConnection(new IPCMessageReader(this.proc), new IPCMessageWriter(this.proc));
    } else {
      const [cmd, args] = options.command ? [options.command, []] : [process.execPath, [SERVER]];
      this.proc = spawn(cmd, [...args, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      this.connection = createMessageConnection(
        new StreamMessageReader(this.proc.stdout!),
        new StreamMessageWriter(this.proc.stdin!),
      );
    }
    this.exited = new Promise((resolve) => this.proc.on('exit', (code) => resolve(code)));
    this.proc.stderr!.on('data', (d) => (this.stderr += String(d)));
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => {
      this.configurationRequests++;
      this.wake();
      if (this.options.configuration === 'never') return new Promise(() => undefined);
      return params.items.map(() => this.options.settings?.() ?? null);
    });
    this.connection.onRequest('client/registerCapability', (params: { registrations: Registration[] }) => {
      this.registrations.push(...params.registrations);
      this.wake();
      return null;
    });
    this.connection.onRequest('window/workDoneProgress/create', () =>
      this.options.progressCreation === 'never' ? new Promise(() => undefined) : null,
    );
    this.connection.onNotification('$/progress', (p: { value: { kind: string } }) => {
      this.progress.push(p.value);
      this.wake();
    });
    this.connection.onNotification('window/showMessage', (m: LogMessage) => {
      this.messages.push(m);
      this.wake();
    });
    this.connection.onNotification('window/logMessage', (m: LogMessage) => {
      this.logs.push(m);
      this.wake();
    });
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      this.publishes.push({ params: p, afterInitialized: this.initializedSent });
      this.wake();
    });
    this.connection.onNotification((method: string) => {
      this.notified.set(method, (this.notified.get(method) ?? 0) + 1);
      this.wake();
    });
    this.connection.listen();
  }

  private wake(): void {
    this.wakeups.wake();
  }

  /** Sends `initialize`, and `initialized` unless told not to. */
  async initialize(options: { initialized?: boolean } = {}): Promise<InitializeResult> {
    const rootUri = this.options.rootDir ? pathToFileURL(this.options.rootDir).href : null;
    const folders = this.options.workspaceFolders !== false && rootUri ? [{ uri: rootUri, name: 'ws' }] : null;
    const result = await this.connection.sendRequest<InitializeResult>('initialize', {
      // No process id: the server's watchdog would poll it, and these tests end the server themselves.
      processId: null,
      rootUri,
      workspaceFolders: folders,
      capabilities: this.options.capabilities ?? CAPABILITIES,
    });
    if (options.initialized !== false) await this.initialized();
    return result;
  }

  async initialized(): Promise<void> {
    this.initializedSent = true;
    await this.connection.sendNotification('initialized', {});
  }

  async open(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    this.diagnostics.delete(uri);
    const textDocument = { uri, languageId: LANGUAGE_ID, version: 1, text };
    await this.connection.sendNotification('textDocument/didOpen', { textDocument });
  }

  async replace(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const params = { textDocument: { uri, version }, contentChanges: [{ text }] };
    await this.connection.sendNotification('textDocument/didChange', params);
    return version;
  }

  /** Sends one didChange that carries `changes`, in the order given, as an editor's multi-range edit does. */
  async edit(uri: string, changes: Array<{ range: Range; text: string }>): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const params = { textDocument: { uri, version }, contentChanges: changes };
    await this.connection.sendNotification('textDocument/didChange', params);
    return version;
  }

  /** Waits, with a deadline, until `probe` returns something; wakes on every message from the server. */
  waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
    return this.wakeups.until(probe, what, timeoutMs);
  }

  /** The diagnostics last published for `uri`, if any. */
  current(uri: string): Diagnostic[] | undefined {
    return this.diagnostics.get(uri)?.diagnostics;
  }

  diagnosticsFor(uri: string, version?: number, timeoutMs?: number): Promise<Diagnostic[]> {
    return this.waitFor(
      () => {
        const p = this.diagnostics.get(uri);
        return p && (version === undefined || p.version === version) ? p.diagnostics : undefined;
      },
      `diagnostics of ${uri}${version ? ` v${version}` : ''}`,
      timeoutMs,
    );
  }

  /** The code actions the server offers for one diagnostic, asked for over its range. */
  codeActionsFor(uri: string, d: Diagnostic): Promise<CodeAction[]> {
    return this.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    });
  }

  request<R>(method: string, params?: unknown): Promise<R> {
    if (params === undefined) return this.connection.sendRequest<R>(method);
    return this.connection.sendRequest<R>(method, params);
  }

  /** Everything the server wrote for people to read: stderr, log messages and shown messages. */
  output(): string {
    return [this.stderr, ...this.logs.map((l) => l.message), ...this.messages.map((m) => m.message)].join('\n');
  }

  async dispose(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone; the kill below makes sure.
    }
    this.connection.dispose();
    this.proc.kill();
  }
}

/**
 * Runs `body` with a client of its own server, then checks that nothing the server wrote for people to read
 * holds a stack trace, and ends the server.
 */
export async function session(options: ClientOptions, body: (client: TestClient) => Promise<void>): Promise<void> {
  const client = new TestClient(options);
  try {
    await body(client);
    assert.ok(!hasStackTrace(client.output()), `the server's output holds a stack trace:\n${client.output()}`);
  } finally {
    await client.dispose();
  }
}

/** Whether `text` holds a stack trace: a line that starts with `at` and ends in a file position. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .*:\d+:\d+\)?$/m.test(text);
}

/** Frames a JSON-RPC message as the base protocol does. */
export function frame(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

/** The server over stdio, fed raw bytes: for input that a real client library would never send. */
export class RawServer {
  readonly proc: ChildProcess;
  stdout = Buffer.alloc(0);
  stderr = '';
  private exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private readonly wakeups = new Wakeups(() => this.stderr);

  constructor() {
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stdout!.on('data', (d: Buffer) => {
      this.stdout = Buffer.concat([this.stdout, d]);
      this.wake();
    });
    this.proc.stderr!.on('data', (d) => (this.stderr += String(d)));
    // Writes after the server exited fail with EPIPE; the exit is what the tests look at.
    this.proc.stdin!.on('error', () => undefined);
    this.proc.on('exit', (code, signal) => {
      this.exit = { code, signal };
      this.wake();
    });
  }

  private wake(): void {
    this.wakeups.wake();
  }

  write(bytes: string | Buffer): void {
    this.proc.stdin!.write(bytes);
  }

  /** The JSON messages the server wrote so far. */
  messages(): Array<{ id?: number; method?: string; result?: unknown; error?: { code: number; message: string } }> {
    const out = [];
    let rest = this.stdout;
    for (;;) {
      const end = rest.indexOf('\r\n\r\n');
      if (end < 0) break;
      const length = Number(/Content-Length: (\d+)/i.exec(rest.subarray(0, end).toString('ascii'))?.[1]);
      if (rest.length < end + 4 + length) break;
      out.push(JSON.parse(rest.subarray(end + 4, end + 4 + length).toString('utf8')));
      rest = rest.subarray(end + 4 + length);
    }
    return out;
  }

  /** Waits for the response to request `id`. */
  response(id: number, timeoutMs = 5000): Promise<{ result?: unknown; error?: { code: number; message: string } }> {
    return this.wakeups.until(
      () => this.messages().find((m) => m.id === id && !m.method),
      `the response to ${id}`,
      timeoutMs,
    );
  }

  /** Waits for the process to exit, and returns its exit code (null when killed by a signal). */
  async exited(timeoutMs = 5000): Promise<number | null> {
    const exit = await this.wakeups.until(() => this.exit, 'the server to exit', timeoutMs);
    return exit.code;
  }

  kill(): void {
    if (!this.exit) this.proc.kill();
  }
}

interface Position {
  line: number;
  character: number;
}

type LspEdit = { range: { start: Position; end: Position }; newText: string };

/** Applies LSP text edits to a string, for checking what a code action would do. */
export function applyLspEdits(text: string, edits: LspEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const off = (p: { line: number; character: number }) => starts[p.line] + p.character;
  const sorted = [...edits].sort((a, b) => off(b.range.start) - off(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
  return out;
}

/**
 * A fresh temporary folder for each test of the calling suite, handed over
 * with the URI of a feed inside it before the test; removed after it.
 */
export function freshFeedFolder(prefix: string, use: (dir: string, uri: string) => void): void {
  let dir = '';
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    use(dir, pathToFileURL(path.join(dir, 'feed.release')).href);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
}
