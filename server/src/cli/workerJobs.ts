/**
 * What a worker thread does: it takes one job at a time from the pool (`workers.ts`), runs it with the same
 * `inProcessEngine` a serial run uses, and answers with plain data: batches of findings as they are found, rule
 * failures, then the end of the job. So a report never depends on the number of workers.
 */
import type { MessagePort } from 'node:worker_threads';
import type { Finding, LintOptions } from '../core/index';
import { inProcessEngine, type FixOutcome } from './engine';
import { describeSystemError } from './errors';

export interface JobRequest {
  id: number;
  kind: 'lint' | 'fix';
  text: string;
  options: LintOptions;
}

export type JobReply =
  | { id: number; kind: 'findings'; batch: readonly Finding[] }
  | { id: number; kind: 'ruleFailed'; ruleId: string; reason: string }
  | { id: number; kind: 'done'; outcome: FixOutcome | undefined }
  | { id: number; kind: 'failed'; reason: string };

const FINDINGS_PER_MESSAGE = 10_000;

/** Answers the pool's jobs on `port` until the pool stops the thread. */
export function serveJobs(port: MessagePort): void {
  port.on('message', (request: JobRequest) => {
    void runJob(request).then((reply) => port.postMessage(reply));
  });

  async function runJob({ id, kind, text, options }: JobRequest): Promise<JobReply> {
    const onRuleFailure = (ruleId: string, reason: string): void =>
      port.postMessage({ id, kind: 'ruleFailed', ruleId, reason } satisfies JobReply);
    try {
      if (kind === 'fix') return { id, kind: 'done', outcome: await inProcessEngine.fix(text, options, onRuleFailure) };
      // The core hands findings over a release at a time; each message costs far more than a few findings, so
      // they are sent in slices of many, which still streams a feed with hundreds of thousands of them.
      let pending: Finding[] = [];
      const send = (): void => {
        if (pending.length > 0) port.postMessage({ id, kind: 'findings', batch: pending } satisfies JobReply);
        pending = [];
      };
      const sink = (batch: readonly Finding[]): void => {
        for (const finding of batch) pending.push(finding);
        if (pending.length >= FINDINGS_PER_MESSAGE) send();
      };
      await inProcessEngine.lint(text, options, sink, onRuleFailure);
      send();
      return { id, kind: 'done', outcome: undefined };
    } catch (e) {
      return { id, kind: 'failed', reason: describeSystemError(e) };
    }
  }
}
