/** Protocol tests against the built server over stdio. Each test runs a server of its own. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  CodeAction,
  Diagnostic,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  MarkupContent,
  SymbolInformation,
} from 'vscode-languageserver-protocol';
import { applyLspEdits, freshFeedFolder, session, type ClientOptions, type TestClient } from '../support/lspClient';

const FEED = [
  'Law',
  'Court opens on Saturdays 05.02.2025',
  'Curling',
  'The district court opens a reception for citizens on Saturdays so that people who work during the week can file documents.It will not need a day off.',
  'Source : https://press.example.gov/memleket/entities/court/press/news/details/930630',
  'Second release without a date',
  'The district court opens a second reception for citizens on Sundays so that people who work on Saturdays can also file their documents without a day off work.',
  'Third release 2025-02-07',
  'The district court publishes the schedule of hearings for the coming month, and lawyers can book their slots online instead of calling the court office.Source : https://press.example.gov/x/2',
].join('\n');

function codes(ds: Diagnostic[]): string[] {
  return ds.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}`);
}

describe('language server over stdio', function () {
  this.timeout(30_000);
  let dir: string;
  let uri: string;
  freshFeedFolder('prl-lsp-', (d, u) => {
    dir = d;
    uri = u;
  });

  /** Runs `body` with a server of its own, FEED open in a fresh folder. */
  async function withFeed(body: (client: TestClient) => Promise<void>, options: ClientOptions = {}): Promise<void> {
    await session({ rootDir: dir, ...options }, async (client) => {
      await client.initialize();
      await client.open(uri, FEED);
      await body(client);
    });
  }

  it('announces hover and the code action kinds at initialize', async () => {
    await session({ rootDir: dir }, async (client) => {
      const init = await client.initialize();
      assert.equal(init.capabilities.hoverProvider, true);
      assert.deepEqual((init.capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, [
        'quickfix',
        'source.fixAll.pressRelease',
      ]);
    });
  });

  it('publishes diagnostics with source, rule code, doc link and fix data', () =>
    withFeed(async (client) => {
      const ds = await client.diagnosticsFor(uri);
      assert.deepEqual(codes(ds), [
        '3:121 sentence-spacing',
        '5:0 missing-date',
        '5:0 missing-source',
        '7:14 date-format',
        '8:152 source-placement',
      ]);
      for (const d of ds) {
        assert.equal(d.source, 'press-release');
        assert.equal(d.codeDescription?.href.endsWith(`docs/rules/${d.code}.md`), true);
      }
      const dateFormat = ds.find((d) => d.code === 'date-format')!;
      assert.equal(dateFormat.severity, 2);
      assert.deepEqual((dateFormat.data as { fix: { title: string } }).fix.title, 'Rewrite as 07.02.2025');
    }));

  it('returns the outline: category, releases and sub-headings, with the Source host in the detail', () =>
    withFeed(async (client) => {
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.deepEqual(
        symbols.map((s) => s.name),
        ['Law'],
      );
      assert.deepEqual(
        symbols[0].children!.map((s) => [s.name, s.detail]),
        [
          ['Court opens on Saturdays', '05.02.2025 · press.example.gov'],
          ['Second release without a date', undefined],
          ['Third release', '2025-02-07 · press.example.gov'],
        ],
      );
      assert.deepEqual(
        symbols[0].children![0].children!.map((s) => s.name),
        ['Curling'],
      );
    }));

  it('hovers a title, a date and a Source URL', () =>
    withFeed(async (client) => {
      const hover = (line: number, character: number) =>
        client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
      const title = ((await hover(1, 3))!.contents as MarkupContent).value;
      assert.match(title, /Wednesday, 5 February 2025/);
      assert.match(title, /28 words in 1 paragraph/);
      assert.match(title, /court, news id 930630/);
      const date = await hover(1, 28);
      assert.match((date!.contents as MarkupContent).value, /ISO `2025-02-05`/);
      assert.deepEqual(date!.range, { start: { line: 1, character: 25 }, end: { line: 1, character: 35 } });
      const url = ((await hover(4, 20))!.contents as MarkupContent).value;
      assert.match(url, /Host: press\.example\.gov/);
      assert.equal(await hover(3, 10), null);
    }));

  it('returns folding ranges and document links', () =>
    withFeed(async (client) => {
      const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
      assert.deepEqual(
        folds.map((f) => [f.startLine, f.endLine]),
        [
          [1, 4],
          [5, 6],
          [7, 8],
        ],
      );
      const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
      assert.deepEqual(
        links.map((l) => [l.range.start.line, l.target]),
        [
          [4, 'https://press.example.gov/memleket/entities/court/press/news/details/930630'],
          [8, 'https://press.example.gov/x/2'],
        ],
      );
    }));

  it('finds releases with workspace symbols, named with their file', () =>
    withFeed(async (client) => {
      const found = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'thirdrel' });
      assert.deepEqual(
        found.map((s) => [s.name, s.location.uri, s.containerName]),
        [['Third release', uri, 'feed.release']],
      );
    }));

  it('offers a quick fix from the diagnostic data alone, and applying it removes the finding', () =>
    withFeed(async (client) => {
      const ds = await client.diagnosticsFor(uri);
      const d = ds.find((x) => x.code === 'date-format')!;
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: d.range,
        context: { diagnostics: [d] },
      });
      assert.equal(actions.length, 1);
      assert.equal(actions[0].kind, 'quickfix');
      const fixed = applyLspEdits(FEED, actions[0].edit!.changes![uri]);
      assert.equal(fixed, FEED.replace('2025-02-07', '07.02.2025'));
      const version = await client.replace(uri, fixed);
      const after = await client.diagnosticsFor(uri, version);
      assert.ok(!after.some((x) => x.code === 'date-format'));
    }));

  it('offers source.fixAll.pressRelease with only the safe fixes', () =>
    withFeed(async (client) => {
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
      assert.deepEqual(
        actions.map((a) => a.kind),
        ['source.fixAll.pressRelease'],
      );
      const fixed = applyLspEdits(FEED, actions[0].edit!.changes![uri]);
      const version = await client.replace(uri, fixed);
      const after = await client.diagnosticsFor(uri, version);
      assert.deepEqual(
        after.map((d) => d.code),
        ['missing-date', 'missing-source'],
      );
    }));

  it('returns release and problem counts for the status bar', () =>
    withFeed(async (client) => {
      const stats = await client.request<{ releases: number; problems: number }>('pressRelease/stats', { uri });
      assert.equal(stats.releases, 3);
      assert.equal(stats.problems, 5);
    }));

  it('applies settings, and a .pressreleaserc.json overrides them', async () => {
    let settings: unknown = null;
    await withFeed(
      async (client) => {
        await client.diagnosticsFor(uri);
        settings = { rules: { 'sentence-spacing': 'off', 'date-format': 'error' } };
        await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
        let ds = await waitForCodes(client, uri, (c) => !c.includes('sentence-spacing'));
        assert.equal(ds.find((d) => d.code === 'date-format')!.severity, 1);

        fs.writeFileSync(path.join(dir, '.pressreleaserc.json'), JSON.stringify({ rules: { 'date-format': 'off' } }));
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
          changes: [{ uri: pathToFileURL(path.join(dir, '.pressreleaserc.json')).href, type: 1 }],
        });
        ds = await waitForCodes(client, uri, (c) => !c.includes('date-format'));
        assert.deepEqual(
          ds.map((d) => d.code),
          ['missing-date', 'missing-source', 'source-placement'],
        );
      },
      { settings: () => settings },
    );
  });

  it('reports an invalid config file clearly and falls back to the defaults', () =>
    withFeed(async (client) => {
      await client.diagnosticsFor(uri);
      fs.writeFileSync(path.join(dir, '.pressreleaserc.json'), '{ "rules": { "date-format": "loud" } }');
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: pathToFileURL(path.join(dir, '.pressreleaserc.json')).href, type: 2 }],
      });
      const ds = await waitForCodes(client, uri, (c) => c.includes('date-format') && c.includes('sentence-spacing'));
      assert.equal(ds.length, 5);
      const warning = await client.waitFor(
        () => client.messages.find((m) => m.message.includes('"loud"')),
        'a warning message',
      );
      assert.equal(warning.type, 2);
      assert.match(warning.message, /rules\.date-format: severity must be one of/);
    }));
});

/** Waits until the published diagnostics satisfy `ok`, since the server republishes after config changes. */
function waitForCodes(client: TestClient, uri: string, ok: (codes: string[]) => boolean): Promise<Diagnostic[]> {
  return client.waitFor(() => {
    const d = client.current(uri);
    return d && ok(d.map((x) => String(x.code))) ? d : undefined;
  }, 'updated diagnostics');
}
