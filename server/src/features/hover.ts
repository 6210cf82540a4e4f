/** Hover: facts about the date, name, acronym, title or Source under the cursor. */
import type { CancellationToken, Hover, HoverParams } from 'vscode-languageserver/node';
import { toHover } from '../convert';
import { hoverAt } from '../core/index';
import { indexKey } from '../index/workspaceIndex';
import type { IndexedDocuments } from './indexed';

export async function provideHover(
  { documents, index }: IndexedDocuments,
  params: HoverParams,
  token: CancellationToken,
): Promise<Hover | null> {
  const uri = params.textDocument.uri;
  const got = await documents.analyzed(uri, token);
  if (!got) return null;
  const workspace = { summaries: index.summaries, file: indexKey(uri) };
  const info = hoverAt(got.analysis, got.doc.offsetAt(params.position), workspace);
  return info ? toHover(got.doc, info) : null;
}
