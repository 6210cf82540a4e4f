/**
 * The server's lifecycle as the LSP spec states it. Before `initialize` every request is refused with
 * ServerNotInitialized and every notification is dropped; after `shutdown` every request is refused with
 * InvalidRequest and notifications are dropped. `exit` itself is left to vscode-languageserver, which exits
 * with 0 after a shutdown and 1 without one.
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';

/**
 * `initializing` lasts from the `initialize` request to the `initialized` notification: requests are served,
 * but nothing is pushed to the client yet, since the client may still be setting itself up.
 */
export type Phase = 'uninitialized' | 'initializing' | 'running' | 'shutdown';

export class Lifecycle {
  private current: Phase = 'uninitialized';
  private readonly onRunning: Array<() => void> = [];
  private readonly onShutdown: Array<() => void> = [];

  get phase(): Phase {
    return this.current;
  }

  get shutdownReceived(): boolean {
    return this.current === 'shutdown';
  }

  /** The error a request must get in the current phase, or undefined when it may be served. */
  refusal(method: string): ResponseError<void> | undefined {
    if (this.current === 'uninitialized') {
      return new ResponseError(ErrorCodes.ServerNotInitialized, `The server is not initialized; ${method} refused.`);
    }
    if (this.current === 'shutdown') {
      return new ResponseError(ErrorCodes.InvalidRequest, `The server is shut down; ${method} refused.`);
    }
    return undefined;
  }

  acceptsNotifications(): boolean {
    return this.current === 'initializing' || this.current === 'running';
  }

  /** Enters `initializing`; throws the spec's error for a second `initialize` or one after shutdown. */
  initialize(): void {
    if (this.current === 'shutdown') throw this.refusal('initialize')!;
    if (this.current !== 'uninitialized') {
      throw new ResponseError(ErrorCodes.InvalidRequest, 'initialize was already received.');
    }
    this.current = 'initializing';
  }

  /** Enters `running` on the `initialized` notification; one out of order is dropped. */
  initialized(): void {
    if (this.current !== 'initializing') return;
    this.current = 'running';
    for (const f of this.onRunning.splice(0)) f();
  }

  /** Enters `shutdown`; throws the spec's error when the server is not initialized or already shut down. */
  shutdown(): void {
    const refusal = this.refusal('shutdown');
    if (refusal) throw refusal;
    this.current = 'shutdown';
    this.onRunning.length = 0;
    for (const f of this.onShutdown.splice(0)) f();
  }

  /** Runs `f` when the client has said `initialized`, at once if it has; never when the server shuts down first. */
  whenRunning(f: () => void): void {
    if (this.current === 'running') f();
    else if (this.current !== 'shutdown') this.onRunning.push(f);
  }

  whenShutdown(f: () => void): void {
    if (this.current === 'shutdown') f();
    else this.onShutdown.push(f);
  }
}
