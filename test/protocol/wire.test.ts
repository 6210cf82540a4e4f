/** The editor features of a standard release over stdio: outline, hover, folding and the status bar's stats. */
import * as assert from 'node:assert/strict';
import type { DocumentSymbol, FoldingRange, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { freshFeedFolder, session, type TestClient } from '../support/lspClient';

/** Dated years ago, so that the server's own clock (it has no test "today") finds neither date in the future. */
const RELEASE = [
  'EMBARGOED UNTIL 00:01 GMT, 4 March 2019', // 0
  '',
  'Fenwick Library Opens a Reading Room for Night Workers', // 2
  '',
  'YORK, 4 March 2019 – Fenwick Library today opened a reading room that stays open until 2 a.m., for the nurses, ' +
    'drivers and cleaners who finish their shifts after the city’s other libraries have closed.', // 4
  '',
  '“People who work at night pay for this library too,” said Priya Nair, head librarian of Fenwick Library.', // 6
  '',
  'About Fenwick Library', // 8
  'Fenwick Library has lent books in York since 1894 and runs three branches.',
  '',
  '###', // 11
  '',
  'Press contact:', // 13
  'Priya Nair, Head Librarian, Fenwick Library',
  'priya.nair@fenwick.example.org',
  '',
].join('\n');

describe('a standard release over stdio', function () {
  this.timeout(30_000);
  let dir: string;
  let uri: string;
  freshFeedFolder('prl-wire-', (d, u) => {
    dir = d;
    uri = u;
  });

  async function withRelease(body: (client: TestClient) => Promise<void>, settings?: unknown): Promise<void> {
    await session({ rootDir: dir, ...(settings ? { settings: () => settings } : {}) }, async (client) => {
      await client.initialize();
      await client.open(uri, RELEASE);
      await body(client);
    });
  }

  const hover = async (client: TestClient, line: number, character: number) => {
    const h = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line, character },
    });
    return (h?.contents as MarkupContent | undefined)?.value ?? '';
  };

  it('outlines the parts of the release with their symbol kinds', () =>
    withRelease(async (client) => {
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.deepEqual(
        symbols.map((s) => [s.kind, s.name, s.range.start.line]),
        [
          [20, 'EMBARGOED UNTIL 00:01 GMT, 4 March 2019', 0],
          [24, 'Fenwick Library Opens a Reading Room for Night Workers', 2],
          [14, 'YORK', 4],
          [8, '“People who work at night pay…”', 6],
          [5, 'About Fenwick Library', 8],
          [21, '###', 11],
          [23, 'Press contact', 13],
        ],
      );
    }));

  it('hovers the dateline, the headline and the contact', () =>
    withRelease(async (client) => {
      const dateline = await hover(client, 4, 2);
      assert.match(dateline, /- Date: Monday, 4 March 2019 · ISO `2019-03-04`/);
      assert.match(dateline, /- Embargo: lifted \d+ days ago \(Monday, 4 March 2019, 00:01 GMT\)/);
      const headline = await hover(client, 2, 10);
      assert.match(headline, /^\*\*Fenwick Library Opens a Reading Room for Night Workers\*\*/);
      assert.match(headline, /- \d+ words in 2 paragraphs · about 1 min to read/);
      const contact = await hover(client, 14, 3);
      assert.match(contact, /- Name: Priya Nair\n- Title: Head Librarian\n- Organisation: Fenwick Library\n/);
      assert.match(contact, /- E-mail: `priya\.nair@fenwick\.example\.org`\n- Phone: none$/);
    }));

  it('folds the boilerplate and the contact block', () =>
    withRelease(async (client) => {
      const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
      assert.deepEqual(
        folds.map((f) => [f.startLine, f.endLine]),
        [
          [8, 9],
          [13, 15],
        ],
      );
    }));

  it('tells the status bar the format, detected or set', async () => {
    await withRelease(async (client) => {
      const stats = await client.request<{ format: string; formatFrom: string }>('pressRelease/stats', { uri });
      assert.deepEqual([stats.format, stats.formatFrom], ['wire', 'detected']);
    });
    await withRelease(
      async (client) => {
        const stats = await client.request<{ format: string; formatFrom: string }>('pressRelease/stats', { uri });
        assert.deepEqual([stats.format, stats.formatFrom], ['feed', 'setting']);
      },
      { format: 'feed' },
    );
  });
});
