/** The outline of one feed: categories, releases, sub-headings and, when the user asks for them, Sources. */
import type { CancellationToken, DocumentSymbol, DocumentSymbolParams } from 'vscode-languageserver/node';
import { untilCancelled } from '../cancellation';
import type { ConfigStore } from '../configStore';
import { toDocumentSymbol } from '../convert';
import { outline } from '../core/index';
import type { FeedDocuments } from '../documents';

/** Where the outline finds its inputs: the analysis, and the user's `pressRelease.outline` settings. */
export interface SymbolSources {
  documents: FeedDocuments;
  configs: ConfigStore;
}

export async function provideDocumentSymbols(
  sources: SymbolSources,
  params: DocumentSymbolParams,
  token: CancellationToken,
): Promise<DocumentSymbol[] | null> {
  const uri = params.textDocument.uri;
  const got = await sources.documents.analyzed(uri, token);
  if (!got) return null;
  const { editor } = await untilCancelled(sources.configs.get(uri), token);
  return outline(got.analysis, { sources: editor.outlineSources }).map((node) => toDocumentSymbol(got.doc, node));
}
