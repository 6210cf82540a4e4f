/**
 * Cancellation as the spec asks for it: a cancelled request is answered with RequestCancelled, not with an
 * empty result that the client would take for "nothing here".
 */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';

export function cancelledError(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

export function throwIfCancelled(token: CancellationToken): void {
  if (token.isCancellationRequested) throw cancelledError();
}

/**
 * Waits for `promise`, but rejects with RequestCancelled as soon as the token fires, so that a request waiting
 * on something slow (the client's settings) is answered at once when the client gives up on it.
 */
export function untilCancelled<T>(promise: Promise<T>, token: CancellationToken): Promise<T> {
  if (token.isCancellationRequested) return Promise.reject(cancelledError());
  return new Promise<T>((resolve, reject) => {
    const listener = token.onCancellationRequested(() => reject(cancelledError()));
    promise.then(
      (value) => {
        listener.dispose();
        resolve(value);
      },
      (e: unknown) => {
        listener.dispose();
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
