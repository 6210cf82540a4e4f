/**
 * Clients other than VS Code: they push settings instead of answering for them, lack workspace folders,
 * drop diagnostic data, cannot create files, or know only the standard semantic token types. And VS Code
 * itself, which starts the server over IPC. Each test runs its own server.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  ClientCapabilities,
  Diagnostic,
  InitializeResult,
  SemanticTokensLegend,
} from 'vscode-languageserver-protocol';
import { applyLspEdits, CAPABILITIES, freshFeedFolder, session, TestClient } from '../support/lspClient';
import { COURT_FEED, NAMES_RELEASE } from '../support/protocolFeeds';

const FEED = COURT_FEED;
const NAMES = NAMES_RELEASE;

/** CAPABILITIES with some parts replaced, to play a client that lacks them. */
function without(patch: { workspace?: object; textDocument?: object }): ClientCapabilities {
  return {
    workspace: { ...CAPABILITIES.workspace, ...patch.workspace },
    textDocument: { ...CAPABILITIES.textDocument, ...patch.textDocument },
  };
}

function codes(ds: Diagnostic[]): string[] {
  return ds.map((d) => String(d.code));
}

describe('other clients', function () {
  this.timeout(15_000);
  let dir: string;
  let uri: string;
  freshFeedFolder('prl-clients-', (d, u) => {
    dir = d;
    uri = u;
  });

  it('honours settings pushed with didChangeConfiguration when the client cannot be asked for them', async () => {
    const capabilities = without({ workspace: { configuration: false, didChangeConfiguration: {} } });
    await session({ rootDir: dir, capabilities }, async (client) => {
      await client.initialize();
      await client.open(uri, FEED);
      assert.deepEqual(codes(await client.diagnosticsFor(uri)), ['date-format', 'sentence-spacing']);
      const settings = { pressRelease: { dateFormat: 'YYYY-MM-DD', rules: { 'sentence-spacing': 'off' } } };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings });
      await client.waitFor(() => (client.current(uri)?.length === 0 ? true : undefined), 'no diagnostics');
      // Settings for other tools, or none, are the defaults again.
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { other: {} } });
      await client.waitFor(() => (client.current(uri)?.length === 2 ? true : undefined), 'the default diagnostics');
      assert.equal(client.configurationRequests, 0);
    });
  });

  it('works with rootUri and no workspaceFolders capability, and reads the config file at the root', async () => {
    fs.mkdirSync(path.join(dir, 'feeds'));
    fs.writeFileSync(path.join(dir, '.pressreleaserc.json'), JSON.stringify({ rules: { 'date-format': 'off' } }));
    const nested = pathToFileURL(path.join(dir, 'feeds', 'feed.release')).href;
    const capabilities = without({ workspace: { workspaceFolders: false } });
    await session({ rootDir: dir, capabilities, workspaceFolders: false }, async (client) => {
      await client.initialize();
      await client.open(nested, FEED);
      assert.deepEqual(codes(await client.diagnosticsFor(nested)), ['sentence-spacing']);
      const errors = client.logs.filter((l) => l.type === 1);
      assert.deepEqual(errors, [], 'no error was logged');
    });
  });

  it('finds quick fixes from the analysis when the client drops diagnostic data', async () => {
    const capabilities = without({ textDocument: { publishDiagnostics: { relatedInformation: true } } });
    await session({ rootDir: dir, capabilities }, async (client) => {
      await client.initialize();
      await client.open(uri, FEED);
      const ds = await client.diagnosticsFor(uri);
      assert.ok(
        ds.every((d) => d.data === undefined),
        'no data is sent to a client that drops it',
      );
      const dateFormat = ds.find((d) => d.code === 'date-format')!;
      // The client drops data; a stray copy must not be trusted either.
      const actions = await client.codeActionsFor(uri, { ...dateFormat, data: { fix: { title: 'Stale', edits: [] } } });
      assert.deepEqual(
        actions.map((a) => a.title),
        ['Rewrite as 05.02.2025'],
      );
      assert.equal(applyLspEdits(FEED, actions[0].edit!.changes![uri]), FEED.replace('2025-02-05', '05.02.2025'));
      // A diagnostic that matches no finding of the current analysis gets no fix.
      const moved = { ...dateFormat, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } } };
      assert.deepEqual(await client.codeActionsFor(uri, moved), []);
    });
  });

  it('offers to create .pressreleaserc.json only to clients that can create files', async () => {
    const capabilities = without({ workspace: { workspaceEdit: { documentChanges: true } } });
    await session({ rootDir: dir, capabilities }, async (client) => {
      await client.initialize();
      await client.open(uri, NAMES);
      const d = (await client.diagnosticsFor(uri)).find((x) => x.code === 'inconsistent-name')!;
      const titles = async () => (await client.codeActionsFor(uri, d)).map((a) => a.title);
      assert.deepEqual(await titles(), ['Replace with "Nurgaliev"']);
      // With the file in place, a plain text edit does it, which every client can apply.
      fs.writeFileSync(path.join(dir, '.pressreleaserc.json'), '{}');
      const changes = [{ uri: pathToFileURL(path.join(dir, '.pressreleaserc.json')).href, type: 1 }];
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
      assert.deepEqual((await titles()).slice(1), [
        'Add "Nurgaliyev" to names as the canonical spelling',
        'Ignore the name "Nurgaliyev" (ignoreNames in .pressreleaserc.json)',
      ]);
    });
  });

  describe('semantic token legend', () => {
    const legend = async (capabilities: ClientCapabilities): Promise<string[]> => {
      let types: string[] = [];
      await session({ rootDir: dir, capabilities }, async (client) => {
        const init = await client.initialize();
        types = (init.capabilities.semanticTokensProvider as { legend: SemanticTokensLegend }).legend.tokenTypes;
      });
      return types;
    };

    it('uses person, place and organization for a client that lists them', async () => {
      assert.deepEqual(await legend(CAPABILITIES), ['person', 'place', 'organization']);
    });

    it('uses the standard super types for a client that does not', async () => {
      const standard = { semanticTokens: { ...CAPABILITIES.textDocument!.semanticTokens!, tokenTypes: ['variable'] } };
      assert.deepEqual(await legend(without({ textDocument: standard })), ['variable', 'namespace', 'class']);
      assert.deepEqual(await legend({}), ['variable', 'namespace', 'class']);
    });
  });

  it('serves VS Code over IPC, and exits 0 after shutdown and exit', async () => {
    const client = new TestClient({ rootDir: dir, transport: 'ipc' });
    try {
      const init: InitializeResult = await client.initialize();
      assert.equal(init.serverInfo?.name, 'press-release-lint');
      await client.open(uri, FEED);
      assert.deepEqual(codes(await client.diagnosticsFor(uri)), ['date-format', 'sentence-spacing']);
      await client.request('shutdown');
      await client.connection.sendNotification('exit');
      assert.equal(await client.exited, 0);
    } finally {
      await client.dispose();
    }
  });
});
