import type { FeedDocuments } from '../documents';
import type { WorkspaceIndex } from '../index/workspaceIndex';

/** What the features that reach into other files read: the open documents, and the workspace index for the rest. */
export interface IndexedDocuments {
  documents: FeedDocuments;
  index: WorkspaceIndex;
}
