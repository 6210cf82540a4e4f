/**
 * Format Document: the safe fixes, as `--fix` applies them, returned as the few edits that turn the document
 * into its fixed text. The core does the work; this looks the document up and maps the result.
 */
import type { CancellationToken, DocumentFormattingParams, TextEdit } from 'vscode-languageserver/node';
import { throwIfCancelled, untilCancelled } from '../cancellation';
import type { ConfigStore } from '../configStore';
import { toTextEdits } from '../convert';
import { formatEdits, type OnError } from '../core/index';
import type { FeedDocuments } from '../documents';

export interface FormattingSources {
  documents: FeedDocuments;
  configs: ConfigStore;
  onRuleError: OnError;
}

export async function provideFormatting(
  sources: FormattingSources,
  params: DocumentFormattingParams,
  token: CancellationToken,
): Promise<TextEdit[] | null> {
  const uri = params.textDocument.uri;
  if (!sources.documents.get(uri)) return null;
  const { config } = await untilCancelled(sources.configs.get(uri), token);
  // Looked up again after the wait: the document may have been closed, and its text is read once from here.
  const doc = sources.documents.get(uri);
  if (!doc) return null;
  const edits = formatEdits(doc.getText(), { config }, sources.onRuleError);
  throwIfCancelled(token);
  return toTextEdits(doc, edits);
}
