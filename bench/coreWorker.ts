/**
 * The bench's side of bench/worker.ts: one build's core in a child process, asked one thing at a time, each
 * with a deadline. A worker that misses it is killed; one that dies says whether memory ran out.
 */
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { isOutOfMemory, lastLine, track } from './processes';
import type { Failure } from './report';
import type { Command, Reply } from './worker';

const WORKER = path.join(__dirname, 'worker.js');

export class CoreWorker {
  private readonly proc: ChildProcess;
  private stderr = '';
  private dead: Failure | undefined;

  constructor(coreIndex: string) {
    this.proc = track(fork(WORKER, [coreIndex], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] }));
    this.proc.stderr!.on('data', (d: Buffer) => (this.stderr = (this.stderr + d.toString('utf8')).slice(-4000)));
  }

  /** Sends one command and waits for its reply; after a failure the worker is gone and every ask fails alike. */
  ask(cmd: Command, deadlineMs: number): Promise<Reply | Failure> {
    if (this.dead) return Promise.resolve(this.dead);
    return new Promise((resolve) => {
      const done = (result: Reply | Failure): void => {
        clearTimeout(timer);
        this.proc.off('message', onMessage);
        this.proc.off('exit', onExit);
        if ('kind' in result) {
          this.dead = result;
          this.proc.kill('SIGKILL');
        }
        resolve(result);
      };
      const onMessage = (m: { ok?: Reply; error?: string }): void =>
        done(m.ok ?? { kind: 'failed', reason: m.error ?? 'no reply' });
      const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
        // The exit can come before the last of stderr; give it a moment to say why.
        setTimeout(() => {
          if (isOutOfMemory(this.stderr, signal)) done({ kind: 'oom' });
          else done({ kind: 'failed', reason: `worker exited (${code ?? signal}): ${lastLine(this.stderr)}` });
        }, 100);
      };
      const timer = setTimeout(() => done({ kind: 'timeout', seconds: Math.round(deadlineMs / 1000) }), deadlineMs);
      this.proc.on('message', onMessage);
      this.proc.on('exit', onExit);
      this.proc.send(cmd);
    });
  }

  kill(): void {
    this.proc.kill('SIGKILL');
  }
}

/**
 * Runs one command in a fresh worker and ends it. A warm-up command runs first, untimed, so that the figure
 * is the work the input costs rather than the compiling of the code, and growth with size shows clearly.
 */
export async function once(
  coreIndex: string,
  warmUp: Command,
  cmd: Command,
  deadlineMs: number,
): Promise<Reply | Failure> {
  const worker = new CoreWorker(coreIndex);
  try {
    const warm = await worker.ask(warmUp, deadlineMs);
    if ('kind' in warm) return warm;
    return await worker.ask(cmd, deadlineMs);
  } finally {
    worker.kill();
  }
}
