/** The status bar's request: how many releases and problems the feed has. */
import { ParameterStructures, RequestType, type CancellationToken } from 'vscode-languageserver/node';
import { STATS_REQUEST, type FeedStats, type StatsParams } from '../../../shared/protocol';
import { feedStats } from '../core/index';
import type { FeedDocuments } from '../documents';

/** By name, like every LSP request, so that vscode-jsonrpc refuses params sent as an array. */
export const StatsRequest = new RequestType<StatsParams, FeedStats | null, void>(
  STATS_REQUEST,
  ParameterStructures.byName,
);

export async function provideStats(
  documents: FeedDocuments,
  params: StatsParams,
  token: CancellationToken,
): Promise<FeedStats | null> {
  const got = await documents.analyzed(params.uri, token);
  return got ? feedStats(got.analysis) : null;
}
