/** Document links: every valid Source URL is clickable. */
import type { CancellationToken, DocumentLink, DocumentLinkParams } from 'vscode-languageserver/node';
import { toDocumentLink } from '../convert';
import { documentLinks } from '../core/index';
import type { FeedDocuments } from '../documents';

export async function provideDocumentLinks(
  documents: FeedDocuments,
  params: DocumentLinkParams,
  token: CancellationToken,
): Promise<DocumentLink[] | null> {
  const got = await documents.analyzed(params.textDocument.uri, token);
  return got ? documentLinks(got.analysis).map((link) => toDocumentLink(got.doc, link)) : null;
}
