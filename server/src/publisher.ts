/**
 * Publishes diagnostics only while the client listens: they wait for the `initialized` notification (the
 * client may not have set up its handlers before), only the newest set per document is kept meanwhile,
 * and nothing is sent after `shutdown`.
 */
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import type { Lifecycle } from './lifecycle';

export class DiagnosticsPublisher {
  private readonly waiting = new Map<string, PublishDiagnosticsParams>();

  constructor(
    private readonly lifecycle: Lifecycle,
    private readonly send: (params: PublishDiagnosticsParams) => Promise<void>,
  ) {
    lifecycle.whenRunning(() => {
      const queued = [...this.waiting.values()];
      this.waiting.clear();
      for (const p of queued) void this.send(p);
    });
    lifecycle.whenShutdown(() => this.waiting.clear());
  }

  publish(params: PublishDiagnosticsParams): Promise<void> {
    switch (this.lifecycle.phase) {
      case 'running':
        return this.send(params);
      case 'shutdown':
        return Promise.resolve();
      default:
        this.waiting.set(params.uri, params);
        return Promise.resolve();
    }
  }
}
