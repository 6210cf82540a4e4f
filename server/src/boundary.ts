/**
 * The one boundary every message passes on its way to a handler: the lifecycle gate, the params check, and
 * cancellation. Handlers behind it trust their params, and never answer a cancelled request with a result.
 */
import { ErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';
import { throwIfCancelled } from './cancellation';
import { describeError } from './errors';
import type { Lifecycle } from './lifecycle';
import { paramsProblem, type Check } from './params';

/** Where the boundary writes: `warn` for what the client got wrong, `error` for the server's own bugs. */
export interface Log {
  warn(line: string): void;
  error(line: string): void;
}

/** Wraps a request handler; what it throws reaches the client as a ResponseError with the right code. */
export function guardRequest<P, R>(
  lifecycle: Lifecycle,
  method: string,
  check: Check,
  log: Log,
  handler: (params: P, token: CancellationToken) => R | PromiseLike<R>,
): (params: P, token: CancellationToken) => Promise<R> {
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
  handler: (params: P) => void,
): (params: P) => void {
  return (params) => {
    if (!lifecycle.acceptsNotifications()) return;
    const problem = paramsProblem(check, params);
    if (problem) {
      log.warn(`Dropped ${method}: ${problem}.`);
      return;
    }
    try {
      handler(params);
    } catch (e) {
      log.error(`${method} failed: ${describeError(e)}`);
    }
  };
}
