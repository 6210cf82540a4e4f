/**
 * Protocol tests of the name features: diagnostics, quick fixes, hover, references, rename, completion,
 * semantic tokens. Each test runs a server of its own.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  CodeAction,
  CompletionList,
  Diagnostic,
  DocumentHighlight,
  Hover,
  Location,
  MarkupContent,
  Range,
  SemanticTokens,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { applyLspEdits, freshFeedFolder, session, type TestClient } from '../support/lspClient';

const FEED = [
  'S. Nurgaliyev opened the pumping station 09.02.2025',
  'Deputy Minister of Energy Serik Nurgaliev opened the pumping station in the Karkaraly district on Monday. Serik Nurgaliev said the station will supply four villages.',
  'Source : https://press.example.gov/entities/energy/press/news/details/1',
  'Nurgaliyev visits the dam 10.02.2025',
  'Deputy Minister of Energy Serik Nurgaliyev inspected the dam and said the repairs will end before the flood season in the spring of this year, the ministry reported.',
  'Source : https://press.example.gov/entities/energy/press/news/details/2',
].join('\n');

describe('name features over stdio', function () {
  this.timeout(30_000);
  let dir: string;
  let uri: string;
  freshFeedFolder('prl-names-', (d, u) => {
    dir = d;
    uri = u;
  });
  const at = (line: number, character: number) => ({ textDocument: { uri }, position: { line, character } });

  /** Runs `body` with a server of its own, FEED open, and its `inconsistent-name` diagnostics. */
  async function withNames(body: (client: TestClient, diagnostics: Diagnostic[]) => Promise<void>): Promise<void> {
    await session({ rootDir: dir }, async (client) => {
      await client.initialize();
      await client.open(uri, FEED);
      const diagnostics = (await client.diagnosticsFor(uri)).filter((d) => d.code === 'inconsistent-name');
      await body(client, diagnostics);
    });
  }

  /** The code actions for the first `inconsistent-name` diagnostic. */
  function actions(client: TestClient, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    return client.codeActionsFor(uri, diagnostics[0]);
  }

  function announceConfigChange(client: TestClient, type: number): Promise<void> {
    const changes = [{ uri: pathToFileURL(path.join(dir, '.pressreleaserc.json')).href, type }];
    return client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
  }

  it('reports the minority spelling of the first release with its counts', () =>
    withNames((_client, diagnostics) => {
      assert.deepEqual(
        diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.message]),
        [[0, 3, '"Nurgaliyev" is also spelled "Nurgaliev" (2×) in this release']],
      );
      assert.equal(diagnostics[0].relatedInformation?.[0].location.range.start.line, 1);
      return Promise.resolve();
    }));

  it('offers replace here, in the release, in the feed, add to names and ignore', () =>
    withNames(async (client, diagnostics) => {
      const titles = (await actions(client, diagnostics)).map((a) => a.title);
      assert.deepEqual(titles, [
        'Replace with "Nurgaliev"',
        'Replace all "Nurgaliyev" with "Nurgaliev" in the feed',
        'Add "Nurgaliyev" to names as the canonical spelling',
        'Ignore the name "Nurgaliyev" (ignoreNames in .pressreleaserc.json)',
      ]);
    }));

  it('replaces one occurrence, or every occurrence in the feed, and the result re-lints clean', () =>
    withNames(async (client, diagnostics) => {
      const [here, feed] = await actions(client, diagnostics);
      const once = applyLspEdits(FEED, here.edit!.changes![uri]);
      assert.equal(once.split('\n')[0], 'S. Nurgaliev opened the pumping station 09.02.2025');
      assert.ok(once.includes('Serik Nurgaliyev inspected'), 'the other release is untouched');
      const everywhere = applyLspEdits(FEED, feed.edit!.changes![uri]);
      assert.ok(!everywhere.includes('Nurgaliyev'));
      const version = await client.replace(uri, everywhere);
      const after = await client.diagnosticsFor(uri, version);
      assert.deepEqual(
        after.filter((d) => d.code === 'inconsistent-name'),
        [],
      );
    }));

  it('creates .pressreleaserc.json to add a name, and adds to an existing one', () =>
    withNames(async (client, diagnostics) => {
      const add = (await actions(client, diagnostics))[2].edit as WorkspaceEdit;
      const create = add.documentChanges![0] as { kind: string; uri: string };
      assert.equal(create.kind, 'create');
      assert.equal(create.uri, pathToFileURL(path.join(dir, '.pressreleaserc.json')).href);
      const text = (add.documentChanges![1] as { edits: TextEdit[] }).edits[0].newText;
      assert.deepEqual(JSON.parse(text), { names: ['Nurgaliyev'] });

      fs.writeFileSync(
        path.join(dir, '.pressreleaserc.json'),
        JSON.stringify({ rules: { 'short-body': 'off' }, ignoreNames: ['Foo'] }),
      );
      await announceConfigChange(client, 1);
      const ignore = (await actions(client, diagnostics))[3].edit as WorkspaceEdit;
      const edit = Object.values(ignore.changes!)[0][0];
      assert.deepEqual(JSON.parse(edit.newText), {
        rules: { 'short-body': 'off' },
        ignoreNames: ['Foo', 'Nurgaliyev'],
      });
    }));

  it('honours the names list: the dictionary spelling wins', () =>
    withNames(async (client) => {
      fs.writeFileSync(path.join(dir, '.pressreleaserc.json'), JSON.stringify({ names: ['Serik Nurgaliyev'] }));
      await announceConfigChange(client, 1);
      const ds = await client.waitFor(() => {
        const d = client.current(uri)?.filter((x) => x.code === 'inconsistent-name');
        return d && d.length === 2 ? d : undefined;
      }, 'diagnostics with the names list');
      assert.deepEqual(
        ds.map((d) => d.range.start.line),
        [1, 1],
      );
      assert.match(ds[0].message as string, /"Nurgaliev" is a variant of "Nurgaliyev" from the names list/);
      fs.rmSync(path.join(dir, '.pressreleaserc.json'));
      await announceConfigChange(client, 3);
      await client.waitFor(
        () => (client.current(uri)?.filter((x) => x.code === 'inconsistent-name').length === 1 ? true : undefined),
        'diagnostics without the names list',
      );
    }));

  it('hovers a name with its spellings, releases and roles', () =>
    withNames(async (client) => {
      const hover = await client.request<Hover>('textDocument/hover', at(1, 33));
      const md = (hover.contents as MarkupContent).value;
      // Release 1 writes Nurgaliev twice and Nurgaliyev once: hover names the spelling its quick fix writes there.
      assert.match(md, /\*\*Serik Nurgaliev\*\* · person/, 'the heading names the whole name the release writes');
      assert.match(md, /Spellings: Nurgaliyev \(3×\), \*\*Nurgaliev\*\* \(2×\)/);
      assert.match(md, /In 2 releases/);
      assert.match(md, /Roles seen: Deputy Minister of Energy/);
    }));

  it('finds references and highlights across all spellings', () =>
    withNames(async (client) => {
      const refs = await client.request<Location[]>('textDocument/references', {
        ...at(0, 5),
        context: { includeDeclaration: true },
      });
      assert.deepEqual(
        refs.map((r) => r.range.start.line),
        [0, 1, 1, 3, 4],
      );
      const highlights = await client.request<DocumentHighlight[]>('textDocument/documentHighlight', at(4, 35));
      assert.equal(highlights.length, 5);
    }));

  it('renames every variant in one edit, and refuses what is not a name', () =>
    withNames(async (client) => {
      const prepared = await client.request<{ range: Range; placeholder: string }>(
        'textDocument/prepareRename',
        at(1, 33),
      );
      assert.equal(prepared.placeholder, 'Nurgaliev');
      assert.equal(await client.request('textDocument/prepareRename', at(1, 50)), null);
      const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...at(1, 33), newName: 'Nurgaliyev' });
      const renamed = applyLspEdits(FEED, edit.changes![uri]);
      assert.equal(renamed.match(/Nurgaliyev/g)?.length, 5);
      assert.ok(!renamed.includes('Nurgaliev '));
      await assert.rejects(client.request('textDocument/rename', { ...at(1, 33), newName: '123' }));
    }));

  it('completes known names after a capital letter, most frequent first', () =>
    withNames(async (client) => {
      const doc = `${FEED}\nNext 11.02.2025\nKarkaraly and Nu`;
      await client.diagnosticsFor(uri, await client.replace(uri, doc));
      const list = await client.request<CompletionList>('textDocument/completion', at(7, 16));
      assert.equal(list.items[0].label, 'Nurgaliyev');
      assert.match(list.items[0].detail!, /5× in this feed · also spelled Nurgaliev/);
      const lower = await client.request<CompletionList>('textDocument/completion', at(7, 12));
      assert.deepEqual(lower.items, []);
    }));

  it('marks people and places with semantic tokens', () =>
    withNames(async (client) => {
      const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', {
        textDocument: { uri },
      });
      // Each token is five numbers: line delta, start delta, length, type, modifiers.
      const types = [];
      for (let i = 0; i < tokens.data.length; i += 5) types.push(tokens.data[i + 3]);
      assert.ok(types.includes(0), 'a person');
      assert.ok(types.includes(1), 'a place');
    }));
});
