/**
 * One-line descriptions of errors. Clients show the server's log lines and stderr to users, and a stack
 * trace there says nothing a user can act on, so every message the server writes names the error in one line.
 */

/** The error's class and message on one line, without its stack. */
export function describeError(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return oneLine(text);
}

/** Folds line breaks into spaces and bounds the length, so that one event stays one line of a log. */
export function oneLine(text: string, max = 300): string {
  const flat = text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
