/**
 * Property tests over random and mutated feeds: the parser and the rules
 * never throw, every range lies inside the text, and fixes change nothing
 * but what they announce.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { feed, line, unit } from '../support/arbitraries';
import {
  applyEdits,
  fixAll,
  lint,
  lintInBatches,
  parseFeed,
  selectFixes,
  type Finding,
  type Fix,
  type Span,
} from '../../server/src/core/index';

const today = { year: 2025, month: 6, day: 1 };
const SAMPLE = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'samples', 'sample.release'), 'utf8');

/** The sample feed with random damage: cut, inserted text, a duplicated line. */
const mutated = fc
  .tuple(fc.nat(SAMPLE.length), fc.nat(200), line, fc.constantFrom('cut', 'insert', 'duplicate', 'crlf'))
  .map(([at, len, ins, op]) => {
    switch (op) {
      case 'cut':
        return SAMPLE.slice(0, at) + SAMPLE.slice(at + len);
      case 'insert':
        return SAMPLE.slice(0, at) + ins + SAMPLE.slice(at);
      case 'duplicate': {
        const lines = SAMPLE.split('\n');
        const i = at % lines.length;
        lines.splice(i, 0, lines[i]);
        return lines.join('\n');
      }
      default:
        return SAMPLE.replace(/\n/g, '\r\n');
    }
  });

function inside(span: Span, text: string): boolean {
  return (
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    span.start >= 0 &&
    span.start <= span.end &&
    span.end <= text.length
  );
}

/** Rules whose fix rewrites words by design; every other fix may only touch spaces, line breaks and punctuation. */
const REWRITES = new Set(['date-format', 'weekday-mismatch', 'inconsistent-name', 'acronym-variant']);

function checkText(text: string): void {
  const thrown: string[] = [];
  const a = lint(text, { today }, (rule, e) => thrown.push(`${rule.id}: ${(e as Error).stack}`));
  assert.deepEqual(thrown, []);
  for (const f of a.findings) {
    assert.ok(inside(f.span, text), `${f.ruleId} span ${JSON.stringify(f.span)} outside ${text.length}`);
    for (const r of f.related ?? []) assert.ok(inside(r.span, text), `${f.ruleId} related span`);
    for (const e of f.fix?.edits ?? []) {
      assert.ok(inside(e, text), `${f.ruleId} edit ${JSON.stringify(e)} outside`);
      const removed = text.slice(e.start, e.end);
      if (!REWRITES.has(f.ruleId))
        assert.ok(!/[\p{L}\p{N}]/u.test(removed), `${f.ruleId} fix removes words: ${JSON.stringify(removed)}`);
    }
  }
  checkFixesKeepText(text, a.findings);
  // Each fix is applied alone; on inputs with thousands of findings an even sample of a hundred keeps this linear.
  const step = Math.max(1, Math.ceil(a.findings.length / 100));
  for (let i = 0; i < a.findings.length; i += step) {
    const f = a.findings[i];
    for (const fix of [f.fix, ...(f.moreFixes ?? [])]) if (fix) checkOneFix(text, f, fix);
  }
}

/** Applies one fix, main or extra, safe or not, and checks that nothing outside its edits changed. */
function checkOneFix(text: string, f: Finding, fix: Fix): void {
  const edits = [...fix.edits].sort((x, y) => x.start - y.start);
  const out = applyEdits(text, edits);
  let o = 0;
  let t = 0;
  for (const e of edits) {
    assert.equal(
      out.slice(o, o + (e.start - t)),
      text.slice(t, e.start),
      `${f.ruleId} "${fix.title}" changed text before an edit`,
    );
    o += e.start - t + e.newText.length;
    t = e.end;
  }
  assert.equal(out.slice(o), text.slice(t), `${f.ruleId} "${fix.title}" changed text after its last edit`);
}

/** After fix-all, a second run finds nothing safe left to fix, and the streamed findings equal the whole-feed ones. */
function checkFixAllSettles(text: string): void {
  const first = fixAll(text, { today });
  assert.equal(first.settled, true, 'safe fixes settle');
  assert.deepEqual(
    lint(first.text, { today })
      .findings.filter((f) => f.fix?.safe)
      .map((f) => f.message),
    [],
  );
  const streamed: Finding[] = [];
  lintInBatches(text, { today }, (batch) => streamed.push(...batch));
  assert.deepEqual(streamed, lint(text, { today }).findings);
}

/** Applies every selected fix at once and walks the result against the original outside the edits. */
function checkFixesKeepText(text: string, findings: Finding[]): void {
  const edits = selectFixes(findings, false)
    .flatMap((f) => f.edits)
    .sort((x, y) => x.start - y.start);
  const out = applyEdits(text, edits);
  let o = 0;
  let t = 0;
  for (const e of edits) {
    assert.equal(out.slice(o, o + (e.start - t)), text.slice(t, e.start), 'text before an edit changed');
    o += e.start - t;
    assert.equal(out.slice(o, o + e.newText.length), e.newText, 'edit text not inserted as announced');
    o += e.newText.length;
    t = e.end;
  }
  assert.equal(out.slice(o), text.slice(t), 'text after the last edit changed');
}

describe('properties', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 400 }), (s) => {
        parseFeed(s);
        checkText(s);
      }),
      { numRuns: 300 },
    );
  });

  it('holds on random feeds', () => {
    fc.assert(fc.property(feed, checkText), { numRuns: 300 });
  });

  it('settles fix-all in one run, and streams the same findings, on random feeds', () => {
    fc.assert(fc.property(feed, checkFixAllSettles), { numRuns: 200 });
  });

  it('holds on mutated copies of the sample feed', () => {
    fc.assert(fc.property(mutated, checkText), { numRuns: 150 });
  });

  it('holds on 100 KB lines', () => {
    const long = 'Word.'.repeat(20_000);
    const big = `Law\nTitle 09.02.2025\n${long}\n${'x'.repeat(100_000)}Source : https://a.example/1\n${long}`;
    checkText(big);
    checkText(`${long} 09.02.2025\n${long}`);
  });
});
