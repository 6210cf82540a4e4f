/**
 * Go to Symbol in Workspace: the releases of every file of the workspace index, open or not, whose names match
 * the query. Open documents are summarised from their current analyses first, so that a feed just opened or
 * typed in is searched as it stands.
 */
import type { CancellationToken, SymbolInformation, WorkspaceSymbolParams } from 'vscode-languageserver/node';
import { toIndexedSymbol } from '../convert';
import { matchReleases } from '../core/index';
import { syncOpenDocuments, type IndexedDocuments } from './indexed';

/** At most this many symbols per answer: an empty query in a workspace of ten thousand files matches them all. */
export const MAX_WORKSPACE_SYMBOLS = 1000;

export async function provideWorkspaceSymbols(
  sources: IndexedDocuments,
  params: WorkspaceSymbolParams,
  token: CancellationToken,
): Promise<SymbolInformation[]> {
  await syncOpenDocuments(sources, token);
  return matchReleases(sources.index.summaries.entries(), params.query, MAX_WORKSPACE_SYMBOLS).map((m) =>
    toIndexedSymbol(m.file, m.name, m.release),
  );
}
