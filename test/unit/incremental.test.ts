/**
 * The incremental analyzer against the one-shot lint: after any sequence of
 * edits, the analysis of the edited text must equal a fresh analysis of the
 * same text, findings, model and names alike.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { Analyzer, findChange, lint, LineIndex, type Analysis } from '../../server/src/core/index';
import { DocumentDiagnostics } from '../../server/src/diagnostics';
import { feed, TOKENS } from '../support/arbitraries';

const today = { year: 2025, month: 6, day: 1 };

/** One edit: replace `length` code units at a fraction of the text with `insert`. */
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat(40),
  insert: fc.oneof(
    fc.constantFrom(...TOKENS, '', '\n', '\nSource : https://a.example/9\n', '\nNew title 10.02.2025\n'),
    fc.string({ maxLength: 3 }),
  ),
});

function applyEdit(text: string, e: { at: number; length: number; insert: string }): string {
  const start = Math.floor(e.at * text.length);
  return text.slice(0, start) + e.insert + text.slice(Math.min(text.length, start + e.length));
}

/** What users see of an analysis, in a form that deepEqual can compare. */
function seen(a: Analysis): unknown {
  const names = a.facts.names();
  return {
    findings: a.findings,
    releases: a.feed.releases,
    categories: a.feed.categories,
    tokens: names.tokens,
    variants: names.variantClusters().map((c) => [...c.spellings.entries()]),
    // Cluster ids are names, not facts: the partition of the tokens is what must be equal.
    clusters: names.tokens.map((t) => names.tokens.findIndex((u) => names.clusterOf(u) === names.clusterOf(t))),
  };
}

describe('incremental analyzer', () => {
  it('checks a release again when an edit changes the line ending after its last line', () => {
    // A source-placement fix copies that ending: a blank typed between the \r and the \n of a CRLF makes it \r.
    const before = ' 09.02.2025\r\nNurgaliyevSource : https://press.example.gov/n/1\r\n';
    const cases = [
      before.slice(0, -1) + ' \n',
      before.slice(0, -2) + '\r\nx',
      before.slice(0, -2) + '\r',
      before.replace(/\r\n/g, '\r') + '\n',
    ];
    for (const after of cases) {
      const analyzer = new Analyzer();
      analyzer.analyze(after === cases[3] ? before.replace(/\r\n/g, '\r') : before, { today });
      assert.deepEqual(seen(analyzer.analyze(after, { today })), seen(lint(after, { today })), JSON.stringify(after));
    }
  });

  it('equals a fresh analysis after every edit of a random sequence', () => {
    fc.assert(
      fc.property(feed, fc.array(edit, { minLength: 1, maxLength: 8 }), (start, edits) => {
        const analyzer = new Analyzer();
        let text = start;
        analyzer.analyze(text, { today });
        for (const e of edits) {
          text = applyEdit(text, e);
          assert.deepEqual(seen(analyzer.analyze(text, { today })), seen(lint(text, { today })));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('publishes the same diagnostics as a fresh conversion, while reusing those of moved releases', () => {
    fc.assert(
      fc.property(feed, fc.array(edit, { minLength: 1, maxLength: 8 }), (start, edits) => {
        const analyzer = new Analyzer();
        const kept = new DocumentDiagnostics('file:///feed.release', true);
        let text = start;
        kept.of(analyzer.analyze(text, { today }));
        for (const e of edits) {
          text = applyEdit(text, e);
          const fresh = new DocumentDiagnostics('file:///feed.release', true).of(lint(text, { today }));
          assert.deepEqual(kept.of(analyzer.analyze(text, { today })), fresh);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the line index right after any change', () => {
    const piece = fc.constantFrom('a', 'b', '\n', '\r', '\r\n', 'xy', ' ');
    const text = fc.array(piece, { maxLength: 30 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, fc.nat(40), fc.nat(10), text, (before, at, length, insert) => {
        const start = Math.min(at, before.length);
        const after = before.slice(0, start) + insert + before.slice(Math.min(before.length, start + length));
        const change = findChange(before, after);
        if (!change) return;
        const moved = new LineIndex(before).afterChange(after, change);
        const fresh = new LineIndex(after);
        const starts = (i: LineIndex) => Array.from({ length: i.lineCount }, (_, k) => i.lineStart(k));
        assert.deepEqual(starts(moved), starts(fresh));
      }),
      { numRuns: 3000 },
    );
  });
});
