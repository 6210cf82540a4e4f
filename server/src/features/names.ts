/**
 * The name features: references, highlights, rename and completion. Each finds the name under the cursor
 * in the feed's name index, so every spelling of a person, place or organisation counts as the same name.
 */
import {
  ErrorCodes,
  ResponseError,
  type CancellationToken,
  type CompletionList,
  type CompletionParams,
  type DocumentHighlight,
  type DocumentHighlightParams,
  type Location,
  type PrepareRenameParams,
  type Range,
  type ReferenceParams,
  type RenameParams,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import {
  documentEdit,
  toCompletionList,
  toDocumentHighlight,
  toLocation,
  toPrepareRename,
  toTextEdits,
} from '../convert';
import { nameCompletionsAt, nameOccurrences, prepareRenameName, renameEdits, renameRefusal } from '../core/index';
import type { FeedDocuments } from '../documents';

export async function provideReferences(
  documents: FeedDocuments,
  params: ReferenceParams,
  token: CancellationToken,
): Promise<Location[] | null> {
  const got = await documents.analyzed(params.textDocument.uri, token);
  if (!got) return null;
  const spans = nameOccurrences(got.analysis, got.doc.offsetAt(params.position));
  return spans.map((span) => toLocation(got.doc, params.textDocument.uri, span));
}

export async function provideHighlights(
  documents: FeedDocuments,
  params: DocumentHighlightParams,
  token: CancellationToken,
): Promise<DocumentHighlight[] | null> {
  const got = await documents.analyzed(params.textDocument.uri, token);
  if (!got) return null;
  const spans = nameOccurrences(got.analysis, got.doc.offsetAt(params.position));
  return spans.map((span) => toDocumentHighlight(got.doc, span));
}

/** The name rename would change; null makes the editor say that this element cannot be renamed. */
export async function providePrepareRename(
  documents: FeedDocuments,
  params: PrepareRenameParams,
  token: CancellationToken,
): Promise<{ range: Range; placeholder: string } | null> {
  const got = await documents.analyzed(params.textDocument.uri, token);
  if (!got) return null;
  const span = prepareRenameName(got.analysis, got.doc.offsetAt(params.position));
  return span ? toPrepareRename(got.doc, span) : null;
}

/** Every spelling of the name becomes the new name; text that is not a name is refused with the reason. */
export async function provideRename(
  documents: FeedDocuments,
  params: RenameParams,
  token: CancellationToken,
): Promise<WorkspaceEdit | null> {
  const refusal = renameRefusal(params.newName);
  if (refusal) throw new ResponseError(ErrorCodes.InvalidParams, refusal);
  const got = await documents.analyzed(params.textDocument.uri, token);
  if (!got) return null;
  const edits = renameEdits(got.analysis, got.doc.offsetAt(params.position), params.newName);
  return edits ? documentEdit(params.textDocument.uri, toTextEdits(got.doc, edits)) : null;
}

export async function provideCompletion(
  documents: FeedDocuments,
  params: CompletionParams,
  token: CancellationToken,
): Promise<CompletionList | null> {
  const got = await documents.analyzed(params.textDocument.uri, token);
  if (!got) return null;
  return toCompletionList(got.doc, nameCompletionsAt(got.analysis, got.doc.offsetAt(params.position)));
}
