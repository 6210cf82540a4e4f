/** Go to symbol in workspace: releases of every open feed whose names match the query. */
import type { CancellationToken, SymbolInformation, WorkspaceSymbolParams } from 'vscode-languageserver/node';
import { toSymbolInformation } from '../convert';
import { releaseSymbols } from '../core/index';
import type { FeedDocuments } from '../documents';

export async function provideWorkspaceSymbols(
  documents: FeedDocuments,
  params: WorkspaceSymbolParams,
  token: CancellationToken,
): Promise<SymbolInformation[]> {
  const found: SymbolInformation[] = [];
  for (const doc of documents.all()) {
    const got = await documents.analyzed(doc.uri, token);
    if (!got) continue;
    found.push(...releaseSymbols(got.analysis, params.query).map((s) => toSymbolInformation(doc, doc.uri, s)));
  }
  return found;
}
