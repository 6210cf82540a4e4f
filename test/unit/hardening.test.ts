/**
 * The core on hostile input: huge words and URLs, mixed line endings, fix
 * chains that need many passes, and fixes that would undo each other.
 */
import * as assert from 'node:assert/strict';
import {
  applyEdits,
  fixAll,
  lint,
  MAX_FIX_PASSES,
  selectFixes,
  type Finding,
  type ReleaseRule,
} from '../../server/src/core/index';

const today = { year: 2025, month: 6, day: 1 };
const BODY =
  'The agency reported that all reservoirs hold enough water for the season, and engineers will inspect the dams twice a week until the end of the spring flood season.';

function lintOk(text: string): Finding[] {
  const thrown: string[] = [];
  const found = lint(text, { today }, (rule, e) => thrown.push(`${rule.id}: ${String(e)}`)).findings;
  assert.deepEqual(thrown, []);
  return found;
}

/** A test rule that replaces the first `from` in each release with `to`, as one safe fix. */
function replacing(from: string, to: string, id: string, safeFixes = false): ReleaseRule {
  return {
    id,
    description: 'Test rule.',
    defaultSeverity: 'warning',
    fixable: true,
    safeFixes,
    formats: ['feed'],
    scope: 'release',
    check(release, ctx) {
      const at = ctx.text.indexOf(from, release.span.start);
      if (at < 0 || at >= release.span.end) return;
      const fix = { title: id, safe: true, edits: [{ start: at, end: at + 1, newText: to }] };
      ctx.report({ message: id, span: { start: at, end: at + 1 }, fix });
    },
  };
}

/** A test rule that notes every release and fixes nothing. */
function noting(id: string): ReleaseRule {
  return {
    id,
    description: 'Test rule.',
    defaultSeverity: 'info',
    fixable: false,
    formats: ['feed'],
    scope: 'release',
    check(release, ctx) {
      ctx.report({ message: 'seen', span: { start: release.span.start, end: release.span.start } });
    },
  };
}

