/** The command line: options, their values, and the files to lint. */
import { CONFIG_FILE_NAME, isValidDate, type CalendarDate } from '../core/index';
import { UsageError } from './errors';
import { parseShard, type Shard } from './shard';

export const USAGE = `Usage: press-release-lint [options] [--] <files, folders or 'patterns'...>

Lints press-release feeds. Use - to read standard input. A folder stands for the files in it and below it
that end in .release or in an ending the config's "extensions" lists; a quoted pattern ('feeds/**/*.release')
for the files it matches. Both skip node_modules, .git and what .gitignore files leave out, and are linted
sorted by path; a file named on its own is always linted. A folder or pattern without a feed is an error.

Options:
  --format <format>       Output format: stylish (default), json, or sarif (SARIF 2.1.0, for code scanning)
  --fix                   Apply the safe fixes in place (to stdout for -)
  --config <file>         Read settings from this file (default: for each file, the nearest
                          ${CONFIG_FILE_NAME} in its folder or above, up to the repository root)
  --rule <id>=<severity>  Set a rule's severity: off, hint, info, warning or error (repeatable)
  --max-warnings <n>      Exit with 1 when there are more than n warnings
  --today <YYYY-MM-DD>    Treat this date as today (for future and missing dates)
  --jobs <n>              Lint up to n files at once, in worker threads (default: the number of cores);
                          the report is the same, in the same order, whatever n is
  --shard <i>/<n>         Lint only the i-th of n shares of the files, for CI jobs in parallel: the files,
                          sorted by path, are dealt out in turn, so shares are even and never overlap
  --                      Treat every later argument as a file, even if it starts with -
  -h, --help              Show this help
  -v, --version           Show the version`;

export interface Options {
  format: 'stylish' | 'json' | 'sarif';
  fix: boolean;
  configFile?: string;
  ruleFlags: string[];
  maxWarnings?: number;
  today?: CalendarDate;
  /** How many files to lint at once; undefined for the number of cores. */
  jobs?: number;
  shard?: Shard;
  files: string[];
}

export type ParsedArgs = Options | 'help' | 'version';

/** Options that take a value, and what each does with it. */
const VALUE_OPTIONS: Record<string, (o: Options, value: string) => void> = {
  '--format': (o, v) => {
    if (v !== 'stylish' && v !== 'json' && v !== 'sarif') {
      throw new UsageError(`--format must be stylish, json or sarif, not "${v}"`);
    }
    o.format = v;
  },
  '--config': (o, v) => {
    o.configFile = v;
  },
  '--rule': (o, v) => {
    o.ruleFlags.push(v);
  },
  '--max-warnings': (o, v) => {
    if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings expects a whole number, not "${v}"`);
    o.maxWarnings = Number(v);
  },
  '--today': (o, v) => {
    o.today = parseToday(v);
  },
  '--jobs': (o, v) => {
    if (!/^\d+$/.test(v) || Number(v) < 1)
      throw new UsageError(`--jobs expects a whole number of at least 1, not "${v}"`);
    o.jobs = Number(v);
  },
  '--shard': (o, v) => {
    o.shard = parseShard(v);
  },
};

/** Parses the arguments after the program name. Throws `UsageError` with a one-line reason. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const o: Options = { format: 'stylish', fix: false, ruleFlags: [], files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      o.files.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      o.files.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inlineValue = eq > 0 ? arg.slice(eq + 1) : undefined;
    if (name === '-h' || name === '--help') return 'help';
    if (name === '-v' || name === '--version') return 'version';
    if (name === '--fix') {
      if (inlineValue !== undefined) throw new UsageError('--fix takes no value');
      o.fix = true;
      continue;
    }
    const apply = Object.hasOwn(VALUE_OPTIONS, name) ? VALUE_OPTIONS[name] : undefined;
    if (!apply) throw new UsageError(`unknown option ${arg} (use -- before a file name that starts with -)`);
    let value = inlineValue;
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined) throw new UsageError(`${name} needs a value`);
    }
    apply(o, value);
  }
  if (o.files.length === 0) throw new UsageError('no files given (use - for standard input)');
  return o;
}

/** Reads `--today`, which must be a day that exists: 2025-02-30 is refused, not rolled into March. */
function parseToday(value: string): CalendarDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m || !isValidDate(+m[1], +m[2], +m[3])) {
    throw new UsageError(`--today expects a real date as YYYY-MM-DD, not "${value}"`);
  }
  return { year: +m[1], month: +m[2], day: +m[3] };
}
