/** The outline of one feed: categories, releases, sub-headings and Sources. */
import type { CancellationToken, DocumentSymbol, DocumentSymbolParams } from 'vscode-languageserver/node';
import { toDocumentSymbol } from '../convert';
import { outline } from '../core/index';
import type { FeedDocuments } from '../documents';

export async function provideDocumentSymbols(
  documents: FeedDocuments,
  params: DocumentSymbolParams,
  token: CancellationToken,
): Promise<DocumentSymbol[] | null> {
  const got = await documents.analyzed(params.textDocument.uri, token);
  return got ? outline(got.analysis).map((node) => toDocumentSymbol(got.doc, node)) : null;
}
