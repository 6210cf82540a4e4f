/**
 * The workspace summaries under many edits: the index grouped by key and file against a naive list of every
 * release, the order and counts that cross-file findings name, and an open document's reused summaries against a
 * fresh summary of its text. None of these is timed; each would fail on a wrong answer, fast or slow.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  Analyzer,
  crossFileFindings,
  fileLabel,
  isCaps,
  lengthOf,
  LineIndex,
  placesOf,
  resolveConfig,
  spellingsOf,
  summarizeAnalysis,
  summarizeText,
  textOf,
  WorkspaceSummaries,
  type FileSummary,
  type ReleaseRef,
} from '../../server/src/core/index';
import { feed as feedText, TOKENS } from '../support/arbitraries';

const CONFIG = resolveConfig({});
const today = { year: 2025, month: 6, day: 1 };

/** A feed whose releases take their titles and Sources from a few, so that keys are shared within and across files. */
function feedOf(picks: ReadonlyArray<[title: number, source: number]>): string {
  return picks
    .map(([t, s]) => `Story ${t} 0${1 + (t % 9)}.02.2025\nThe district reported it.\nSource : https://a.example/${s}\n`)
    .join('');
}

const FILES = ['file:///w/b%20c.release', 'file:///w/a.release', 'file:///w/b.release', 'x%20y.release', 'w/z.release'];

/** The naive index: every release of every other file, sorted by the decoded path of its file, then its name. */
function naive(files: Map<string, FileSummary>, key: string, file: string, keyOf: 'dated' | 'source'): ReleaseRef[] {
  const sortPath = (f: string) => (f.startsWith('file:') ? decodeURIComponent(f) : f);
  const names = [...files.keys()].filter((f) => f !== file);
  names.sort((a, b) => (sortPath(a) < sortPath(b) ? -1 : sortPath(a) > sortPath(b) ? 1 : a < b ? -1 : 1));
  return names.flatMap((f) =>
    files
      .get(f)!
      .releases.filter((r) => r[keyOf]?.key === key)
      .map((release) => ({ file: f, release })),
  );
}

const operation = fc.record({
  file: fc.constantFrom(...FILES),
  picks: fc.option(fc.array(fc.tuple(fc.nat(3), fc.nat(3)), { maxLength: 6 }), { nil: undefined }),
});

