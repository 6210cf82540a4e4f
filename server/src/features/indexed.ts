import type { CancellationToken } from 'vscode-languageserver/node';
import type { FeedDocuments } from '../documents';
import type { WorkspaceIndex } from '../index/workspaceIndex';

/** What the features that reach into other files read: the open documents, and the workspace index for the rest. */
export interface IndexedDocuments {
  documents: FeedDocuments;
  index: WorkspaceIndex;
}

/**
 * Brings the index up to date with the current text of every open document. Validation gives the index an open
 * document's summary only when it runs, 150 ms after a keystroke, so a feature that reads other open documents'
 * places (rename, references, workspace symbols) would otherwise read them as they were before the last edit.
 */
export async function syncOpenDocuments(
  { documents, index }: IndexedDocuments,
  token: CancellationToken,
): Promise<void> {
  for (const doc of documents.all()) {
    const got = await documents.analyzed(doc.uri, token);
    if (got) index.opened(doc.uri, got.analysis);
  }
}
