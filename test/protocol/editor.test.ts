/**
 * Protocol tests of what makes the editor feel finished: Format Document applies the safe fixes as `--fix`
 * does, and the outline keeps Sources out unless the user asks for them. Each test runs a server of its own.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DocumentSymbol, TextEdit } from 'vscode-languageserver-protocol';
import { parseFixture } from '../support/fixture';
import { applyLspEdits, freshFeedFolder, session, type TestClient } from '../support/lspClient';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'lint');
const FIXED = '.fixed.release';

const FEED = [
  'Law',
  'Court opens on Saturdays 05.02.2025',
  'Curling',
  'The district court opens a reception for citizens on Saturdays.',
  'Source : https://press.example.gov/memleket/entities/court/press/news/details/930630',
  'Third release 2025-02-07',
  'The district court publishes the schedule of hearings.Source : https://press.example.gov/x/2',
].join('\n');

/** The settings a fixture's `#! config` line gives, as a client would send them for its `pressRelease` section. */
function fixtureSettings(source: string): unknown {
  const line = /^#! config (.*)$/m.exec(source);
  return line ? JSON.parse(line[1]) : undefined;
}

async function format(client: TestClient, uri: string): Promise<TextEdit[] | null> {
  return client.request<TextEdit[] | null>('textDocument/formatting', {
    textDocument: { uri },
    options: { tabSize: 2, insertSpaces: true },
  });
}

describe('editor features over stdio', function () {
  this.timeout(30_000);
  let dir: string;
  let uri: string;
  freshFeedFolder('prl-editor-', (d, u) => {
    dir = d;
    uri = u;
  });

  it('announces a document formatter', async () => {
    await session({ rootDir: dir }, async (client) => {
      const init = await client.initialize();
      assert.equal(init.capabilities.documentFormattingProvider, true);
    });
  });

  const files = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.release') && !f.endsWith(FIXED));
  for (const file of files) {
    it(`formats ${file} into ${file.replace(/\.release$/, FIXED)} with small edits, then finds nothing to do`, async () => {
      const source = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
      const text = parseFixture(source, file).text;
      const want = fs.readFileSync(path.join(FIXTURES, file.replace(/\.release$/, FIXED)), 'utf8');
      const settings = fixtureSettings(source);
      await session({ rootDir: dir, settings: () => settings }, async (client) => {
        await client.initialize();
        await client.open(uri, text);
        const edits = (await format(client, uri)) ?? [];
        assert.equal(applyLspEdits(text, edits), want);
        // Minimal: no edit rewrites a whole line that the fixes left alone.
        for (const e of edits) assert.ok(e.newText.length < 200, `edit too large: ${JSON.stringify(e.newText)}`);
        await client.open(`${uri}.fixed.release`, want);
        assert.deepEqual(await format(client, `${uri}.fixed.release`), []);
      });
    });
  }

  it('answers null for a document that is not open', async () => {
    await session({ rootDir: dir }, async (client) => {
      await client.initialize();
      assert.equal(await format(client, uri), null);
    });
  });

  async function outline(settings: unknown): Promise<{ symbols: DocumentSymbol[]; shown: string[] }> {
    let symbols: DocumentSymbol[] = [];
    let shown: string[] = [];
    await session({ rootDir: dir, settings: () => settings }, async (client) => {
      await client.initialize();
      await client.open(uri, FEED);
      await client.diagnosticsFor(uri);
      symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      shown = client.messages.map((m) => m.message);
    });
    return { symbols, shown };
  }

  it('keeps Sources out of the outline by default and puts their host in the release detail', async () => {
    // VS Code sends every key of the section, the editor-only ones included: they are no config error.
    const { symbols, shown } = await outline({ outline: { showSources: false }, rulesDocsBaseUrl: '' });
    assert.deepEqual(shown, []);
    const releases = symbols[0].children!;
    assert.deepEqual(
      releases.map((s) => [s.name, s.detail, s.kind, s.children!.map((c) => [c.name, c.kind])]),
      [
        ['Court opens on Saturdays', '05.02.2025 · press.example.gov', 24, [['Curling', 15]]],
        ['Third release', '2025-02-07 · press.example.gov', 24, []],
      ],
    );
    assert.equal(symbols[0].kind, 3);
  });

  it('lists each Source as a child with pressRelease.outline.showSources', async () => {
    const { symbols, shown } = await outline({ outline: { showSources: true } });
    assert.deepEqual(shown, []);
    assert.deepEqual(
      symbols[0].children!.map((s) => [s.detail, s.children!.map((c) => c.name)]),
      [
        ['05.02.2025', ['Curling', 'Source']],
        ['2025-02-07', ['Source']],
      ],
    );
  });
});
