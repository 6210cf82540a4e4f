// Rewrites two generated parts of README.md, each between its marker comments: the Rules table, from the rule
// metadata (id, formats, default severity, fixable, description, options), and the command-line example, from a real run of
// the built CLI on samples/sample.release; so that neither can say something the code does not.
// Run after the build and `tsc -b` (npm run readme, or npm run manifest); a unit test fails when README.md differs
// from what this script would write, and imports `withRulesTable` and `withCliExample` for that, so importing this
// file writes nothing.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const START = '<!-- rules:start -->';
export const END = '<!-- rules:end -->';
const NOTE = '<!-- Written by `npm run readme` from server/src/core/rules; edit the rules, not this table. -->';

export const CLI_START = '<!-- cli-example:start -->';
export const CLI_END = '<!-- cli-example:end -->';
const CLI_NOTE = '<!-- Written by `npm run readme` from a run of the CLI on samples/sample.release. -->';
const CLI_COMMAND = 'npx press-release-lint samples/sample.release';
/**
 * The sample's future date (2030) is in the future for readers; pinning the day keeps the example from depending
 * on the clock. The excerpt shows no line that names the day.
 */
const CLI_TODAY = '2026-01-01';
/** The example shows the first findings, then the summary: enough to show the format without the whole report. */
const CLI_HEAD_LINES = 3;

/** A table cell must not end the cell early. */
function cell(text) {
  return text.replace(/\|/g, '\\|');
}

/** The options in words, so that the table names each option and its default as the settings schema does. */
function optionsText(rule) {
  return Object.entries(rule.options ?? {})
    .map(([name, spec]) => {
      if (spec.type === 'integer') return ` Option \`${name}\`, default ${spec.default}.`;
      const others = spec.values.filter((v) => v !== spec.default).map((v) => `\`${v}\``);
      return ` Option \`${name}\`: \`${spec.default}\` (default) or ${others.join(' or ')}.`;
    })
    .join('');
}

/** The formats a rule applies to, in the words the README uses for them. */
function formatsText(rule) {
  if (rule.formats.length > 1) return 'both';
  return rule.formats[0] === 'wire' ? 'standard' : 'feed';
}

/** The table, in the order of the rules list, as lines of Markdown. */
export function rulesTable(rules) {
  const rows = rules.map((r) => {
    const link = `[\`${r.id}\`](docs/rules/${r.id}.md)`;
    const catches = cell(r.description + optionsText(r));
    return `| ${link} | ${formatsText(r)} | ${r.defaultSeverity} | ${r.fixable ? 'yes' : '—'} | ${catches} |`;
  });
  const header = ['| Rule | Format | Default | Fix | Catches |', '|---|---|---|---|---|'];
  return [NOTE, '', ...header, ...rows].join('\n');
}

/** The README with the text between the markers replaced by the table; throws when the markers are missing. */
export function withRulesTable(readme, rules) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md needs ${START} and then ${END} around the rules table`);
  // Blank lines around the table keep the marker comments from running into it in any Markdown renderer.
  return `${readme.slice(0, start + START.length)}\n${rulesTable(rules)}\n\n${readme.slice(end)}`;
}

/** The built CLI's stylish report on the sample, run from the repository root as a reader would. */
export function cliReport(root) {
  const args = ['bin/press-release-lint.js', '--today', CLI_TODAY, 'samples/sample.release'];
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0 && r.status !== 1) throw new Error(`the CLI failed (exit code ${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** The example block: the command, the report's first lines, an ellipsis, and the report's closing summary. */
export function cliExample(report) {
  const lines = report.replace(/\s+$/, '').split('\n');
  const summary = lines.findIndex((line) => line.startsWith('✖'));
  if (summary < 0) throw new Error(`the CLI's report has no summary line:\n${report}`);
  const shown = [`$ ${CLI_COMMAND}`, ...lines.slice(0, CLI_HEAD_LINES), '  ...', ...lines.slice(summary)];
  return [CLI_NOTE, '', '```text', ...shown, '```'].join('\n');
}

/** The README with the text between the CLI markers replaced by the example; throws when the markers are missing. */
export function withCliExample(readme, report) {
  const start = readme.indexOf(CLI_START);
  const end = readme.indexOf(CLI_END);
  if (start < 0 || end < start) throw new Error(`README.md needs ${CLI_START} and then ${CLI_END} around the example`);
  return `${readme.slice(0, start + CLI_START.length)}\n${cliExample(report)}\n\n${readme.slice(end)}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const require = createRequire(import.meta.url);
  const core = require('../out/server/src/core/index.js');
  const path = new URL('../README.md', import.meta.url);
  const before = readFileSync(path, 'utf8');
  const root = fileURLToPath(new URL('..', import.meta.url));
  const after = withCliExample(withRulesTable(before, core.RULES), cliReport(root));
  if (after !== before) writeFileSync(path, after);
  const what = after === before ? 'README.md is up to date' : 'Wrote the README rules table and CLI example';
  console.log(`${what} (${core.RULES.length} rules).`);
}
