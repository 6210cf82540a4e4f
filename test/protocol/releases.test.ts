/**
 * The Releases view's request over the protocol: a folder of release files, most of them never opened, listed
 * newest first with their problem counts once the index's counting pass has linted them, and kept up to date
 * when a file changes on disk or an open document is edited.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ClientCapabilities } from 'vscode-languageserver-protocol';
import { RELEASES_CHANGED, RELEASES_REQUEST, type ReleaseEntry } from '../../shared/protocol';
import { analysisCounts, lint, type ProblemCounts } from '../../server/src/core/index';
import { CAPABILITIES, session, type TestClient } from '../support/lspClient';
import { release, writeRepository } from '../support/workspaceFixtures';

const SHARED = 'https://press.example.gov/news/shared';

const FILES: Record<string, string> = {
  'desk/a.release':
    release('Schools open a new term 10.02.2025', SHARED) +
    release('Ferry resumes 12.02.2025', 'https://press.example.gov/news/2'),
  'desk/b.release': release('Library extends its hours 11.02.2025', SHARED),
  'lonely.release': release('Park gets new benches 09.02.2025', 'https://press.example.gov/news/4'),
  // A release without a title's date sorts after every dated one.
  'undated.release': release('Museum night is announced', 'https://press.example.gov/news/5'),
};

/** The counts the full rules give one file's releases on their own, without other files. */
const ownCounts = (text: string): ProblemCounts[] => analysisCounts(lint(text));

const plusWarning = (c: ProblemCounts): ProblemCounts => ({ ...c, warnings: c.warnings + 1 });

describe('the Releases view request', function () {
  this.timeout(30_000);
  let dir = '';
  const uriOf = (name: string) => pathToFileURL(path.join(dir, name)).href;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prl-releases-'));
    writeRepository(dir, FILES);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const caps: ClientCapabilities = { ...CAPABILITIES, window: { workDoneProgress: true } };

  /**
   * Asks for the list until `done` holds, waiting for the server's change notification between asks, so that the
   * test also fails when the notification never comes.
   */
  async function releasesUntil(client: TestClient, done: (r: ReleaseEntry[]) => boolean, what: string) {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const seen = client.notified.get(RELEASES_CHANGED) ?? 0;
      const list = await client.request<ReleaseEntry[]>(RELEASES_REQUEST, {});
      if (done(list)) return list;
      const left = deadline - Date.now();
      await client.waitFor(
        () => ((client.notified.get(RELEASES_CHANGED) ?? 0) > seen ? true : undefined),
        `${what}; last list: ${JSON.stringify(list.map((r) => [r.title, r.problems]))}`,
        Math.max(left, 1),
      );
    }
  }

  const allCounted = (list: ReleaseEntry[]) => list.length === 5 && list.every((r) => r.problems !== undefined);
  const byTitle = (list: ReleaseEntry[], title: string) => list.find((r) => r.title === title)!;

  it('lists the releases of files that are not open, newest first, and counts them after the pass', () =>
    session({ rootDir: dir, capabilities: caps }, async (client) => {
      await client.initialize();
      const list = await releasesUntil(client, allCounted, 'every release counted');
      assert.deepEqual(
        list.map((r) => [r.title, r.date, path.relative(dir, new URL(r.uri).pathname), r.range.start.line]),
        [
          ['Ferry resumes', '2025-02-12', 'desk/a.release', 3],
          ['Library extends its hours', '2025-02-11', 'desk/b.release', 0],
          ['Schools open a new term', '2025-02-10', 'desk/a.release', 0],
          ['Park gets new benches', '2025-02-09', 'lonely.release', 0],
          ['Museum night is announced', undefined, 'undated.release', 0],
        ],
      );
      const [schools, ferry] = ownCounts(FILES['desk/a.release']);
      // The shared Source is a cross-file duplicate: one more warning in each of its two releases.
      assert.deepEqual(byTitle(list, 'Schools open a new term').problems, plusWarning(schools));
      assert.deepEqual(byTitle(list, 'Ferry resumes').problems, ferry);
      assert.deepEqual(
        byTitle(list, 'Library extends its hours').problems,
        plusWarning(ownCounts(FILES['desk/b.release'])[0]),
      );
      assert.deepEqual(byTitle(list, 'Park gets new benches').problems, ownCounts(FILES['lonely.release'])[0]);
      const range = byTitle(list, 'Park gets new benches').range;
      assert.deepEqual(range, {
        start: { line: 0, character: 0 },
        end: { line: 0, character: 'Park gets new benches'.length },
      });
    }));

  it('counts a file again when it changes on disk', () =>
    session({ rootDir: dir, capabilities: caps }, async (client) => {
      await client.initialize();
      await releasesUntil(client, allCounted, 'every release counted');
      const changed = release('Park gets new benches 31.02.2025', 'https://press.example.gov/news/4');
      fs.writeFileSync(path.join(dir, 'lonely.release'), changed);
      const changes = [{ uri: uriOf('lonely.release'), type: 2 }];
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
      const expected = ownCounts(changed)[0];
      assert.ok(expected.errors > 0, 'the impossible date is an error');
      const list = await releasesUntil(
        client,
        (l) => JSON.stringify(byTitle(l, 'Park gets new benches')?.problems) === JSON.stringify(expected),
        'the new counts of lonely.release',
      );
      assert.equal(byTitle(list, 'Park gets new benches').date, undefined, 'an impossible date has no ISO form');
    }));

  it('counts an open document from its live text, cross-file findings included', () =>
    session({ rootDir: dir, capabilities: caps }, async (client) => {
      await client.initialize();
      const uri = uriOf('lonely.release');
      await client.open(uri, FILES['lonely.release']);
      await releasesUntil(client, allCounted, 'every release counted');
      // The live text takes the shared Source, which the file on disk does not have.
      const typed = release('Park gets new benches 09.02.2025', SHARED);
      await client.replace(uri, typed);
      const expected = plusWarning(ownCounts(typed)[0]);
      const list = await releasesUntil(
        client,
        (l) => JSON.stringify(byTitle(l, 'Park gets new benches')?.problems) === JSON.stringify(expected),
        'the live counts of the open document',
      );
      const library = byTitle(list, 'Library extends its hours').problems!;
      assert.deepEqual(library, plusWarning(ownCounts(FILES['desk/b.release'])[0]), 'a closed file sees the live text');
    }));
});
