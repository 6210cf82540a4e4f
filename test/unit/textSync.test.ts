/**
 * Text sync: a didChange's changes joined in one pass give the document the library's own sequential update
 * would give (text, version, and every offset and position), in whatever order and shape they come.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { applyContentChanges, placeChanges } from '../../server/src/textSync';

const URI = 'file:///feed.release';

/** Pieces that find the edges: line breaks of every kind, surrogate pairs, a lone surrogate, accents. */
const PIECES = ['a', 'bc', ' ', 'é', 'Source : ', '😀', '\ud83d', '\n', '\r', '\r\n', '\r\n\r\n', '\n\n'];
const LF_PIECES = PIECES.filter((p) => !p.includes('\r'));
/** A few short lines, so that random changes meet each other and the line breaks. */
const tinyText = textOf(['a', '😀', '\r', '\n', '\r\n'], 8);

function textOf(pieces: readonly string[], maxLength: number): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...pieces), { maxLength }).map((p) => p.join(''));
}

/** A change in original offsets, before a client turns it into a range in the text of its moment. */
interface Span {
  start: number;
  end: number;
  text: string;
}

/**
 * A document and non-overlapping spans of it, in text order: adjacent ones, empty insertions and deletions,
 * and spans at the very end all come up. No span boundary falls between a carriage return and its line
 * feed, since no LSP position can name that place.
 */
function batch(pieces: readonly string[]): fc.Arbitrary<{ text: string; spans: Span[] }> {
  return textOf(pieces, 40).chain((text) =>
    fc
      .array(fc.tuple(fc.nat(text.length), fc.nat(text.length), textOf(pieces, 3)), { minLength: 2, maxLength: 8 })
      .map((raw) => {
        const cuts = raw.flatMap(([a, b]) => [a, b]).map((o) => (text[o - 1] === '\r' && text[o] === '\n' ? o - 1 : o));
        cuts.sort((a, b) => a - b);
        const spans = raw.map(([, , t], i) => ({ start: cuts[2 * i], end: cuts[2 * i + 1], text: t }));
        return { text, spans };
      }),
  );
}

/**
 * The changes a client sends for `spans` applied in `order` (indices into the spans): each range is where its
 * span stands in the text the changes before it left, as an editor computes it.
 */
function send(text: string, spans: readonly Span[], order: readonly number[]): TextDocumentContentChangeEvent[] {
  const sim = TextDocument.create(URI, 'press-release', 0, text);
  const applied = new Set<number>();
  return order.map((i) => {
    let shift = 0;
    for (const j of applied) if (j < i) shift += spans[j].text.length - (spans[j].end - spans[j].start);
    const { start, end, text: newText } = spans[i];
    const change = { range: { start: sim.positionAt(start + shift), end: sim.positionAt(end + shift) }, text: newText };
    TextDocument.update(sim, [change], 0);
    applied.add(i);
    return change;
  });
}

/** `changes` applied by the library, one at a time, and by applyContentChanges; both must agree in full. */
function checkAgainstLibrary(text: string, changes: TextDocumentContentChangeEvent[], version = 7): void {
  const expected = TextDocument.update(TextDocument.create(URI, 'press-release', 1, text), changes, version);
  const doc = TextDocument.create(URI, 'press-release', 1, text);
  const actual = applyContentChanges(doc, changes, version);
  assert.equal(actual, doc, 'the document is updated in place');
  assert.equal(actual.getText(), expected.getText());
  assert.equal(actual.version, version);
  assert.equal(actual.lineCount, expected.lineCount);
  assert.deepEqual(mapping(actual), mapping(expected));
}

/** Every offset's position and every position's offset, one step outside the text on each side. */
function mapping(doc: TextDocument): { positions: string[]; offsets: number[] } {
  const length = doc.getText().length;
  const positions: string[] = [];
  for (let offset = -1; offset <= length + 1; offset++) {
    const p = doc.positionAt(offset);
    positions.push(`${offset}→${p.line}:${p.character}`);
  }
  const offsets: number[] = [];
  for (let line = -1; line <= doc.lineCount; line++) {
    for (let character = -1; character <= length + 1; character++) offsets.push(doc.offsetAt({ line, character }));
  }
  return { positions, offsets };
}

