/**
 * The name features: references, highlights, rename and completion. Each finds the name under the cursor
 * in the feed's name index, so every spelling of a person, place or organisation counts as the same name;
 * references, highlights and rename follow it into the other files of the workspace index too.
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
  type TextDocumentPositionParams,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  documentEdit,
  toCompletionList,
  toDocumentHighlight,
  toLocation,
  toPlacedEdits,
  toPrepareRename,
  toTextEdits,
} from '../convert';
import {
  nameCompletionsAt,
  nameOccurrences,
  prepareRenameName,
  renameRefusal,
  workspaceNameOccurrences,
  workspaceRenameEdits,
  type NameOccurrences,
} from '../core/index';
import type { FeedDocuments } from '../documents';
import { indexKey } from '../index/workspaceIndex';
import { syncOpenDocuments, type IndexedDocuments } from './indexed';

/** The document under the request with the name at its position followed across the workspace. */
async function occurrencesAt(
  sources: IndexedDocuments,
  params: TextDocumentPositionParams,
  token: CancellationToken,
): Promise<{ doc: TextDocument; found: NameOccurrences } | undefined> {
  const { documents, index } = sources;
  await syncOpenDocuments(sources, token);
  const uri = params.textDocument.uri;
  const got = await documents.analyzed(uri, token);
  if (!got) return undefined;
  const found = workspaceNameOccurrences(
    got.analysis,
    got.doc.offsetAt(params.position),
    index.summaries,
    indexKey(uri),
  );
  return found && { doc: got.doc, found };
}

export async function provideReferences(
  sources: IndexedDocuments,
  params: ReferenceParams,
  token: CancellationToken,
): Promise<Location[] | null> {
  const got = await occurrencesAt(sources, params, token);
  if (!got) return null;
  const here = got.found.here.map(({ span }) => toLocation(got.doc, params.textDocument.uri, span));
  const there = got.found.elsewhere.flatMap(({ file, occurrences }) =>
    occurrences.map(({ start, end }) => ({ uri: file, range: { start, end } })),
  );
  return [...here, ...there];
}

/** Highlights stay in the document, so they read its own name index, never the workspace: the cursor moves often. */
export async function provideHighlights(
  documents: FeedDocuments,
  params: DocumentHighlightParams,
  token: CancellationToken,
): Promise<DocumentHighlight[] | null> {
  const got = await documents.analyzed(params.textDocument.uri, token);
  if (!got) return null;
  return nameOccurrences(got.analysis, got.doc.offsetAt(params.position)).map((span) =>
    toDocumentHighlight(got.doc, span),
  );
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

/**
 * Every spelling of the name, in this document and in the other files of the workspace, becomes the new name;
 * text that is not a name is refused with the reason.
 */
export async function provideRename(
  sources: IndexedDocuments,
  params: RenameParams,
  token: CancellationToken,
): Promise<WorkspaceEdit | null> {
  const refusal = renameRefusal(params.newName);
  if (refusal) throw new ResponseError(ErrorCodes.InvalidParams, refusal);
  const got = await occurrencesAt(sources, params, token);
  if (!got) return null;
  const { here, elsewhere } = workspaceRenameEdits(got.found, params.newName);
  const edit = documentEdit(params.textDocument.uri, toTextEdits(got.doc, here));
  for (const { file, edits } of elsewhere) edit.changes![file] = toPlacedEdits(edits);
  return edit;
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
