/**
 * The Releases view's request: every release of the workspace index, newest first, with its problem counts. Open
 * documents are summarised and counted from their current analyses; other files have the counts the index's
 * counting pass stored, or none yet. Cross-file findings are added here, since they change with other files.
 */
import { RequestType, ParameterStructures, type CancellationToken } from 'vscode-languageserver/node';
import { RELEASES_REQUEST, type ReleaseEntry, type ReleasesParams } from '../../../shared/protocol';
import { throwIfCancelled } from '../cancellation';
import { toReleaseEntry } from '../convert';
import { analysisCounts, byNewest, listFile, type Config, type ListedRelease, type ProblemCounts } from '../core/index';
import { indexKey } from '../index/workspaceIndex';
import type { IndexedDocuments } from './indexed';

/** By name, like every LSP request, so that vscode-jsonrpc refuses params sent as an array. */
export const ReleasesRequest = new RequestType<ReleasesParams, ReleaseEntry[], void>(
  RELEASES_REQUEST,
  ParameterStructures.byName,
);

interface Counted {
  counts: ProblemCounts[];
  config: Config;
}

export async function provideReleases(
  sources: IndexedDocuments,
  _params: ReleasesParams,
  token: CancellationToken,
): Promise<ReleaseEntry[]> {
  const { documents, index } = sources;
  const open = new Map<string, Counted>();
  for (const doc of documents.all()) {
    const got = await documents.analyzed(doc.uri, token);
    if (!got) continue;
    index.opened(doc.uri, got.analysis);
    const { config } = await documents.configOf(doc.uri);
    open.set(indexKey(doc.uri), { counts: analysisCounts(got.analysis), config });
  }
  throwIfCancelled(token);
  const listed: ListedRelease[] = [];
  for (const [file, summary] of index.summaries.entries()) {
    const own = open.get(file);
    const counts = own ? own.counts : summary.counts;
    const config = own?.config ?? index.diskConfigOf(file);
    // Cross-file findings only add to counts, so their fixes and related places are not made; a file not counted
    // yet shows none, so they are not looked for.
    const crossFile = counts && config ? index.findingsOfKey(file, config, undefined, false) : [];
    listed.push(...listFile(file, summary, counts, crossFile));
  }
  return listed.sort(byNewest).map(toReleaseEntry);
}
