/**
 * startServer runs on any connection, not only the one main.ts builds from the command line: here on
 * in-memory streams inside the test process, which lets a test reach the server's state directly.
 */
import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startServer } from '../../server/src/server';

describe('startServer in process', function () {
  this.timeout(10_000);

  it('serves a connection of the caller, and follows the lifecycle to shutdown', async () => {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const server = createConnection(
      ProposedFeatures.all,
      new StreamMessageReader(toServer),
      new StreamMessageWriter(toClient),
    );
    const handle = startServer(server);
    const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    const published: PublishDiagnosticsParams[] = [];
    let wake = () => undefined as void;
    client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      published.push(p);
      wake();
    });
    client.onNotification('window/logMessage', () => undefined);
    client.listen();
    try {
      assert.equal(handle.lifecycle.phase, 'uninitialized');
      // No process id, so that vscode-languageserver's watchdog does not poll this process.
      await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
      assert.equal(handle.lifecycle.phase, 'initializing');
      await client.sendNotification('initialized', {});
      const uri = 'untitled:feed';
      const text = 'Court opens on Saturdays 2025-02-05\nBody.\nSource : https://press.example.gov/n/1';
      await client.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'press-release', version: 1, text },
      });
      await new Promise<void>((resolve) => {
        wake = resolve;
        if (published.length > 0) resolve();
      });
      assert.equal(handle.lifecycle.phase, 'running');
      assert.ok(published[0].diagnostics.some((d) => d.code === 'date-format'));
      await client.sendRequest('shutdown');
      assert.equal(handle.lifecycle.shutdownReceived, true);
    } finally {
      // No `exit`: vscode-languageserver would end this process with it.
      client.dispose();
      server.dispose();
    }
  });
});
