/**
 * press-release-lint: the command-line linter. It runs the same core as
 * the language server, so CI and the editor always agree.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CONFIG_FILE_NAME,
  fixAll,
  LineIndex,
  lint,
  parseRuleFlag,
  readConfigText,
  resolveConfig,
  ruleDocUrl,
  type Analysis,
  type CalendarDate,
  type ConfigLayer,
  type Finding,
  type LintOptions,
} from './core/index';

declare const PACKAGE_VERSION: string;

export const USAGE = `Usage: press-release-lint [options] <files...>

Lints press-release feeds. Use - to read standard input.

Options:
  --format stylish|json   Output format (default: stylish)
  --fix                   Apply the safe fixes in place (to stdout for -)
  --config <file>         Read settings from this file (default: ./${CONFIG_FILE_NAME} if present)
  --rule <id>=<severity>  Set a rule's severity: off, hint, info, warning or error (repeatable)
  --max-warnings <n>      Exit with 1 when there are more than n warnings
  --today <YYYY-MM-DD>    Treat this date as today (for future-date)
  -h, --help              Show this help
  -v, --version           Show the version`;

class UsageError extends Error {}

interface Options {
  format: 'stylish' | 'json';
  fix: boolean;
  configFile?: string;
  ruleFlags: string[];
  maxWarnings?: number;
  today?: CalendarDate;
  files: string[];
}

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => string;
  cwd: string;
  isTTY: boolean;
}

function parseArgs(argv: string[]): Options | 'help' | 'version' {
  const o: Options = { format: 'stylish', fix: false, ruleFlags: [], files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (eq > 0) return arg.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '-h':
      case '--help':
        return 'help';
      case '-v':
      case '--version':
        return 'version';
      case '--format': {
        const f = value();
        if (f !== 'stylish' && f !== 'json') throw new UsageError(`--format must be stylish or json, not "${f}"`);
        o.format = f;
        break;
      }
      case '--fix':
        o.fix = true;
        break;
      case '--config':
        o.configFile = value();
        break;
      case '--rule':
        o.ruleFlags.push(value());
        break;
      case '--max-warnings': {
        const v = value();
        if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings expects a whole number, not "${v}"`);
        o.maxWarnings = Number(v);
        break;
      }
      case '--today': {
        const v = value();
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
        if (!m) throw new UsageError(`--today expects YYYY-MM-DD, not "${v}"`);
        o.today = { year: +m[1], month: +m[2], day: +m[3] };
        break;
      }
      default:
        if (arg !== '-' && arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
        o.files.push(arg);
    }
  }
  if (o.files.length === 0) throw new UsageError('no files given (use - for standard input)');
  return o;
}

function loadLayers(o: Options, cwd: string): ConfigLayer[] {
  const layers: ConfigLayer[] = [];
  const file = o.configFile ? path.resolve(cwd, o.configFile) : path.join(cwd, CONFIG_FILE_NAME);
  let text: string | undefined;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if (o.configFile) throw new UsageError(`cannot read config ${o.configFile}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (text !== undefined) {
    const read = readConfigText(text, o.configFile ?? CONFIG_FILE_NAME);
    if (read.errors.length > 0) throw new UsageError(read.errors[0]);
    layers.push(read.layer);
  }
  for (const flag of o.ruleFlags) {
    const read = parseRuleFlag(flag);
    if (read.errors.length > 0) throw new UsageError(read.errors[0]);
    layers.push(read.layer);
  }
  return layers;
}

const SEVERITY_NUMBER = { error: 1, warning: 2, info: 3, hint: 4 } as const;

interface FileResult {
  file: string;
  findings: Finding[];
  /** Built from the parser's lines, so positions cost no second split of a large file. */
  index: LineIndex;
}

/**
 * Writes the JSON report as text directly: on a 10 MB feed with 90,000
 * findings, building an object tree for JSON.stringify doubled the time
 * spent collecting garbage. The shape is `[{file, diagnostics: [LSP Diagnostic]}]`.
 */
function jsonReport(results: FileResult[]): string {
  const files: string[] = [];
  for (const r of results) {
    const pos = (o: number) => {
      const p = r.index.positionAt(o);
      return `{"line":${p.line},"character":${p.character}}`;
    };
    const diagnostics = r.findings.map(
      (f) =>
        `{"range":{"start":${pos(f.span.start)},"end":${pos(f.span.end)}},"severity":${SEVERITY_NUMBER[f.severity]},"code":"${f.ruleId}",` +
        `"codeDescription":{"href":${JSON.stringify(ruleDocUrl(f.ruleId))}},"source":"press-release","message":${JSON.stringify(f.message)}}`,
    );
    files.push(`{"file":${JSON.stringify(r.file)},"diagnostics":[${diagnostics.join(',')}]}`);
  }
  return `[${files.join(',')}]`;
}

