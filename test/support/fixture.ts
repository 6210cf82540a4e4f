/**
 * Fixture feeds carry their expected findings inline. A line starting with
 * `#!` is an annotation and is removed before linting:
 *
 *   #! <rule-id>               a finding on the whole (trimmed) text line above
 *   #! <rule-id> "snippet"     a finding covering the first "snippet" on that line
 *   #! <rule-id> "snippet"#2   ... the second occurrence
 *   #! config {json}           settings for this fixture, as in .pressreleaserc.json
 *   #! today YYYY-MM-DD        the date that counts as today (default 2025-06-01)
 */
import { readConfig, resolveConfig, type CalendarDate, type Config } from '../../server/src/core/index';

export interface Expected {
  ruleId: string;
  line: number;
  start: number;
  end: number;
  /** Where the annotation sits in the fixture file, for failure messages. */
  fixtureLine: number;
}

export interface Fixture {
  text: string;
  expected: Expected[];
  config: Config;
  today: CalendarDate;
}

const ANNOTATION = /^#!\s*([a-z-]+)(?:\s+"((?:[^"\\]|\\.)*)"(?:#(\d+))?)?\s*$/;

export function parseFixture(source: string, name: string): Fixture {
  const textLines: string[] = [];
  const expected: Expected[] = [];
  let config: Config = resolveConfig();
  let today: CalendarDate = { year: 2025, month: 6, day: 1 };
  source.split('\n').forEach((raw, i) => {
    if (!raw.startsWith('#!')) {
      textLines.push(raw);
      return;
    }
    const where = `${name}:${i + 1}`;
    const directive = /^#!\s*(config|today)\s+(.*)$/.exec(raw);
    if (directive?.[1] === 'config') {
      const read = readConfig(JSON.parse(directive[2]), where);
      if (read.errors.length) throw new Error(read.errors.join('; '));
      config = resolveConfig(read.layer);
      return;
    }
    if (directive?.[1] === 'today') {
      const [y, m, d] = directive[2].trim().split('-').map(Number);
      today = { year: y, month: m, day: d };
      return;
    }
    const m = ANNOTATION.exec(raw);
    if (!m) throw new Error(`${where}: cannot read annotation ${JSON.stringify(raw)}`);
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
    expected.push({ ruleId: m[1], line, start, end, fixtureLine: i + 1 });
  });
  return { text: textLines.join('\n'), expected, config, today };
}
