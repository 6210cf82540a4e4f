/**
 * GitHub Actions' problem matchers, applied to output lines the way the runner applies them (actions/runner,
 * `IssueMatcher.Match` and `OutputManager.ConvertToIssue`): a multi-line matcher keeps a running match from its
 * first pattern, a `loop` last pattern reports every line it matches until one does not, a severity the line
 * does not give is the matcher's default, and only error, warning and notice are reported.
 */

export interface PatternConfig {
  regexp: string;
  file?: number;
  line?: number;
  column?: number;
  severity?: number;
  code?: number;
  message?: number;
  loop?: boolean;
}

export interface MatcherConfig {
  owner: string;
  severity?: string;
  pattern: PatternConfig[];
}

export interface Issue {
  file: string | undefined;
  line: number | undefined;
  column: number | undefined;
  severity: 'error' | 'warning' | 'notice';
  code: string | undefined;
  message: string;
}

type Fields = Record<'file' | 'line' | 'column' | 'severity' | 'code' | 'message', string | undefined>;
const FIELDS = ['file', 'line', 'column', 'severity', 'code', 'message'] as const;

/** A group the regexp has but the line did not use reads as '', as in .NET. */
function fieldsOf(pattern: PatternConfig, groups: RegExpExecArray, running: Fields | undefined): Fields {
  const fields = {} as Fields;
  for (const name of FIELDS) {
    const index = pattern[name];
    fields[name] = running?.[name] ?? (index === undefined ? undefined : (groups[index] ?? ''));
  }
  return fields;
}

/** The issues a matcher finds in `lines`, in order. */
export function applyMatcher(config: MatcherConfig, lines: readonly string[]): Issue[] {
  const patterns = config.pattern.map((p) => ({ config: p, regexp: new RegExp(p.regexp) }));
  const last = patterns.length - 1;
  // The running match of each pattern but the last, as the runner's `_state`.
  let state: Array<Fields | undefined> = new Array<Fields | undefined>(last).fill(undefined);
  const issues: Issue[] = [];
  for (const line of lines) {
    for (let i = last; i >= 0; i--) {
      const running = i > 0 ? state[i - 1] : undefined;
      if (i > 0 && running === undefined) continue;
      const groups = patterns[i].regexp.exec(line);
      if (!groups) {
        if (i === last) state[i - 1] = undefined;
        else state[i] = undefined;
        continue;
      }
      const fields = fieldsOf(patterns[i].config, groups, running);
      if (i < last) {
        state[i] = fields;
        continue;
      }
      state = new Array<Fields | undefined>(last).fill(undefined);
      if (patterns[i].config.loop) state[i - 1] = running;
      const issue = toIssue(fields, config.severity ?? '');
      if (issue) issues.push(issue);
      break;
    }
  }
  return issues;
}

function toIssue(fields: Fields, defaultSeverity: string): Issue | undefined {
  if (!fields.message?.trim()) return undefined;
  const severity = (fields.severity || defaultSeverity).toLowerCase();
  if (severity !== '' && severity !== 'error' && severity !== 'warning' && severity !== 'notice') return undefined;
  return {
    file: fields.file || undefined,
    line: fields.line ? Number(fields.line) : undefined,
    column: fields.column ? Number(fields.column) : undefined,
    severity: severity === '' ? 'error' : severity,
    code: fields.code?.trim() || undefined,
    message: fields.message,
  };
}
