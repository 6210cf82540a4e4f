/**
 * Checks of request and notification params at the handler boundary. A client may send anything; a check
 * names the first thing wrong, so that the request is refused with InvalidParams and a clear message instead
 * of crashing into InternalError somewhere inside a handler.
 */

/** Returns what is wrong with `value`, found at `path`, or undefined when it fits. */
export type Check = (value: unknown, path: string) => string | undefined;

export const anything: Check = () => undefined;

export const string: Check = (v, path) => (typeof v === 'string' ? undefined : `${path} must be a string`);

export const boolean: Check = (v, path) => (typeof v === 'boolean' ? undefined : `${path} must be a boolean`);

export const integer: Check = (v, path) => (Number.isSafeInteger(v) ? undefined : `${path} must be an integer`);

/** LSP's uinteger: positions are never negative and fit in 31 bits. */
export const uinteger: Check = (v, path) =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 0x7fffffff
    ? undefined
    : `${path} must be a non-negative integer`;

export function optional(check: Check): Check {
  return (v, path) => (v === undefined || v === null ? undefined : check(v, path));
}

export function arrayOf(check: Check): Check {
  return (v, path) => {
    if (!Array.isArray(v)) return `${path} must be an array`;
    for (let i = 0; i < v.length; i++) {
      const problem = check(v[i], `${path}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  };
}

/** An object with at least these properties; others are allowed, as the protocol grows. */
export function object(shape: Record<string, Check>): Check {
  return (v, path) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return `${path} must be an object`;
    for (const [key, check] of Object.entries(shape)) {
      const problem = check((v as Record<string, unknown>)[key], `${path}.${key}`);
      if (problem) return problem;
    }
    return undefined;
  };
}

const textDocument = object({ uri: string });
const position = object({ line: uinteger, character: uinteger });
const range = object({ start: position, end: position });

/** The params each handler relies on. Only what the server reads is checked. */
export const PARAMS = {
  textDocument: object({ textDocument }),
  position: object({ textDocument, position }),
  rename: object({ textDocument, position, newName: string }),
  codeAction: object({
    textDocument,
    range,
    context: object({ diagnostics: arrayOf(object({ range })), only: optional(arrayOf(string)) }),
  }),
  workspaceSymbol: object({ query: string }),
  stats: object({ uri: string }),
  releases: optional(object({})),
  didOpen: object({ textDocument: object({ uri: string, languageId: string, version: integer, text: string }) }),
  didChange: object({
    textDocument: object({ uri: string, version: integer }),
    contentChanges: arrayOf(object({ text: string, range: optional(range) })),
  }),
  didClose: object({ textDocument }),
  willSave: object({ textDocument }),
  didChangeConfiguration: optional(object({})),
  didChangeWatchedFiles: object({ changes: arrayOf(object({ uri: string })) }),
} satisfies Record<string, Check>;

/** The first problem of `params`, checked as the params of a message. */
export function paramsProblem(check: Check, params: unknown): string | undefined {
  return check(params, 'params');
}
