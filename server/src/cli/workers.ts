/**
 * A pool of worker threads that lint and fix texts, one job per worker at a time; it is a `LintEngine`, so
 * `checkInput` does not know where its linting runs. Only the linting moves: reading, writing (`--fix`'s safe
 * write and its signal handling) and reporting stay in the main thread. Each job's findings come back in
 * batches as the worker finds them.
 */
import { Worker } from 'node:worker_threads';
import type { Finding, LintOptions } from '../core/index';
import type { FixOutcome, LintEngine, RuleFailureSink } from './engine';
import type { JobReply, JobRequest } from './workerJobs';

interface PendingJob {
  request: JobRequest;
  sink(batch: readonly Finding[]): void;
  onRuleFailure: RuleFailureSink;
  resolve(outcome: FixOutcome | undefined): void;
  reject(e: unknown): void;
}

export class WorkerPool implements LintEngine {
  private readonly idle: Worker[] = [];
  private readonly running = new Map<Worker, PendingJob>();
  private readonly queue: PendingJob[] = [];
  private readonly lost = new WeakSet<Worker>();
  private started = 0;
  private nextId = 0;
  private closed = false;

  /** `workerFile` is the bundled worker entry, `dist/cliWorker.js`. Workers start when the first jobs come. */
  constructor(
    private readonly size: number,
    private readonly workerFile: string,
  ) {}

  async lint(
    text: string,
    options: LintOptions,
    sink: (batch: readonly Finding[]) => void,
    onRuleFailure: RuleFailureSink,
  ): Promise<void> {
    await this.submit({ id: this.nextId++, kind: 'lint', text, options }, sink, onRuleFailure);
  }

  async fix(text: string, options: LintOptions, onRuleFailure: RuleFailureSink): Promise<FixOutcome> {
    const request: JobRequest = { id: this.nextId++, kind: 'fix', text, options };
    // A fix job always ends with its outcome; the workers' protocol guarantees it.
    return (await this.submit(request, () => undefined, onRuleFailure))!;
  }

  /** Stops every worker; jobs still waiting fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('the worker pool was closed'));
    await Promise.all([...this.idle, ...this.running.keys()].map((worker) => worker.terminate()));
  }

  private submit(
    request: JobRequest,
    sink: (batch: readonly Finding[]) => void,
    onRuleFailure: RuleFailureSink,
  ): Promise<FixOutcome | undefined> {
    if (this.closed) return Promise.reject(new Error('the worker pool was closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ request, sink, onRuleFailure, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.started < this.size ? this.startWorker() : undefined);
      if (!worker) return;
      const job = this.queue.shift()!;
      this.running.set(worker, job);
      worker.postMessage(job.request);
    }
  }

  private startWorker(): Worker {
    this.started++;
    const worker = new Worker(this.workerFile);
    worker.on('message', (reply: JobReply) => this.onReply(worker, reply));
    // A worker that dies takes its job with it; the run then ends as with any internal error.
    worker.on('error', (e) => this.onWorkerLost(worker, e));
    worker.on('exit', (code) => this.onWorkerLost(worker, new Error(`a worker thread stopped (exit code ${code})`)));
    return worker;
  }

  private onReply(worker: Worker, reply: JobReply): void {
    const job = this.running.get(worker);
    if (!job) return;
    if (reply.kind === 'findings') return job.sink(reply.batch);
    if (reply.kind === 'ruleFailed') return job.onRuleFailure(reply.ruleId, reply.reason);
    this.running.delete(worker);
    this.idle.push(worker);
    if (reply.kind === 'failed') job.reject(new Error(reply.reason));
    else job.resolve(reply.outcome);
    this.dispatch();
  }

  /** A worker that failed says so twice, by 'error' and then by 'exit'; only the first counts. */
  private onWorkerLost(worker: Worker, e: unknown): void {
    if (this.closed || this.lost.has(worker)) return;
    this.lost.add(worker);
    const job = this.running.get(worker);
    this.running.delete(worker);
    const index = this.idle.indexOf(worker);
    if (index >= 0) this.idle.splice(index, 1);
    this.started--;
    job?.reject(e);
    this.dispatch();
  }
}
