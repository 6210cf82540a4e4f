/** Folding: one range per release of more than one line. */
import type { CancellationToken, FoldingRange, FoldingRangeParams } from 'vscode-languageserver/node';
import { toFoldingRange } from '../convert';
import { foldingRanges } from '../core/index';
import type { FeedDocuments } from '../documents';

export async function provideFoldingRanges(
  documents: FeedDocuments,
  params: FoldingRangeParams,
  token: CancellationToken,
): Promise<FoldingRange[] | null> {
  const got = await documents.analyzed(params.textDocument.uri, token);
  return got ? foldingRanges(got.analysis).map(toFoldingRange) : null;
}
