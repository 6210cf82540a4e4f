/** The status bar's request: how many releases and problems the feed has. */
import { ParameterStructures, RequestType, type CancellationToken } from 'vscode-languageserver/node';
import { STATS_REQUEST, type FeedStats, type StatsParams } from '../../../shared/protocol';
import { feedStats } from '../core/index';
import type { IndexedDocuments } from './indexed';

/** By name, like every LSP request, so that vscode-jsonrpc refuses params sent as an array. */
export const StatsRequest = new RequestType<StatsParams, FeedStats | null, void>(
  STATS_REQUEST,
  ParameterStructures.byName,
);

/** The counts include the cross-file findings, so that the status bar counts what the Problems view shows. */
export async function provideStats(
  { documents, index }: IndexedDocuments,
  params: StatsParams,
  token: CancellationToken,
): Promise<FeedStats | null> {
  const got = await documents.analyzed(params.uri, token);
  if (!got) return null;
  return feedStats(got.analysis, index.findings(params.uri, got.analysis, got.analysis.config, undefined, false));
}
