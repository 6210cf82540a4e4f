/** sentence-spacing on the hard cases: quotes whose side must be worked out, acronyms, and abbreviations. */
import * as assert from 'node:assert/strict';
import { applyEdits, lint, type Finding } from '../../server/src/core/index';

const today = { year: 2025, month: 6, day: 1 };
const wrap = (line: string) => `Title 09.02.2025\n${line}\nSource : https://press.example.gov/1`;

function spacing(line: string): Finding[] {
  return lint(wrap(line), { today }).findings.filter((f) => f.ruleId === 'sentence-spacing');
}

/** The body line after applying a fix. */
function fixed(line: string, f: Finding, which: 'main' | number = 'main'): string {
  const fix = which === 'main' ? f.fix! : f.moreFixes![which];
  return applyEdits(wrap(line), fix.edits).split('\n')[1];
}

describe('sentence-spacing', () => {
  it('puts an opening straight quote with the next sentence when the quotes before it pair up', () => {
    const line = 'Water reached the capital."We process the data daily," he said.';
    const [f] = spacing(line);
    assert.equal(f.fix!.safe, true);
    assert.equal(fixed(line, f), 'Water reached the capital. "We process the data daily," he said.');
  });

  it('keeps a closing straight quote with its sentence when one quote is open before it', () => {
    const line = 'He said: "Water reached the capital."We process the data daily.';
    const [f] = spacing(line);
    assert.equal(f.fix!.safe, true);
    assert.equal(fixed(line, f), 'He said: "Water reached the capital." We process the data daily.');
  });

  it("offers both readings, and neither as safe, when the paragraph's quotes do not pair up", () => {
    const line = 'He said "Water reached the capital."We process "the data daily.';
    const [f] = spacing(line);
    assert.equal(f.fix!.safe, false);
    assert.equal(f.moreFixes!.length, 1);
    assert.equal(f.moreFixes![0].safe, false);
    const readings = [fixed(line, f), fixed(line, f, 0)].sort();
    assert.deepEqual(readings, [
      'He said "Water reached the capital. "We process "the data daily.',
      'He said "Water reached the capital." We process "the data daily.',
    ]);
    assert.deepEqual([f.fix!.title, f.moreFixes![0].title].sort(), [
      'Insert a space after the quote',
      'Insert a space before the quote',
    ]);
  });

  it('reads curly quotes by their shape', () => {
    const closing = 'He said “the water is high.”Crews are ready.';
    assert.equal(fixed(closing, spacing(closing)[0]), 'He said “the water is high.” Crews are ready.');
    const opening = 'The water is high.“Crews are ready,” he said.';
    assert.equal(fixed(opening, spacing(opening)[0]), 'The water is high. “Crews are ready,” he said.');
  });

  it('catches sentence ends after an acronym, a closing quote or a bracket', () => {
    for (const [line, want] of [
      ['The contract went to Trubtech LLP.According to the akimat, work starts soon.', 'LLP. According'],
      ['They met at the ECO.A bilateral meeting followed.', 'ECO. A bilateral'],
      ['The plan follows the "Roadmap".The loan terms are unchanged.', '"Roadmap". The'],
      ['The works (phase two).Next year they end.', 'two). Next'],
    ]) {
      const found = spacing(line);
      assert.equal(found.length, 1, line);
      assert.ok(fixed(line, found[0]).includes(want), fixed(line, found[0]));
    }
  });

  it('leaves abbreviations, addresses and numbers alone', () => {
    for (const line of [
      'The U.S. delegation and H.E. Mr Smith arrived, and the U.S.Army band played.',
      'Details are on www.egov.kz and at https://example.org/a.B or press@Agency.Kz today.',
      'No.5 on the list grew 4.3 percent, and Dr.Who and Ph.D students came.',
    ]) {
      assert.deepEqual(
        spacing(line).map((f) => f.message),
        [],
        line,
      );
    }
  });

  it('quotes at most about eighty characters of context', () => {
    const line = `${'word '.repeat(40)}end.Next ${'word '.repeat(40)}`;
    const [f] = spacing(line);
    assert.ok(f.message.length < 120, f.message);
  });
});