describe('workspace summaries, grouped by key and file', () => {
  it('answer as a naive list of every release after any sequence of sets and deletes', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 25 }), (ops) => {
        const ws = new WorkspaceSummaries();
        const model = new Map<string, FileSummary>();
        for (const op of ops) {
          if (op.picks === undefined) {
            ws.delete(op.file);
            model.delete(op.file);
          } else {
            const summary = summarizeText(feedOf(op.picks), CONFIG);
            ws.set(op.file, summary);
            model.set(op.file, summary);
          }
        }
        assert.equal(ws.size, model.size);
        assert.deepEqual(new Map(ws.entries()), model);
        const titles = [0, 1, 2, 3].map((t) => summarizeText(feedOf([[t, 0]]), CONFIG).releases[0].dated!.key);
        const sources = [0, 1, 2, 3].map((s) => summarizeText(feedOf([[0, s]]), CONFIG).releases[0].source!.key);
        for (const file of FILES) {
          for (const key of titles) {
            const all = naive(model, key, file, 'dated');
            assert.deepEqual(ws.titledElsewhere(key, file), all);
            assert.deepEqual(ws.titledElsewhere(key, file, 2), all.slice(0, 2));
            assert.equal(ws.countTitledElsewhere(key, file), all.length);
          }
          for (const key of sources) {
            const all = naive(model, key, file, 'source');
            assert.deepEqual(ws.sourcedElsewhere(key, file), all);
            assert.deepEqual(ws.sourcedElsewhere(key, file, 3), all.slice(0, 3));
            assert.equal(ws.countSourcedElsewhere(key, file), all.length);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('order other files by decoded path for URIs only, and keep a path as it is written', () => {
    const ws = new WorkspaceSummaries();
    const text = feedOf([[1, 1]]);
    // Decoded, "b%20c" sorts after "b" as "b c"; a path keeps its "%", which sorts before letters.
    for (const file of ['file:///w/b%20c.release', 'file:///w/b.release', 'file:///w/a.release', 'own.release'])
      ws.set(file, summarizeText(text, CONFIG));
    const key = summarizeText(text, CONFIG).releases[0].source!.key;
    const order = ws.sourcedElsewhere(key, 'own.release').map((r) => r.file);
    assert.deepEqual(order, ['file:///w/a.release', 'file:///w/b%20c.release', 'file:///w/b.release']);
    const paths = new WorkspaceSummaries();
    for (const file of ['w/a%7Ab.release', 'w/az.release', 'own.release']) paths.set(file, summarizeText(text, CONFIG));
    // Decoded, "a%7Ab" would be "a|b", after "az"; as written, "%" sorts first.
    assert.deepEqual(
      paths.sourcedElsewhere(key, 'own.release').map((r) => r.file),
      ['w/a%7Ab.release', 'w/az.release'],
    );
  });

  it('label a path as it is written and a URI decoded', () => {
    assert.equal(fileLabel('feeds/a%20b.release'), 'a%20b.release');
    assert.equal(fileLabel('file:///feeds/a%20b.release'), 'a b.release');
    assert.equal(fileLabel('file:///feeds/100%.release'), '100%.release');
  });

  it('count every other release in "and N more", and list at most 20 places', () => {
    const copies = feedOf(Array.from({ length: 30 }, () => [2, 2] as [number, number]));
    const ws = new WorkspaceSummaries();
    ws.set(
      'own.release',
      summarizeText(
        feedOf([
          [2, 2],
          [2, 2],
        ]),
        CONFIG,
      ),
    );
    ws.set('other.release', summarizeText(copies, CONFIG));
    ws.set('third.release', summarizeText(feedOf([[2, 2]]), CONFIG));
    const findings = crossFileFindings('own.release', ws, CONFIG);
    assert.equal(findings.length, 4);
    for (const f of findings) {
      // 31 other releases: the first named, 30 more; their own file's second copy is not counted.
      assert.match(f.message, / in other\.release and 30 more$/);
      assert.equal(f.elsewhere?.length, 20);
      assert.ok(f.elsewhere?.every((e) => e.file === 'other.release'));
    }
  });
});

/** One edit: replace `length` code units at a fraction of the text with `insert`. */
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat(40),
  insert: fc.oneof(
    fc.constantFrom(...TOKENS, '', '\n', '\nSource : https://a.example/9\n', '\nNew title 10.02.2025\n', '\n\n'),
    fc.string({ maxLength: 3 }),
  ),
});

describe("an open document's summary, reused across versions", () => {
  it('equals a fresh summary of the text after every edit of a random sequence', () => {
    fc.assert(
      fc.property(feedText, fc.array(edit, { minLength: 1, maxLength: 8 }), (start, edits) => {
        const analyzer = new Analyzer();
        let text = start;
        assert.deepEqual(summarizeAnalysis(analyzer.analyze(text, { today })), summarizeText(text, CONFIG));
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.length));
          const analysis = analyzer.analyze(text, { today });
          assert.deepEqual(summarizeAnalysis(analysis), summarizeText(text, CONFIG), JSON.stringify(text));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('places every name where it is written, in offsets and in the lines and characters of LSP', () => {
    fc.assert(
      fc.property(feedText, fc.array(edit, { maxLength: 4 }), (start, edits) => {
        const analyzer = new Analyzer();
        let text = start;
        analyzer.analyze(text, { today });
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.length));
        }
        const names = summarizeAnalysis(analyzer.analyze(text, { today })).names!;
        const lines = new LineIndex(text);
        for (const s of spellingsOf(names)) {
          for (const p of placesOf(s)) {
            assert.deepEqual({ line: p.line, character: p.character }, lines.positionAt(p.offset));
            const written = text.slice(p.offset, p.offset + lengthOf(s));
            // A name in capitals keeps its spelling as a name is written (`Astana` for `ASTANA`).
            assert.equal(isCaps(s) ? written.toLowerCase() : written, isCaps(s) ? textOf(s).toLowerCase() : textOf(s));
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('equals a fresh summary after edits just before a release, on the line above it', () => {
    const analyzer = new Analyzer();
    let text = feedOf([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    summarizeAnalysis(analyzer.analyze(text, { today }));
    for (const insert of ['xx', '\n', 'y\nz', '']) {
      const at = text.indexOf('Story 3') - 1;
      text = text.slice(0, at) + insert + text.slice(at);
      assert.deepEqual(summarizeAnalysis(analyzer.analyze(text, { today })), summarizeText(text, CONFIG));
    }
  });
});
