/**
 * One didChange that carries thousands of edits, as VS Code sends for Replace All on a large feed. The server
 * must take the whole batch, publish the diagnostics of the new version and answer the next request; how fast
 * it does is the bench's business, so the test only logs the time.
 */
import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import type { Hover, MarkupContent, Range } from 'vscode-languageserver-protocol';
import { freshFeedFolder, session } from '../support/lspClient';

/** Every EDITED_EVERY-th release has its date in the long format, so Replace All finds EDITS of them. */
const EDITS = 2000;
const EDITED_EVERY = 20;
const RELEASES = EDITS * EDITED_EVERY;
const LONG_DATE = '9 February 2025';
const SHORT_DATE = '09.02.2025';

function title(i: number): string {
  return `Reservoirs of basin ${i} are full `;
}

/** A clean release of three lines, numbered so that titles and Sources never repeat; about 250 characters. */
function release(i: number): string {
  const date = i % EDITED_EVERY === 0 ? LONG_DATE : SHORT_DATE;
  return (
    `${title(i)}${date}\n` +
    `The agency reported that the twelve reservoirs of basin ${i} hold between sixty and seventy percent of ` +
    `their capacity, and engineers will inspect every dam twice a week.\n` +
    `Source : https://press.example.gov/news/details/${i}\n`
  );
}

/** The range of release i's date, which starts the release's first line. */
function dateRange(i: number, length: number): Range {
  const line = 3 * i;
  const character = title(i).length;
  return { start: { line, character }, end: { line, character: character + length } };
}

describe('a didChange with thousands of edits', function () {
  this.timeout(300_000);
  let uri: string;
  let dir: string;
  freshFeedFolder('prl-bulk-', (d, u) => {
    dir = d;
    uri = u;
  });

  it('applies a 2,000-edit Replace All on a 10 MB feed, publishes its diagnostics and answers a hover', () =>
    session({ rootDir: dir }, async (client) => {
      const text = Array.from({ length: RELEASES }, (_, i) => release(i)).join('');
      assert.ok(text.length > 9_500_000, `the feed has ${text.length} characters`);
      await client.initialize();
      await client.open(uri, text);
      const before = await client.diagnosticsFor(uri, 1, 120_000);
      assert.equal(before.filter((d) => d.code === 'date-format').length, EDITS);

      // VS Code sends Replace All from the last match to the first, so each range holds in the original text.
      const edited = Array.from({ length: EDITS }, (_, k) => (EDITS - 1 - k) * EDITED_EVERY);
      const changes = edited.map((i) => ({ range: dateRange(i, LONG_DATE.length), text: SHORT_DATE }));
      const sent = performance.now();
      const version = await client.edit(uri, changes);
      const after = await client.diagnosticsFor(uri, version, 120_000);
      const published = performance.now();
      const last = edited[0];
      const hover = await client.request<Hover | null>('textDocument/hover', {
        textDocument: { uri },
        position: dateRange(last, 1).start,
      });
      const answered = performance.now();
      console.log(
        `      ${EDITS} edits on ${(text.length / 1e6).toFixed(1)} MB: diagnostics after ` +
          `${(published - sent).toFixed(0)} ms, hover ${(answered - published).toFixed(0)} ms later`,
      );

      assert.equal(after.filter((d) => d.code === 'date-format').length, 0);
      assert.equal(after.length, before.length - EDITS);
      assert.match((hover!.contents as MarkupContent).value, /^\*\*Sunday, 9 February 2025 · ISO `2025-02-09`\*\*$/);
      assert.deepEqual(hover!.range, dateRange(last, SHORT_DATE.length));
    }));
});
