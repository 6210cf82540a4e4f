/** Semantic tokens: people, places and organisations, for themes to colour apart. */
import type { CancellationToken, SemanticTokens, SemanticTokensParams } from 'vscode-languageserver/node';
import { toSemanticTokens } from '../convert';
import { semanticNameTokens } from '../core/index';
import type { FeedDocuments } from '../documents';

export async function provideSemanticTokens(
  documents: FeedDocuments,
  params: SemanticTokensParams,
  token: CancellationToken,
): Promise<SemanticTokens> {
  const got = await documents.analyzed(params.textDocument.uri, token);
  // The result cannot be null, and a document that is not open has no names to mark.
  return got ? toSemanticTokens(got.doc, semanticNameTokens(got.analysis)) : { data: [] };
}
