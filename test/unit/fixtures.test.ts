/**
 * One runner for every fixture feed (format in test/support/fixture.ts). The findings must be exactly the annotated
 * ones, with their messages and the titles of their fixes; the safe fixes must turn the feed into its
 * `.fixed.release` twin; and after every fix is applied nothing fixable may remain. The findings and the fixed text
 * are checked on the feed as stored (LF) and with CRLF line ends, since users on Windows must see the same thing.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  applyEdits,
  crossFileFindingsAlone,
  DATE_FORMATS,
  fixAll,
  LineIndex,
  lint,
  RULES,
  summarizeText,
} from '../../server/src/core/index';
import type { Finding, Fix, Position } from '../../server/src/core/index';
import { parseFixture, type Expected, type ExpectedFix, type Fixture } from '../support/fixture';

const DIR = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'lint');
const FIXED = '.fixed.release';
const EOLS = [
  ['LF', '\n'],
  ['CRLF', '\r\n'],
] as const;

/** One finding as a comparable block: position, rule, message, then one line per fix. */
interface Shown {
  line: number;
  start: number;
  end: number;
  text: string;
}

function fixesOf(f: Finding): Fix[] {
  return [...(f.fix ? [f.fix] : []), ...(f.moreFixes ?? [])];
}

function show(from: Position, to: Position, ruleId: string, message: string, fixes: ExpectedFix[] | Fix[]): Shown {
  const where = `${from.line + 1}:${from.character}-${to.line + 1}:${to.character}`;
  const fixLines = fixes.map((x) => `\n  ${x.safe ? 'safe fix' : 'fix'}: ${x.title}`).join('');
  const text = `${where} ${ruleId}: ${message}${fixLines}`;
  return { line: from.line, start: from.character, end: to.character, text };
}

function showActual(index: LineIndex, f: Finding): Shown {
  return show(index.positionAt(f.span.start), index.positionAt(f.span.end), f.ruleId, f.message, fixesOf(f));
}

function showExpected(x: Expected): Shown {
  const at = (character: number): Position => ({ line: x.line, character });
  return show(at(x.start), at(x.end), x.ruleId, x.message, x.fixes);
}

/** Document order, so that a failure diff reads like the fixture. */
function inOrder(shown: Shown[]): string[] {
  const byPlace = (a: Shown, b: Shown) => a.line - b.line || a.start - b.start || a.end - b.end;
  return [...shown].sort((a, b) => byPlace(a, b) || (a.text < b.text ? -1 : 1)).map((s) => s.text);
}

/**
 * The lines a fix changes, as they read after it alone is applied. Edits whose lines overlap are one group; each
 * group is applied to its lines and split again, so a fix that splits a line shows both halves.
 */
function linesChangedBy(text: string, fix: Fix): string[] {
  const index = new LineIndex(text);
  const groups: Array<{ first: number; last: number; edits: Fix['edits'] }> = [];
  const edits = [...fix.edits].sort((a, b) => a.start - b.start);
  for (const e of edits) {
    const first = index.lineAt(e.start);
    const last = index.lineAt(e.end);
    const open = groups[groups.length - 1];
    if (open && first <= open.last) {
      open.last = Math.max(open.last, last);
      open.edits.push(e);
    } else groups.push({ first, last, edits: [e] });
  }
  return groups.flatMap((g) => {
    const from = index.lineStart(g.first);
    const region = text.slice(from, index.lineEnd(g.last));
    const shifted = g.edits.map((e) => ({ ...e, start: e.start - from, end: e.end - from }));
    return applyEdits(region, shifted).split(/\r\n|\r|\n/);
  });
}

/**
 * The cross-file findings of the fixture as a workspace of its own, as the CLI gives them for standard input: under
 * the names' workspace scope, a file's names are compared with each other there.
 */
function aloneInWorkspace(text: string, fx: Fixture): Finding[] {
  return crossFileFindingsAlone('fixture', summarizeText(text, fx.config), fx.config);
}

function checkFindings(fx: Fixture, eol: string): void {
  const text = fx.text.replace(/\n/g, eol);
  const index = new LineIndex(text);
  const findings = [...lint(text, { config: fx.config, today: fx.today }).findings, ...aloneInWorkspace(text, fx)];
  const actual = findings.map((f) => showActual(index, f));
  assert.deepEqual(inOrder(actual), inOrder(fx.expected.map(showExpected)));
  // The lists are equal, so every annotation has a finding that shows the same; `=` lines are checked against it.
  for (const x of fx.expected) {
    const shown = showExpected(x).text;
    const f = findings[actual.findIndex((a) => a.text === shown)];
    x.fixes.forEach((want, k) => {
      if (want.after === undefined) return;
      const got = linesChangedBy(text, fixesOf(f)[k]);
      assert.deepEqual(got, want.after, `fixture line ${x.fixtureLine}: the lines after "${want.title}"`);
    });
  }
}

/** Reads a fixture, or returns why it cannot be read, so that one bad fixture fails its own test and not the run. */
function load(file: string): Fixture | Error {
  try {
    return parseFixture(fs.readFileSync(path.join(DIR, file), 'utf8'), file);
  } catch (e) {
    return e as Error;
  }
}