function stylishReport(results: FileResult[], color: boolean): string {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const sevColor = { error: '31', warning: '33', info: '36', hint: '90' } as const;
  const out: string[] = [];
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  let fixable = 0;
  for (const r of results) {
    if (r.findings.length === 0) continue;
    const index = r.index;
    out.push(paint('4', r.file));
    const rows = r.findings.map((f) => {
      const p = index.positionAt(f.span.start);
      counts[f.severity]++;
      if (f.fix?.safe) fixable++;
      return [`${p.line + 1}:${p.character + 1}`, f.severity, f.message, f.ruleId] as const;
    });
    const w0 = Math.max(...rows.map((x) => x[0].length));
    for (const [pos, sev, msg, id] of rows) out.push(`  ${paint('2', pos.padEnd(w0))}  ${paint(sevColor[sev], sev.padEnd(7))}  ${msg}  ${paint('2', id)}`);
    out.push('');
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  if (total === 0) return '';
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const summary = `✖ ${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info + counts.hint, 'info')})`;
  out.push(paint(counts.error > 0 ? '31;1' : '33;1', summary));
  if (fixable > 0) out.push(`  ${plural(fixable, 'problem')} ${fixable === 1 ? 'is' : 'are'} fixable with --fix`);
  return `${out.join('\n')}\n`;
}

/** Writes through a temporary file and a rename, so a crash never leaves a half-written feed. */
function writeAtomic(file: string, text: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const mode = fs.statSync(file).mode;
  fs.writeFileSync(tmp, text, { mode });
  fs.renameSync(tmp, file);
}

export function run(argv: string[], io: Io): number {
  let o: Options;
  let lintOptions: LintOptions;
  try {
    const parsed = parseArgs(argv);
    if (parsed === 'help') {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (parsed === 'version') {
      io.stdout(`${typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : 'dev'}\n`);
      return 0;
    }
    o = parsed;
    lintOptions = { config: resolveConfig(...loadLayers(o, io.cwd)), today: o.today };
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`press-release-lint: ${e.message}\n`);
      return 2;
    }
    throw e;
  }

  const results: FileResult[] = [];
  for (const file of o.files) {
    let raw: string;
    try {
      raw = file === '-' ? io.readStdin() : fs.readFileSync(path.resolve(io.cwd, file), 'utf8');
    } catch (e) {
      io.stderr(`press-release-lint: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      return 2;
    }
    // Editors hide the BOM, so positions are counted without it; --fix puts it back.
    const bom = raw.charCodeAt(0) === 0xfeff;
    let text = bom ? raw.slice(1) : raw;
    let analysis: Analysis;
    if (o.fix) {
      const fixed = fixAll(text, lintOptions, true);
      if (file === '-') io.stdout((bom ? '\ufeff' : '') + fixed.text);
      else if (fixed.text !== text) writeAtomic(path.resolve(io.cwd, file), (bom ? '\ufeff' : '') + fixed.text);
      text = fixed.text;
      analysis = fixed.analysis;
    } else {
      analysis = lint(text, lintOptions);
    }
    results.push({ file, findings: analysis.findings, index: analysis.feed.lineIndex });
  }

  // With --fix on standard input the fixed text owns stdout, so the report goes to stderr.
  const report = o.fix && o.files.includes('-') ? io.stderr : io.stdout;
  if (o.format === 'json') report(`${jsonReport(results)}\n`);
  else report(stylishReport(results, io.isTTY && !process.env.NO_COLOR));

  const all = results.flatMap((r) => r.findings);
  const errors = all.filter((f) => f.severity === 'error').length;
  const warnings = all.filter((f) => f.severity === 'warning').length;
  if (errors > 0) return 1;
  if (o.maxWarnings !== undefined && warnings > o.maxWarnings) {
    io.stderr(`press-release-lint: ${warnings} warnings exceed --max-warnings ${o.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/** Runs the CLI on this process's arguments and streams. */
export function main(): void {
  process.exitCode = run(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    readStdin: () => fs.readFileSync(0, 'utf8'),
    cwd: process.cwd(),
    isTTY: !!process.stdout.isTTY,
  });
}

if (require.main === module) main();
