/**
 * Quick fixes asked for after the document changed but before new diagnostics arrived: the fix must apply
 * cleanly to the new text, shifted, or not be offered at all. And the name-list actions, whatever
 * `.pressreleaserc.json` holds. Each test runs its own server.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { applyLspEdits, freshFeedFolder, session, TestClient } from '../support/lspClient';
import { COURT_FEED, NAMES_RELEASE } from '../support/protocolFeeds';

const FEED = COURT_FEED;

/** The same minister spelled two ways in one release, then a second release that spells him one way. */
const NAMES = [
  NAMES_RELEASE,
  'Nurgaliyev visits the dam 10.02.2025',
  'Deputy Minister of Energy Serik Nurgaliyev inspected the dam and said the repairs will end before the flood ' +
    'season in the spring of this year, the ministry reported.',
  'Source : https://press.example.gov/entities/energy/press/news/details/2',
].join('\n');

describe('stale quick fixes', function () {
  this.timeout(15_000);
  let dir: string;
  let uri: string;
  freshFeedFolder('prl-stale-', (d, u) => {
    dir = d;
    uri = u;
  });

  /** Opens `text`, waits for its diagnostics, and returns the first with rule `code`. */
  async function finding(client: TestClient, text: string, code: string): Promise<Diagnostic> {
    await client.initialize();
    await client.open(uri, text);
    return (await client.diagnosticsFor(uri)).find((d) => d.code === code)!;
  }

  it('shifts a fix after lines are inserted above its finding', async () => {
    await session({ rootDir: dir }, async (client) => {
      const d = await finding(client, FEED, 'date-format');
      // No waiting for new diagnostics: the request carries the old one, made for version 1.
      const newer = `Law\nCourts\n${FEED}`;
      await client.replace(uri, newer);
      const actions = await client.codeActionsFor(uri, d);
      assert.deepEqual(
        actions.map((a) => a.title),
        ['Rewrite as 05.02.2025'],
      );
      assert.equal(applyLspEdits(newer, actions[0].edit!.changes![uri]), newer.replace('2025-02-05', '05.02.2025'));
    });
  });

  it('shifts an insertion fix after text is typed earlier on its line', async () => {
    await session({ rootDir: dir }, async (client) => {
      const d = await finding(client, FEED, 'sentence-spacing');
      const newer = FEED.replace('The district court', 'The court');
      await client.replace(uri, newer);
      const [action] = await client.codeActionsFor(uri, d);
      assert.equal(applyLspEdits(newer, action.edit!.changes![uri]), newer.replace('documents.It', 'documents. It'));
    });
  });

  it('drops a fix whose text was deleted or changed', async () => {
    await session({ rootDir: dir }, async (client) => {
      const d = await finding(client, FEED, 'date-format');
      await client.replace(uri, FEED.replace(' 2025-02-05', ''));
      assert.deepEqual(await client.codeActionsFor(uri, d), []);
      await client.replace(uri, FEED.replace('2025-02-05', '2025-02-06'));
      assert.deepEqual(await client.codeActionsFor(uri, d), []);
    });
  });

  it('drops a fix whose edits no longer move together, and keeps the ones that still apply', async () => {
    await session({ rootDir: dir }, async (client) => {
      const d = await finding(client, NAMES, 'inconsistent-name');
      const lines = NAMES.split('\n');
      // A line typed between the first release and the second: the feed-wide replace spans both.
      const newer = [...lines.slice(0, 3), 'Water 11.02.2025', ...lines.slice(3)].join('\n');
      await client.replace(uri, newer);
      const actions = await client.codeActionsFor(uri, d);
      const titles = actions.map((a) => a.title);
      assert.ok(!titles.some((t) => t.startsWith('Replace all')), titles.join(', '));
      assert.equal(titles[0], 'Replace with "Nurgaliev"');
      const fixed = applyLspEdits(newer, actions[0].edit!.changes![uri]);
      assert.equal(fixed, newer.replace('S. Nurgaliyev', 'S. Nurgaliev'));
    });
  });

  it('ignores fix data that does not have the shape the server gives it', async () => {
    await session({ rootDir: dir }, async (client) => {
      const d = await finding(client, FEED, 'date-format');
      const broken = [
        { ...d, data: { fix: { title: 'Rewrite', safe: true, edits: [{ range: null, newText: 'x' }] } } },
        { ...d, data: { version: 1, fix: { title: 'Rewrite', safe: true, edits: 'all' } } },
        { ...d, data: 'fix' },
      ];
      for (const b of broken) assert.deepEqual(await client.codeActionsFor(uri, b), []);
    });
  });
});

describe('name-list actions and .pressreleaserc.json', function () {
  this.timeout(15_000);
  let dir: string;
  let uri: string;

  freshFeedFolder('prl-rc-', (d, u) => {
    dir = d;
    uri = u;
  });

  const files: Array<[string, () => void, string[]]> = [
    ['a file that is a JSON array', () => fs.writeFileSync(rc(), '[1, 2]'), []],
    ['a file that is not JSON', () => fs.writeFileSync(rc(), '{ names: '), []],
    ['a directory in place of the file', () => fs.mkdirSync(rc()), []],
    ['a names entry that is not a list', () => fs.writeFileSync(rc(), '{"names": "Nurgaliev"}'), ['Ignore']],
  ];
  function rc(): string {
    return path.join(dir, '.pressreleaserc.json');
  }

  for (const [what, make, expected] of files) {
    it(`offers only safe edits of the config with ${what}, and logs nothing`, async () => {
      make();
      await session({ rootDir: dir }, async (client) => {
        await client.initialize();
        await client.open(uri, NAMES);
        const d = (await client.diagnosticsFor(uri)).find((x) => x.code === 'inconsistent-name')!;
        const titles = (await client.codeActionsFor(uri, d)).map((a) => a.title);
        assert.equal(titles[0], 'Replace with "Nurgaliev"');
        assert.deepEqual(
          titles.filter((t) => t.startsWith('Add') || t.startsWith('Ignore')).map((t) => t.split(' ')[0]),
          expected,
        );
        assert.deepEqual(
          client.logs.filter((l) => l.type === 1),
          [],
        );
      });
    });
  }

  it('builds the name-list edits from the config file as it was loaded, reading no file for a code action', async () => {
    fs.writeFileSync(rc(), JSON.stringify({ ignoreNames: ['Foo'] }));
    await session({ rootDir: dir }, async (client) => {
      await client.initialize();
      await client.open(uri, NAMES);
      const d = (await client.diagnosticsFor(uri)).find((x) => x.code === 'inconsistent-name')!;
      const ignoreEdit = async () => {
        const action = (await client.codeActionsFor(uri, d)).find((a) => a.title.startsWith('Ignore'))!;
        return JSON.parse(Object.values(action.edit!.changes!)[0][0].newText);
      };
      assert.deepEqual(await ignoreEdit(), { ignoreNames: ['Foo', 'Nurgaliyev'] });
      // Changed on disk, but nobody said so: the actions still edit the text the config was made from.
      fs.writeFileSync(rc(), JSON.stringify({ ignoreNames: ['Bar'] }));
      assert.deepEqual(await ignoreEdit(), { ignoreNames: ['Foo', 'Nurgaliyev'] });
      // Once the change is announced, as the client's file watcher does, the new text is read with the config.
      const changes = [{ uri: pathToFileURL(rc()).href, type: 2 }];
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
      assert.deepEqual(await ignoreEdit(), { ignoreNames: ['Bar', 'Nurgaliyev'] });
    });
  });
});