const files = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.release') && !f.endsWith(FIXED))
  .sort();

describe('fixture feeds', () => {
  it('finds the fixture folder', () => assert.ok(files.length >= 5, `only ${files.length} fixtures in ${DIR}`));

  it('pairs every fixed text with a fixture', () => {
    const twinOf = (f: string) => `${f.slice(0, -FIXED.length)}.release`;
    const orphans = fs.readdirSync(DIR).filter((f) => f.endsWith(FIXED) && !files.includes(twinOf(f)));
    assert.deepEqual(orphans, []);
  });

  for (const file of files) {
    describe(file, () => {
      const fx = load(file);
      if (fx instanceof Error) {
        it('has annotations that can be read', () => assert.fail(fx.message));
        return;
      }
      const options = { config: fx.config, today: fx.today };

      for (const [name, eol] of EOLS) {
        it(`reports exactly the annotated findings, messages and fix titles (${name})`, () => checkFindings(fx, eol));
      }

      for (const [name, eol] of EOLS) {
        it(`turns into ${file.replace(/\.release$/, FIXED)} with the safe fixes (${name})`, () => {
          const fixedPath = path.join(DIR, file.replace(/\.release$/, FIXED));
          assert.ok(fs.existsSync(fixedPath), `${fixedPath} is missing: it holds the text that --fix writes`);
          const want = fs.readFileSync(fixedPath, 'utf8');
          assert.ok(!want.includes('\r'), `${fixedPath} must use LF line ends; the runner makes the CRLF variant`);
          const fixed = fixAll(fx.text.replace(/\n/g, eol), options, true);
          assert.ok(fixed.settled, 'the safe fixes do not settle');
          assert.equal(fixed.text, want.replace(/\n/g, eol));
        });
      }

      it('leaves nothing fixable after all fixes are applied', () => {
        const fixed = fixAll(fx.text, options, false);
        const left = lint(fixed.text, options).findings.filter((f) => f.fix);
        assert.deepEqual(
          left.map((f) => `${f.ruleId}: ${f.message}`),
          [],
        );
      });

      it('leaves no safe fix after the safe fixes are applied', () => {
        const fixed = fixAll(fx.text, options, true);
        const left = lint(fixed.text, options).findings.filter((f) => f.fix?.safe);
        assert.deepEqual(
          left.map((f) => `${f.ruleId}: ${f.message}`),
          [],
        );
      });
    });
  }
});

/**
 * A rule or an option with no fixture can change what users see without any test noticing, so each must be used by
 * a fixture that also expects a finding of that rule.
 */
describe('fixture coverage', () => {
  const fixtures = files.map(load).filter((fx): fx is Fixture => !(fx instanceof Error));
  const expecting = (ruleId: string) => fixtures.filter((fx) => fx.expected.some((x) => x.ruleId === ruleId));

  it('expects a finding of every rule', () => {
    assert.deepEqual(
      RULES.filter((r) => expecting(r.id).length === 0).map((r) => r.id),
      [],
    );
  });

  it('sets every rule option to a value other than its default, and to each of its choices', () => {
    const missing: string[] = [];
    for (const rule of RULES) {
      for (const [name, spec] of Object.entries(rule.options ?? {})) {
        const used = expecting(rule.id).map((fx) => fx.config.rules[rule.id].options[name]);
        if (used.every((v) => v === spec.default)) missing.push(`${rule.id} ${name} other than ${spec.default}`);
        const choices = spec.type === 'enum' ? spec.values : [];
        for (const v of choices) if (!used.includes(v)) missing.push(`${rule.id} ${name} ${v}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('uses every date format with a date-format finding', () => {
    const used = new Set(expecting('date-format').map((fx) => fx.config.dateFormat));
    assert.deepEqual(
      DATE_FORMATS.filter((f) => !used.has(f)),
      [],
    );
  });

  it('marks safeFixes exactly the rules whose fixtures offer a safe fix', () => {
    // fixAll settles a text with these rules alone before it runs them all.
    const safe = new Set<string>();
    for (const file of files) {
      const fx = load(file);
      if (fx instanceof Error) continue;
      const findings = lint(fx.text, { config: fx.config, today: fx.today }).findings;
      for (const f of findings) if (fixesOf(f).some((fix) => fix.safe)) safe.add(f.ruleId);
    }
    assert.deepEqual(
      RULES.filter((r) => (r.safeFixes ?? false) !== safe.has(r.id)).map((r) => `${r.id} (safeFixes: ${r.safeFixes})`),
      [],
    );
  });

  it('expects fixes exactly for the rules marked fixable', () => {
    // The README's Fix column comes from `fixable`: a rule that offers fixes must say so, and one that says so must.
    const withFixes = fixtures.flatMap((fx) => fx.expected.filter((x) => x.fixes.length > 0));
    const offering = new Set(withFixes.map((x) => x.ruleId));
    const wrong = RULES.filter((r) => r.fixable !== offering.has(r.id));
    assert.deepEqual(
      wrong.map((r) => `${r.id} (fixable: ${r.fixable})`),
      [],
    );
  });
});
