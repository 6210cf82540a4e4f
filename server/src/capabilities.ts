/**
 * What the client can do, read once from its `initialize` params. Other editors differ from VS Code in ways
 * that change what the server may send: whether settings can be pulled, whether diagnostics keep their
 * `data`, whether an edit may create a file, and which semantic token types the editor knows.
 */
import type { ClientCapabilities } from 'vscode-languageserver/node';
import { SEMANTIC_TOKEN_TYPES } from './core/index';

export interface ClientFeatures {
  /** `workspace/configuration` may be sent; otherwise settings come with `didChangeConfiguration`. */
  pullConfiguration: boolean;
  registerConfigurationChange: boolean;
  /** The server may register for `workspace/didChangeWatchedFiles` with patterns of its own. */
  registerWatchedFiles: boolean;
  /** The client shows progress the server starts (`window/workDoneProgress/create`). */
  workDoneProgress: boolean;
  /** The client tells when workspace folders come and go. */
  workspaceFolderChanges: boolean;
  /** Diagnostics come back in code-action requests with the `data` the server gave them. */
  diagnosticData: boolean;
  /** A WorkspaceEdit may create a file, which adding to a missing `.pressreleaserc.json` needs. */
  createFiles: boolean;
  /** The semantic token legend, one type per entry of the core's SEMANTIC_TOKEN_TYPES, in its order. */
  tokenTypes: string[];
}

/**
 * Standard token types for the core's custom ones, for editors that do not know `person`, `place` and
 * `organization`. They are the super types that package.json declares for the custom ones, so an editor
 * colours a name the way VS Code colours it under a theme with no rule for the custom type.
 */
export const STANDARD_TOKEN_TYPES: Record<(typeof SEMANTIC_TOKEN_TYPES)[number], string> = {
  person: 'variable',
  place: 'namespace',
  organization: 'class',
};

/** The connected client: what a client that declares nothing can do, until `initialize` tells. */
export interface ConnectedClient {
  features: ClientFeatures;
}

export function unknownClient(): ConnectedClient {
  return { features: readClientFeatures(undefined) };
}

export function readClientFeatures(capabilities: ClientCapabilities | undefined): ClientFeatures {
  const workspace = capabilities?.workspace;
  const edit = workspace?.workspaceEdit;
  const operations: unknown = edit?.resourceOperations;
  return {
    pullConfiguration: workspace?.configuration === true,
    registerConfigurationChange: workspace?.didChangeConfiguration?.dynamicRegistration === true,
    registerWatchedFiles: workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    workDoneProgress: capabilities?.window?.workDoneProgress === true,
    workspaceFolderChanges: workspace?.workspaceFolders === true,
    diagnosticData: capabilities?.textDocument?.publishDiagnostics?.dataSupport === true,
    createFiles: edit?.documentChanges === true && Array.isArray(operations) && operations.includes('create'),
    tokenTypes: semanticLegend(capabilities?.textDocument?.semanticTokens?.tokenTypes),
  };
}

/** Each custom type the client lists is used as is; the others fall back to their standard super type. */
export function semanticLegend(clientTypes: unknown): string[] {
  const known = new Set(Array.isArray(clientTypes) ? clientTypes.filter((t) => typeof t === 'string') : []);
  return SEMANTIC_TOKEN_TYPES.map((t) => (known.has(t) ? t : STANDARD_TOKEN_TYPES[t]));
}
