/**
 * Cleaning up when the user interrupts a write. Node runs signal handlers
 * only at the event loop, and a signal that arrives while no handler is
 * installed kills the process at once. So handlers are installed only around
 * the write (before it nothing needs cleaning up), the write awaits at points
 * where its state is consistent, and the handlers are removed only after one
 * more turn of the loop, since removing the last listener drops a pending signal.
 */
import { constants as osConstants } from 'node:os';

const HANDLED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Lets the event loop run once, so that a signal received meanwhile reaches its handler now. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Runs `body` with handlers that call `cleanUp` and exit with the conventional
 * code, 128 plus the signal number (130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP).
 * `body` must await `nextTurn()` wherever a signal may be acted on.
 */
export async function withCleanupOnSignal<T>(cleanUp: () => void, body: () => Promise<T>): Promise<T> {
  // Whichever handler runs first exits, so each one cleans up after every write in flight, not only its own:
  // with worker threads, several files may be between their temporary file and its rename at once.
  const onSignal = (signal: NodeJS.Signals): void => {
    for (const cleanUpOne of cleanUpsInFlight) cleanUpOne();
    process.exit(128 + osConstants.signals[signal]);
  };
  cleanUpsInFlight.add(cleanUp);
  for (const signal of HANDLED_SIGNALS) process.on(signal, onSignal);
  try {
    return await body();
  } finally {
    cleanUpsInFlight.delete(cleanUp);
    await nextTurn();
    for (const signal of HANDLED_SIGNALS) process.off(signal, onSignal);
  }
}

const cleanUpsInFlight = new Set<() => void>();
