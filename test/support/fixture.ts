/**
 * Fixture feeds carry what users should see inline, as markdownlint's scenario tests and Harper's suggestion asserts
 * do. A line starting with `#!` is an annotation: it is removed before linting, so positions and line numbers refer
 * to the feed without the annotations.
 *
 * A finding, on the nearest text line above the annotation, with its exact message after `: `:
 *
 *   #! <rule-id>: <message>                  covers the whole line, without its leading and trailing blanks
 *   #! <rule-id> "snippet": <message>        covers the first "snippet" on that line (JSON string escapes)
 *   #! <rule-id> "snippet"#2: <message>      ... its second occurrence
 *
 * Its quick fixes follow directly below it, in the order they are offered: the main fix, then the further ones.
 * A finding whose fixes are not listed must offer none, so every fix title is checked.
 *
 *   #!   safe fix: <title>                   a safe fix: `--fix` and fix-all on save apply it
 *   #!   fix: <title>                        a fix that only a person applies
 *   #!     = <line>                          optional, below a fix: the lines that this fix alone changes, as they
 *                                            read after it; one `=` line per resulting line, in document order;
 *                                            everything after `= ` counts, trailing blanks too
 *
 * Settings for the whole fixture, anywhere in it:
 *
 *   #! config {json}                         settings, with the keys of .pressreleaserc.json
 *   #! today YYYY-MM-DD                      the date that counts as today (default 2025-06-01)
 *
 * Beside each `X.release`, `X.fixed.release` holds the exact text after the safe fixes, without annotations: what
 * `press-release-lint --fix` writes. Both files use LF line ends; the runner converts both to CRLF to check that too.
 *
 * Lines are matched by shape, in this order: `config` and `today` directives, fix lines, `=` lines, findings. An
 * annotation that fits none of them, a finding without a message, an unknown rule id, or a fix line that does not
 * follow a finding is an error, so a typo cannot silently weaken a fixture.
 */
import { readConfig, resolveConfig, RULES_BY_ID, type CalendarDate, type Config } from '../../server/src/core/index';

export interface ExpectedFix {
  title: string;
  safe: boolean;
  /** The lines this fix changes, as they read once it alone is applied; absent when the fixture does not say. */
  after?: string[];
}

export interface Expected {
  ruleId: string;
  line: number;
  start: number;
  end: number;
  message: string;
  /** The main fix first, then the further fixes, in the order they are offered. */
  fixes: ExpectedFix[];
  /** Where the annotation sits in the fixture file, for failure messages. */
  fixtureLine: number;
}

export interface Fixture {
  text: string;
  expected: Expected[];
  config: Config;
  today: CalendarDate;
}

const DIRECTIVE = /^#!\s*(config|today)\s+(.*)$/;
const FIX = /^#!\s*(safe )?fix: (.*\S)\s*$/;
const AFTER = /^#!\s*=(?: (.*))?$/;
const FINDING = /^#!\s*([a-z][a-z-]*)(?:\s+"((?:[^"\\]|\\.)*)"(?:#(\d+))?)?(?:: (.*\S))?\s*$/;

export function parseFixture(source: string, name: string): Fixture {
  // The runner makes the CRLF variant itself; a fixture stored with CRLF would hide `\r` inside the expected text.
  if (source.includes('\r')) throw new Error(`${name}: fixtures are stored with LF line ends only`);
  const textLines: string[] = [];
  const expected: Expected[] = [];
  let config: Config = resolveConfig();
  let today: CalendarDate = { year: 2025, month: 6, day: 1 };
  // Fix lines and `=` lines belong to the finding (and fix) just above them, with no text line in between.
  let finding: Expected | undefined;
  let fix: ExpectedFix | undefined;
  source.split('\n').forEach((raw, i) => {
    if (!raw.startsWith('#!')) {
      textLines.push(raw);
      finding = undefined;
      fix = undefined;
      return;
    }
    const where = `${name}:${i + 1}`;
    const directive = DIRECTIVE.exec(raw);
    if (directive?.[1] === 'config') {
      const read = readConfig(JSON.parse(directive[2]), where);
      if (read.errors.length) throw new Error(read.errors.join('; '));
      config = resolveConfig(read.layer);
      finding = undefined;
      fix = undefined;
      return;
    }
    if (directive?.[1] === 'today') {
      const [y, m, d] = directive[2].trim().split('-').map(Number);
      today = { year: y, month: m, day: d };
      finding = undefined;
      fix = undefined;
      return;
    }
    const fixLine = FIX.exec(raw);
    if (fixLine) {
      if (!finding) throw new Error(`${where}: a fix line must follow the finding it belongs to`);
      fix = { title: fixLine[2], safe: fixLine[1] !== undefined };
      finding.fixes.push(fix);
      return;
    }
    const after = AFTER.exec(raw);
    if (after) {
      if (!fix) throw new Error(`${where}: an "=" line must follow the fix it belongs to`);
      (fix.after ??= []).push(after[1] ?? '');
      return;
    }
    const m = FINDING.exec(raw);
    if (!m) throw new Error(`${where}: cannot read annotation ${JSON.stringify(raw)}`);
    if (!RULES_BY_ID.has(m[1])) throw new Error(`${where}: unknown rule id "${m[1]}"`);
    if (m[4] === undefined) throw new Error(`${where}: the finding lacks its message; write it after ": "`);
    const line = textLines.length - 1;
    if (line < 0) throw new Error(`${where}: annotation before any text line`);
    const target = textLines[line];
    let start: number;
    let end: number;
    if (m[2] === undefined) {
      start = target.length - target.trimStart().length;
      end = target.trimEnd().length;
    } else {
      const snippet = JSON.parse(`"${m[2]}"`) as string;
      const nth = m[3] ? Number(m[3]) : 1;
      start = -1;
      for (let k = 0; k < nth; k++) start = target.indexOf(snippet, start + 1);
      if (start < 0) throw new Error(`${where}: "${snippet}" (#${nth}) not found on line ${line + 1}`);
      end = start + snippet.length;
    }
    finding = { ruleId: m[1], line, start, end, message: m[4], fixes: [], fixtureLine: i + 1 };
    fix = undefined;
    expected.push(finding);
  });
  return { text: textLines.join('\n'), expected, config, today };
}
