/** Stale quick fixes: an edit finds its text again in newer text, shifted consistently, or gives up. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { anchorEdit, CONTEXT_UNITS, reanchor, SEARCH_WINDOW, type OffsetEdit } from '../../server/src/reanchor';

const TEXT = 'Court opens on Saturdays 2025-02-07\nThe court opens.It will not need a day off.\n';
/** The date-format fix: replace the date. */
const AT = TEXT.indexOf('2025-02-07');
const DATE: OffsetEdit = { start: AT, end: AT + 10, newText: '07.02.2025' };
/** The sentence-spacing fix: insert a space. */
const SPACE: OffsetEdit = { start: TEXT.indexOf('It will'), end: TEXT.indexOf('It will'), newText: ' ' };

function apply(text: string, edits: OffsetEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  }
  return out;
}

describe('reanchor', () => {
  it('records the replaced text and up to 16 units of context, clipped to the document', () => {
    const a = anchorEdit(TEXT, DATE);
    assert.equal(a.expect, '2025-02-07');
    assert.equal(a.before, 'ns on Saturdays ');
    assert.equal(a.before.length, CONTEXT_UNITS);
    assert.equal(a.after, '\nThe court opens');
    const start = anchorEdit(TEXT, { start: 2, end: 5, newText: 'x' });
    assert.equal(start.before, 'Co');
  });

  it('never cuts a surrogate pair in the context', () => {
    const text = `${'😀'.repeat(20)}x${'😀'.repeat(20)}`;
    const at = text.indexOf('x');
    const a = anchorEdit(text, { start: at, end: at + 1, newText: 'y' });
    assert.ok(!/^[\udc00-\udfff]/.test(a.before), 'before starts with a whole character');
    assert.ok(!/[\ud800-\udbff]$/.test(a.after), 'after ends with a whole character');
  });

  it('keeps an edit in place when the text around it is unchanged', () => {
    assert.deepEqual(reanchor(TEXT, [anchorEdit(TEXT, DATE)]), [DATE]);
  });

  it('shifts an edit after an insertion above it', () => {
    const newer = `Law\n${TEXT}`;
    const [placed] = reanchor(newer, [anchorEdit(TEXT, DATE)])!;
    assert.equal(apply(newer, [placed]), `Law\n${apply(TEXT, [DATE])}`);
  });

  it('places an insertion by its context alone', () => {
    const newer = TEXT.replace('Saturdays', 'Saturdays and Sundays');
    const [placed] = reanchor(newer, [anchorEdit(TEXT, SPACE)])!;
    assert.equal(apply(newer, [placed]), newer.replace('opens.It', 'opens. It'));
  });

  it('gives up when the text it replaces is gone', () => {
    assert.equal(reanchor(TEXT.replace('2025-02-07', '07.02.2025'), [anchorEdit(TEXT, DATE)]), undefined);
    assert.equal(reanchor(TEXT.replace('2025-02-07', '2025-02-0'), [anchorEdit(TEXT, DATE)]), undefined);
  });

  it('gives up when its context changed, even if the text itself is still there', () => {
    assert.equal(reanchor(TEXT.replace('Saturdays', 'Sundays'), [anchorEdit(TEXT, DATE)]), undefined);
  });

  it('moves all edits of one fix by the same shift, or none', () => {
    const edits = [anchorEdit(TEXT, DATE), anchorEdit(TEXT, SPACE)];
    const above = `Sport\n${TEXT}`;
    assert.equal(apply(above, reanchor(above, edits)!), `Sport\n${apply(TEXT, [DATE, SPACE])}`);
    // Text typed between the two edits shifts only the second: no single shift fits both.
    const between = TEXT.replace('\nThe court', '\nSome words typed here.\nThe court');
    assert.equal(reanchor(between, edits), undefined);
  });

  it('prefers the nearest occurrence when the text occurs twice', () => {
    const twice = `${TEXT}${TEXT}`;
    const second: OffsetEdit = { start: DATE.start + TEXT.length, end: DATE.end + TEXT.length, newText: DATE.newText };
    const [placed] = reanchor(`x${twice}`, [anchorEdit(twice, second)])!;
    assert.equal(placed.start, second.start + 1);
  });

  it('looks only within the search window', () => {
    const far = `${'\n'.repeat(SEARCH_WINDOW + 10)}${TEXT}`;
    assert.equal(reanchor(far, [anchorEdit(TEXT, DATE)]), undefined);
    const near = `${'\n'.repeat(SEARCH_WINDOW - 100)}${TEXT}`;
    assert.equal(reanchor(near, [anchorEdit(TEXT, DATE)])![0].start, DATE.start + SEARCH_WINDOW - 100);
  });

  it('drops a fix with no edits rather than claim it still applies', () => {
    assert.equal(reanchor(TEXT, []), undefined);
  });

  it('applies after any insertion before its context, as if made on the new text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.nat(DATE.start - CONTEXT_UNITS), (inserted, at) => {
        const newer = TEXT.slice(0, at) + inserted + TEXT.slice(at);
        const placed = reanchor(newer, [anchorEdit(TEXT, DATE)]);
        assert.ok(placed, 'found');
        assert.equal(newer.slice(placed[0].start, placed[0].end), '2025-02-07');
        assert.equal(apply(newer, placed), TEXT.slice(0, at) + inserted + apply(TEXT, [DATE]).slice(at));
      }),
    );
  });
});