/** Any changes: ranges anywhere (reversed, outside the text), new text with line breaks, full-text changes. */
function randomChanges(maxLine: number, maxCharacter: number): fc.Arbitrary<TextDocumentContentChangeEvent[]> {
  const position = fc.record({
    line: fc.integer({ min: -1, max: maxLine }),
    character: fc.integer({ min: -1, max: maxCharacter }),
  });
  const ranged = fc.record({ range: fc.record({ start: position, end: position }), text: textOf(PIECES, 3) });
  const full = fc.record({ text: textOf(PIECES, 6) });
  const change = fc.oneof({ weight: 8, arbitrary: ranged }, { weight: 1, arbitrary: full });
  return fc.array<TextDocumentContentChangeEvent>(change, { maxLength: 8 });
}

const descending = (n: number) => Array.from({ length: n }, (_, i) => n - 1 - i);
const ascending = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('textSync', () => {
  describe('agrees with applying the changes one at a time', () => {
    it('for non-overlapping changes sent from the last to the first, as VS Code sends them', () => {
      fc.assert(
        fc.property(batch(PIECES), ({ text, spans }) =>
          checkAgainstLibrary(text, send(text, spans, descending(spans.length))),
        ),
        { numRuns: 400 },
      );
    });

    it('for non-overlapping changes sent from the first to the last, in shifted coordinates', () => {
      fc.assert(
        fc.property(batch(PIECES), ({ text, spans }) =>
          checkAgainstLibrary(text, send(text, spans, ascending(spans.length))),
        ),
        { numRuns: 400 },
      );
    });

    it('for non-overlapping changes sent in any order', () => {
      const shuffled = batch(PIECES).chain(({ text, spans }) =>
        fc
          .shuffledSubarray(ascending(spans.length), { minLength: spans.length, maxLength: spans.length })
          .map((order) => ({ text, changes: send(text, spans, order) })),
      );
      fc.assert(
        fc.property(shuffled, ({ text, changes }) => checkAgainstLibrary(text, changes)),
        { numRuns: 400 },
      );
    });

    it('for random sequences of changes, each range taken in the text the changes before it left', () => {
      fc.assert(
        fc.property(
          tinyText,
          fc.array(fc.tuple(fc.nat(), fc.nat(3), textOf(PIECES, 3)), { minLength: 2, maxLength: 5 }),
          (text, raw) => {
            const sim = TextDocument.create(URI, 'press-release', 0, text);
            const changes = raw.map(([at, length, newText]) => {
              const start = at % (sim.getText().length + 1);
              const end = Math.min(start + length, sim.getText().length);
              const change = { range: { start: sim.positionAt(start), end: sim.positionAt(end) }, text: newText };
              return TextDocument.update(sim, [change], 0) && change;
            });
            checkAgainstLibrary(text, changes);
          },
        ),
        { numRuns: 3000 },
      );
    });

    it('for random changes: overlapping, reversed, out of range, full-text', () => {
      fc.assert(fc.property(textOf(PIECES, 40), randomChanges(8, 12), fc.nat(1000), checkAgainstLibrary), {
        numRuns: 400,
      });
    });

    it('for random changes on a few short lines, where line breaks meet across change boundaries', () => {
      fc.assert(fc.property(tinyText, randomChanges(4, 3), fc.nat(1000), checkAgainstLibrary), { numRuns: 3000 });
    });
  });

  describe('joins in one pass', () => {
    it('every batch of non-overlapping changes without carriage returns, in either order', () => {
      fc.assert(
        fc.property(batch(LF_PIECES), fc.boolean(), ({ text, spans }, down) => {
          const changes = send(text, spans, down ? descending(spans.length) : ascending(spans.length));
          // Empty changes that meet may be placed in either order; the text they make is the same.
          assert.ok(placeChanges(TextDocument.create(URI, 'press-release', 1, text), changes));
          checkAgainstLibrary(text, changes);
        }),
        { numRuns: 400 },
      );
    });

    it("VS Code's Replace All on a CRLF feed with surrogate pairs", () => {
      const text = 'Law 😀 2025\r\nSee 2025 😀\r\n2025';
      const doc = TextDocument.create(URI, 'press-release', 1, text);
      const changes = [
        { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } }, text: '2026\r\n😀' },
        { range: { start: { line: 1, character: 4 }, end: { line: 1, character: 8 } }, text: '' },
        { range: { start: { line: 0, character: 7 }, end: { line: 0, character: 11 } }, text: 'x' },
      ];
      assert.ok(placeChanges(doc, changes));
      applyContentChanges(doc, changes, 2);
      assert.equal(doc.getText(), 'Law 😀 x\r\nSee  😀\r\n2026\r\n😀');
      assert.deepEqual(doc.positionAt(doc.getText().length), { line: 3, character: 2 });
      checkAgainstLibrary(text, changes);
    });

    it('multi-cursor typing sent from the first cursor to the last, each after the earlier insertions', () => {
      const text = 'ab\ncd\n';
      const doc = TextDocument.create(URI, 'press-release', 1, text);
      const at = (line: number, character: number) => ({ start: { line, character }, end: { line, character } });
      const changes = [
        { range: at(0, 1), text: 'X\n' },
        { range: at(1, 1), text: 'Y' },
        { range: at(2, 1), text: 'Z' },
        { range: at(3, 0), text: 'end' },
      ];
      assert.ok(placeChanges(doc, changes));
      applyContentChanges(doc, changes, 5);
      assert.equal(doc.getText(), 'aX\nbY\ncZd\nend');
      assert.equal(doc.version, 5);
      assert.deepEqual(doc.positionAt(10), { line: 3, character: 0 });
      checkAgainstLibrary(text, changes, 5);
    });
  });

  describe('leaves the library to apply', () => {
    const range = (line: number, from: number, to: number) => ({
      start: { line, character: from },
      end: { line, character: to },
    });
    const at = (line: number, character: number) => range(line, character, character);
    const lines = 'one\ntwo\nthree';
    /** What, the text, the changes in the order sent, and the text that applying them one at a time gives. */
    const cases: Array<[string, string, TextDocumentContentChangeEvent[], string]> = [
      ['a single change', lines, [{ range: range(0, 0, 1), text: 'O' }], 'One\ntwo\nthree'],
      ['a full-text change among ranged ones', lines, [{ range: range(0, 0, 1), text: 'O' }, { text: 'new' }], 'new'],
      [
        'a line past the end',
        lines,
        [
          { range: range(2, 0, 1), text: 'T' },
          { range: at(5, 0), text: '!' },
        ],
        'one\ntwo\nThree!',
      ],
      [
        'a character past the line end',
        lines,
        [
          { range: range(1, 0, 9), text: 'T' },
          { range: range(0, 0, 1), text: 'O' },
        ],
        'One\nT\nthree',
      ],
      [
        'overlapping ranges',
        lines,
        [
          { range: range(1, 0, 3), text: '2' },
          { range: range(1, 0, 1), text: 'X' },
        ],
        'one\nX\nthree',
      ],
      [
        'a mixed order',
        lines,
        [
          { range: range(1, 0, 1), text: 'T' },
          { range: range(2, 0, 1), text: 'T' },
          { range: range(0, 0, 1), text: 'O' },
        ],
        'One\nTwo\nThree',
      ],
      // The line feed of the first change pairs with the carriage return, so line 1 starts after it.
      [
        'last to first: a range that ends where the previous change starts, right after a carriage return',
        'a\rb',
        [
          { range: range(1, 0, 1), text: '\nc' },
          { range: at(1, 0), text: 'X' },
        ],
        'a\r\nXc',
      ],
      [
        'first to last: a carriage return inserted before a line feed',
        '\n',
        [
          { range: at(0, 0), text: '\r' },
          { range: at(1, 0), text: 'x' },
        ],
        '\r\nx',
      ],
      [
        'first to last: a line feed inserted after a carriage return that an earlier change brought',
        'abc\nd',
        [
          { range: range(0, 1, 2), text: '\r' },
          { range: at(1, 0), text: '\n' },
          { range: range(2, 0, 1), text: 'X' },
        ],
        'a\r\nc\nX',
      ],
      [
        'first to last: a line feed inserted after a carriage return that a deletion reached',
        '\rab\ncd',
        [
          { range: range(1, 0, 1), text: '' },
          { range: at(1, 0), text: '\n' },
          { range: range(2, 0, 1), text: 'X' },
        ],
        '\r\nb\nXd',
      ],
    ];
    for (const [what, text, changes, expected] of cases) {
      it(what, () => {
        assert.equal(placeChanges(TextDocument.create(URI, 'press-release', 1, text), changes), undefined);
        checkAgainstLibrary(text, changes);
        assert.equal(
          applyContentChanges(TextDocument.create(URI, 'press-release', 1, text), changes, 2).getText(),
          expected,
        );
      });
    }

    it('a change that is neither ranged nor full, which the library refuses', () => {
      const doc = TextDocument.create(URI, 'press-release', 1, lines);
      const bad = [{ range: range(0, 0, 1), text: 'O' }, { text: 1 } as unknown as TextDocumentContentChangeEvent];
      assert.throws(() => applyContentChanges(doc, bad, 2), /Unknown change event/);
    });
  });
});
