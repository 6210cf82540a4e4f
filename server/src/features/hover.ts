/** Hover: facts about the date, name, title or Source under the cursor. */
import type { CancellationToken, Hover, HoverParams } from 'vscode-languageserver/node';
import { toHover } from '../convert';
import { hoverAt } from '../core/index';
import type { FeedDocuments } from '../documents';

export async function provideHover(
  documents: FeedDocuments,
  params: HoverParams,
  token: CancellationToken,
): Promise<Hover | null> {
  const got = await documents.analyzed(params.textDocument.uri, token);
  if (!got) return null;
  const info = hoverAt(got.analysis, got.doc.offsetAt(params.position));
  return info ? toHover(got.doc, info) : null;
}