describe('core on hostile input', () => {
  it('keeps every rule running beside a capitalised word of five million letters', () => {
    const huge = `Q${'q'.repeat(5_000_000)}`;
    const text = [
      `Short release 09.02.2025`,
      `Vice Minister Askarbek Yertayev met ${huge} today. A. Ertayev noted the progress.`,
      'Source : https://press.example.gov/1',
    ].join('\n');
    const ids = new Set(lintOk(text).map((f) => f.ruleId));
    assert.ok(ids.has('short-body'), 'short-body still reports');
    assert.ok(ids.has('inconsistent-name'), 'the name rules still report');
  });

  it('quotes at most about eighty characters of a 10 MB Source URL', () => {
    const url = `https://press.example.gov/${'a b'.repeat(3_500_000)}`;
    const found = lintOk(`Title 09.02.2025\n${BODY}\nSource : ${url}`);
    const problem = found.find((f) => f.ruleId === 'source-url');
    assert.ok(problem);
    assert.ok(problem.message.length < 140, `${problem.message.length} characters`);
    assert.ok(problem.message.includes('…'));
  });

  it('keeps every message short on long titles, long forms and signatures', () => {
    const title = `${'Very long title word '.repeat(40)}`;
    const text = [
      `${title} 09.02.2025`,
      BODY,
      'Source : https://press.example.gov/1',
      `${title} 09.02.2025`,
      BODY,
      'Source : https://press.example.gov/1',
    ].join('\n');
    for (const f of lintOk(text)) assert.ok(f.message.length <= 300, `${f.ruleId}: ${f.message.length}`);
  });

  it("copies the ending of the line a fix splits, not the file's first line", () => {
    const text = `First 09.02.2025\r\n${BODY}\r\nSecond 10.02.2025\n${BODY}Source : https://press.example.gov/2\nThird 11.02.2025\r${BODY}Source : https://press.example.gov/3\r`;
    const placements = lintOk(text).filter((f) => f.ruleId === 'source-placement');
    assert.deepEqual(
      placements.map((f) => f.fix!.edits[0].newText),
      ['\n', '\r'],
    );
    const fixed = fixAll(text, { today }).text;
    assert.equal(
      fixed,
      text
        .replace(`${BODY}Source : https://press.example.gov/2\n`, `${BODY}\nSource : https://press.example.gov/2\n`)
        .replace(`${BODY}Source : https://press.example.gov/3\r`, `${BODY}\rSource : https://press.example.gov/3\r`),
    );
  });

  it("inserts a missing Source on a line that ends as the release's last line does", () => {
    const text = `First 09.02.2025\r\n${BODY}\nSecond 10.02.2025\r\n${BODY}\r\nSource : https://press.example.gov/2`;
    const missing = lintOk(text).find((f) => f.ruleId === 'missing-source')!;
    assert.equal(missing.fix!.edits[0].newText, '\nSource : ');
  });

  it('fixes to a fixed point: a title with fourteen spaced dots needs no second run', () => {
    const text = `Title${' .'.repeat(14)} 09.02.2025\n${BODY}\nSource : https://press.example.gov/1`;
    const first = fixAll(text, { today });
    assert.equal(first.settled, true);
    assert.ok(first.passes > 10, `${first.passes} passes`);
    assert.equal(first.text.split('\n')[0], 'Title 09.02.2025');
    const second = fixAll(first.text, { today });
    assert.deepEqual([second.applied, second.text], [0, first.text]);
  });

  it('reports fixes that undo each other as unsettled instead of spinning', () => {
    const text = `Title 09.02.2025\n${BODY} X\nSource : https://press.example.gov/1`;
    const result = fixAll(text, { today, rules: [replacing('X', 'Y', 'x-to-y'), replacing('Y', 'X', 'y-to-x')] });
    assert.equal(result.settled, false);
    assert.ok(result.passes <= 3, `${result.passes} passes`);
  });

  it('gives up on fixes that keep growing the text after MAX_FIX_PASSES passes', () => {
    const grow: ReleaseRule = {
      id: 'grow',
      description: 'Test rule.',
      defaultSeverity: 'warning',
      fixable: true,
      formats: ['feed'],
      scope: 'release',
      check(release, ctx) {
        const end = release.span.end;
        ctx.report({
          message: 'grow',
          span: { start: end, end },
          fix: { title: 'grow', safe: true, edits: [{ start: end, end, newText: 'x' }] },
        });
      },
    };
    const result = fixAll(`Title 09.02.2025\n${BODY}`, { today, rules: [grow] });
    assert.deepEqual([result.settled, result.passes], [false, MAX_FIX_PASSES]);
  });

  it('settles with the rules of safe fixes first, then applies a safe fix from any other rule, and reports all', () => {
    const rules = [replacing('X', 'Y', 'x-to-y', true), replacing('Y', 'Z', 'y-to-z'), noting('watcher')];
    const result = fixAll(`Title 09.02.2025\n${BODY} X\nSource : https://press.example.gov/1`, { today, rules });
    assert.ok(result.settled);
    assert.ok(result.text.includes(`${BODY} Z\n`), result.text);
    assert.deepEqual(
      result.analysis.findings.map((f) => f.ruleId),
      ['watcher'],
    );
  });

  it('reports an unsettled text with every rule, also when the rules of safe fixes loop', () => {
    const text = `Title 09.02.2025\n${BODY} X\nSource : https://press.example.gov/1`;
    const rules = [replacing('X', 'Y', 'x-to-y', true), replacing('Y', 'X', 'y-to-x', true), noting('other')];
    const result = fixAll(text, { today, rules });
    assert.equal(result.settled, false);
    assert.ok(
      result.analysis.findings.some((f) => f.ruleId === 'other'),
      'the report of an unsettled text lacks a rule',
    );
  });

  it('picks 200,000 non-touching fixes out of 400,000 in one sweep', () => {
    const findings: Finding[] = [];
    for (let i = 0; i < 200_000; i++) {
      const at = i * 4;
      const fix = (start: number) => ({ title: 't', safe: true, edits: [{ start, end: start + 1, newText: '_' }] });
      findings.push({ ruleId: 'r', severity: 'info', message: 'm', span: { start: at, end: at + 1 }, fix: fix(at) });
      findings.push({
        ruleId: 'r',
        severity: 'info',
        message: 'm',
        span: { start: at, end: at + 2 },
        fix: fix(at + 1),
      });
    }
    const chosen = selectFixes(findings, true);
    assert.equal(chosen.length, 200_000);
    const text = 'abcd'.repeat(200_000);
    assert.equal(
      applyEdits(
        text,
        chosen.flatMap((f) => f.edits),
      ),
      '_bcd'.repeat(200_000),
    );
  });
});
