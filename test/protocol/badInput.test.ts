/**
 * The server never hangs, leaks or lies, whatever the client sends: bytes that are not LSP, messages out of
 * order, malformed params, cancelled requests, a client that never answers. Each test runs its own server
 * over stdio, and checks that nothing the server wrote holds a stack trace.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { frame, freshFeedFolder, hasStackTrace, RawServer, SERVER, session } from '../support/lspClient';

const FEED = [
  'Court opens on Saturdays 2025-02-05',
  'The district court opens a reception for citizens on Saturdays so that people who work can file documents.It will',
  'not need a day off, the court said in a statement on its website on Monday.',
  'Source : https://press.example.gov/entities/court/press/news/details/930630',
].join('\n');

const INITIALIZE = { processId: null, rootUri: null, capabilities: {} };

/** The error code a request was answered with, or undefined when it succeeded. */
async function errorCode(p: Promise<unknown>): Promise<number | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    assert.ok(e instanceof ResponseError, `expected a ResponseError, got ${String(e)}`);
    assert.ok(!hasStackTrace(e.message), 'the error message holds a stack trace');
    return e.code;
  }
}

describe('bad input over stdio', function () {
  this.timeout(15_000);
  let dir: string;
  let uri: string;
  freshFeedFolder('prl-bad-', (d, u) => {
    dir = d;
    uri = u;
  });

  describe('framing', () => {
    const faults: Array<[string, string]> = [
      ['a Content-Length that is not a number', 'Content-Length: abc\r\n\r\n{}'],
      ['a header without Content-Length', 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}'],
      ['a body without any header', '{"jsonrpc":"2.0","id":2,"method":"shutdown"}'],
      ['a body that is not JSON', 'Content-Length: 9\r\n\r\n{"id": 2,'],
    ];
    for (const [what, bytes] of faults) {
      it(`exits non-zero, with one line on stderr, on ${what}`, async () => {
        const server = new RawServer();
        try {
          // A working connection first, so that the fault is what ends it.
          server.write(frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: INITIALIZE }));
          assert.ok((await server.response(1)).result);
          server.write(bytes);
          const code = await server.exited();
          assert.ok(code !== null && code !== 0, `exit code ${code}`);
          assert.match(server.stderr, /^Press Release Lint server: cannot read the client's messages: .+\n$/);
          assert.ok(!hasStackTrace(server.stderr));
        } finally {
          server.kill();
        }
      });
    }
  });

  it('logs a well-framed message it cannot handle in one line, and serves the next one', async () => {
    const server = new RawServer();
    try {
      server.write(
        Buffer.concat([
          frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: INITIALIZE }),
          frame({ jsonrpc: '2.0', method: '$/cancelRequest' }),
          frame({ jsonrpc: '2.0', id: 2, method: 'shutdown' }),
        ]),
      );
      assert.deepEqual(await server.response(2), { jsonrpc: '2.0', id: 2, result: null });
      const logs = server.messages().filter((m) => m.method === 'window/logMessage');
      const line = logs.map((m) => (m as { params: { message: string } }).params.message).find((l) => /handle/.test(l));
      assert.match(line ?? '', /^Could not handle a message: TypeError: .*$/);
      server.write(frame({ jsonrpc: '2.0', method: 'exit' }));
      assert.equal(await server.exited(), 0);
    } finally {
      server.kill();
    }
  });

  it('exits 2 with one line on stderr when started without a transport', () => {
    const run = spawnSync(process.execPath, [SERVER], { encoding: 'utf8', timeout: 5000 });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^Press Release Lint server: start me with --stdio, --node-ipc, .*\n$/);
  });

  describe('lifecycle', () => {
    it('refuses requests before initialize with ServerNotInitialized, and drops notifications', async () => {
      await session({ rootDir: dir }, async (client) => {
        const hover = { textDocument: { uri }, position: { line: 0, character: 0 } };
        assert.equal(await errorCode(client.request('textDocument/hover', hover)), -32002);
        assert.equal(await errorCode(client.request('pressRelease/stats', { uri })), -32002);
        assert.equal(await errorCode(client.request('no/suchMethod', {})), -32002);
        await client.open(uri, FEED);
        await client.initialize();
        // The document opened too early is unknown: no outline, and no diagnostics after a round trip.
        assert.equal(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), null);
        assert.equal(await client.request('pressRelease/stats', { uri }), null);
        assert.equal(client.current(uri), undefined);
        assert.equal(await errorCode(client.request('no/suchMethod', {})), -32601);
      });
    });

    it('refuses a second initialize with InvalidRequest', async () => {
      await session({ rootDir: dir }, async (client) => {
        await client.initialize();
        const again = client.request('initialize', { processId: null, rootUri: null, capabilities: {} });
        assert.equal(await errorCode(again), -32600);
      });
    });

    it('refuses requests after shutdown with InvalidRequest, and exit then exits 0', async () => {
      await session({ rootDir: dir }, async (client) => {
        await client.initialize();
        await client.open(uri, FEED);
        await client.diagnosticsFor(uri);
        assert.equal(await client.request('shutdown'), null);
        assert.equal(await errorCode(client.request('textDocument/documentSymbol', { textDocument: { uri } })), -32600);
        assert.equal(await errorCode(client.request('no/suchMethod', {})), -32600);
        assert.equal(await errorCode(client.request('shutdown')), -32600);
        await client.connection.sendNotification('exit');
        assert.equal(await client.exited, 0);
      });
    });

    it('exits 1 on exit without shutdown', async () => {
      await session({ rootDir: dir }, async (client) => {
        await client.initialize();
        await client.connection.sendNotification('exit');
        assert.equal(await client.exited, 1);
      });
    });

    it('publishes no diagnostics before initialized, and publishes them once it arrives', async () => {
      await session({ rootDir: dir }, async (client) => {
        await client.initialize({ initialized: false });
        await client.open(uri, FEED);
        // Nothing but the validation of the opened document asks for settings, so it is under way.
        await client.waitFor(() => (client.configurationRequests > 0 ? true : undefined), 'a settings request');
        // The first request waits for the same settings as the validation; when the second is served, the
        // validation has run to its end, and a server that did not queue would have published already.
        const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', textDocument(uri));
        assert.equal(symbols.length, 1);
        await client.request('pressRelease/stats', { uri });
        assert.equal(client.publishes.length, 0);
        await client.initialized();
        await client.diagnosticsFor(uri);
        assert.ok(client.publishes.every((p) => p.afterInitialized));
      });
    });
  });

  describe('params', () => {
    const position = { line: 0, character: 3 };
    const range = { start: position, end: position };
    const cases: Array<[string, string, (uri: string) => unknown]> = [
      ['rename with newName null', 'textDocument/rename', (u) => ({ ...textDocument(u), position, newName: null })],
      [
        'codeAction with context.diagnostics null',
        'textDocument/codeAction',
        (u) => ({ ...textDocument(u), range, context: { diagnostics: null } }),
      ],
      ['hover with a string position', 'textDocument/hover', (u) => ({ ...textDocument(u), position: '0:3' })],
      [
        'hover with a negative line',
        'textDocument/hover',
        (u) => ({ ...textDocument(u), position: { line: -1, character: 0 } }),
      ],
      ['documentSymbol without textDocument', 'textDocument/documentSymbol', () => ({})],
      ['completion with params null', 'textDocument/completion', () => null],
      ['semantic tokens with a numeric uri', 'textDocument/semanticTokens/full', () => ({ textDocument: { uri: 1 } })],
      ['stats with params by position', 'pressRelease/stats', (u) => [u]],
      ['workspace symbols without a query', 'workspace/symbol', () => ({})],
    ];
    it('answers InvalidParams to every malformed request, and keeps serving', async () => {
      await session({ rootDir: dir }, async (client) => {
        await client.initialize();
        await client.open(uri, FEED);
        await client.diagnosticsFor(uri);
        for (const [what, method, params] of cases) {
          assert.equal(await errorCode(client.connection.sendRequest(method, params(uri))), -32602, what);
        }
        const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', textDocument(uri));
        assert.equal(symbols.length, 1);
      });
    });

    it('drops a malformed notification with one log line, and keeps serving', async () => {
      await session({ rootDir: dir }, async (client) => {
        await client.initialize();
        await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, text: 42 } });
        const dropped = await client.waitFor(() => client.logs.find((l) => l.message.includes('didOpen')), 'a line');
        assert.equal(dropped.message, 'Dropped textDocument/didOpen: params.textDocument.languageId must be a string.');
        await client.open(uri, FEED);
        assert.ok((await client.diagnosticsFor(uri)).length > 0);
      });
    });
  });

  describe('cancellation and silent clients', () => {
    it('answers a cancelled request with RequestCancelled at once, even while settings are awaited', async () => {
      await session({ rootDir: dir, configuration: 'never' }, async (client) => {
        await client.initialize();
        await client.open(uri, FEED);
        // The server now waits for settings that never come, so the request below cannot finish first.
        await client.waitFor(() => (client.configurationRequests > 0 ? true : undefined), 'a settings request');
        for (const params of [
          ['textDocument/documentSymbol', { textDocument: { uri } }],
          ['textDocument/codeAction', fixAllParams(uri)],
        ] as const) {
          const source = new CancellationTokenSource();
          const started = Date.now();
          const answer = client.connection.sendRequest(params[0], params[1], source.token);
          source.cancel();
          assert.equal(await errorCode(answer), -32800, params[0]);
          assert.ok(Date.now() - started < 1500, 'answered before the settings timeout');
        }
      });
    });

    it('lints with the defaults and the config file when the client never answers for settings', async () => {
      const rc = { rules: { 'sentence-spacing': 'off' } };
      fs.writeFileSync(path.join(dir, '.pressreleaserc.json'), JSON.stringify(rc));
      await session({ rootDir: dir, configuration: 'never' }, async (client) => {
        await client.initialize();
        const started = Date.now();
        await client.open(uri, FEED);
        const symbols = client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
        const codes = (await client.diagnosticsFor(uri)).map((d) => d.code);
        const waited = Date.now() - started;
        assert.ok(waited >= 1900 && waited < 5000, `diagnostics after ${waited} ms`);
        assert.deepEqual(codes, ['date-format'], 'the defaults, with the file turning sentence-spacing off');
        assert.equal((await symbols).length, 1);
        // A second document does not wait again while the first request is unanswered.
        const second = pathToFileURL(path.join(dir, 'second.release')).href;
        const again = Date.now();
        await client.open(second, FEED);
        await client.diagnosticsFor(second);
        assert.ok(Date.now() - again < 1500, 'the second document was not held up');
        const lines = client.logs.filter((l) => l.message.includes('workspace/configuration'));
        assert.equal(lines.length, 1);
        assert.match(lines[0].message, /did not answer workspace\/configuration within 2 s; using the default/);
      });
    });
  });
});

function textDocument(uri: string): { textDocument: { uri: string } } {
  return { textDocument: { uri } };
}

function fixAllParams(uri: string): unknown {
  const start = { line: 0, character: 0 };
  return { textDocument: { uri }, range: { start, end: start }, context: { diagnostics: [], only: ['source.fixAll'] } };
}
