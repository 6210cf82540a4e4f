/** diffEdits: the edits Format Document sends, which must rebuild the new text and leave other lines alone. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, diffEdits, splitLines } from '../../server/src/core/index';

describe('diffEdits', () => {
  it('splits lines with their own terminators', () => {
    assert.deepEqual(splitLines('a\r\nb\rc\nd'), ['a\r\n', 'b\r', 'c\n', 'd']);
    assert.deepEqual(splitLines(''), []);
  });

  it('returns nothing for equal texts', () => {
    assert.deepEqual(diffEdits('a\nb\n', 'a\nb\n'), []);
  });

  it('replaces only the characters that changed, in each changed line', () => {
    const before = 'Title 2025-02-07\nSame\nBody.Next\nSame\n';
    const after = 'Title 07.02.2025\nSame\nBody. Next\nSame\n';
    assert.deepEqual(diffEdits(before, after), [
      { start: 6, end: 16, newText: '07.02.2025' },
      { start: 27, end: 27, newText: ' ' },
    ]);
  });

  it('splits a line in two with one insertion', () => {
    const before = 'Title 07.02.2025\nBody.Source : https://x.example/1\nNext 08.02.2025\n';
    const after = 'Title 07.02.2025\nBody.\nSource : https://x.example/1\nNext 08.02.2025\n';
    assert.deepEqual(diffEdits(before, after), [{ start: 22, end: 22, newText: '\n' }]);
  });

  it('turns any text into any other', () => {
    const line = fc.constantFrom('a', 'b', '', 'Source : x', 'a.B', 'Title 01.01.2025');
    const text = fc
      .array(line, { maxLength: 30 })
      .chain((lines) => fc.constantFrom('\n', '\r\n').map((eol) => lines.join(eol)));
    fc.assert(
      fc.property(text, text, (before, after) => {
        assert.equal(applyEdits(before, diffEdits(before, after)), after);
      }),
    );
  });
});
