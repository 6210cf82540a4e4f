/**
 * The one boundary every message passes on its way to a handler: the lifecycle gate, the params check, and
 * cancellation. Handlers behind it trust their params, and never answer a cancelled request with a result.
 */
import {
  ErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
  type NotificationHandler,
  type RequestHandler,
  type RequestType,
} from 'vscode-languageserver/node';
import { throwIfCancelled } from './cancellation';
import { describeError } from './errors';
import type { Lifecycle } from './lifecycle';
import { paramsProblem, type Check } from './params';

/** Where the boundary writes: `warn` for what the client got wrong, `error` for the server's own bugs. */
/** Functions, not methods, so that a part of the server can be handed `log.warn` on its own. */
export interface Log {
  warn: (line: string) => void;
  error: (line: string) => void;
}

/** The client's log: every client shows the server's log lines in its output. */
export function connectionLog(connection: Connection): Log {
  return {
    warn: (line) => connection.console.warn(line),
    error: (line) => connection.console.error(line),
  };
}

export type Handler<P, R> = (params: P, token: CancellationToken) => R | PromiseLike<R>;
export type GuardedHandler<P, R> = (params: P, token: CancellationToken) => Promise<R>;

/** The guards below, bound to one connection and lifecycle, so that registering a handler is one line. */
export class Boundary {
  constructor(
    private readonly connection: Connection,
    private readonly lifecycle: Lifecycle,
    readonly log: Log,
  ) {}

  /** Registers a request handler behind the guard. */
  serve<P, R>(type: RequestType<P, R, void>, check: Check, handler: Handler<P, R>): void {
    this.connection.onRequest(type, this.request(type.method, check, handler) as RequestHandler<P, R, void>);
  }

  /** A request handler behind the guard, for the registrations that vscode-languageserver makes itself. */
  request<P, R>(method: string, check: Check, handler: Handler<P, R>): GuardedHandler<P, R> {
    return guardRequest(this.lifecycle, method, check, this.log, handler);
  }

  /** A notification handler behind the guard. */
  notification<P>(method: string, check: Check, handler: (params: P) => void | Promise<void>): NotificationHandler<P> {
    return guardNotification(this.lifecycle, method, check, this.log, handler);
  }
}

/** Wraps a request handler; what it throws reaches the client as a ResponseError with the right code. */
export function guardRequest<P, R>(
  lifecycle: Lifecycle,
  method: string,
  check: Check,
  log: Log,
  handler: Handler<P, R>,
): GuardedHandler<P, R> {
  return async (params, token) => {
    const refusal = lifecycle.refusal(method);
    if (refusal) throw refusal;
    const problem = paramsProblem(check, params);
    if (problem) throw new ResponseError(ErrorCodes.InvalidParams, `Invalid ${method} params: ${problem}.`);
    throwIfCancelled(token);
    let result: R;
    try {
      result = await handler(params, token);
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      // A bug, not the client's fault: say so in one line, and answer InternalError without a stack trace.
      log.error(`${method} failed: ${describeError(e)}`);
      throw new ResponseError(ErrorCodes.InternalError, `${method} failed: ${describeError(e)}`);
    }
    // A result computed after the client gave up would be applied to a document that has moved on.
    throwIfCancelled(token);
    return result;
  };
}

/** Wraps a notification handler: dropped outside the lifecycle's running phases, or with bad params (logged). */
export function guardNotification<P>(
  lifecycle: Lifecycle,
  method: string,
  check: Check,
  log: Log,
  handler: (params: P) => void | Promise<void>,
): (params: P) => void {
  const failed = (e: unknown) => log.error(`${method} failed: ${describeError(e)}`);
  return (params) => {
    if (!lifecycle.acceptsNotifications()) return;
    const problem = paramsProblem(check, params);
    if (problem) {
      log.warn(`Dropped ${method}: ${problem}.`);
      return;
    }
    try {
      // Nobody answers a notification, so an asynchronous handler's failure is logged here or nowhere.
      handler(params)?.catch(failed);
    } catch (e) {
      failed(e);
    }
  };
}
