// Rewrites the Rules table of README.md, between its marker comments, from the rule metadata (id, default
// severity, fixable, description, options), so that the table cannot say something the rules do not.
// Run after `tsc -b` (npm run readme, or npm run manifest); a unit test fails when README.md differs from what
// this script would write, and imports `withRulesTable` for that, so importing this file writes nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const START = '<!-- rules:start -->';
export const END = '<!-- rules:end -->';
const NOTE = '<!-- Written by `npm run readme` from server/src/core/rules; edit the rules, not this table. -->';

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

/** The table, in the order of the rules list, as lines of Markdown. */
export function rulesTable(rules) {
  const rows = rules.map((r) => {
    const link = `[\`${r.id}\`](docs/rules/${r.id}.md)`;
    const catches = cell(r.description + optionsText(r));
    return `| ${link} | ${r.defaultSeverity} | ${r.fixable ? 'yes' : '—'} | ${catches} |`;
  });
  return [NOTE, '', '| Rule | Default | Fix | Catches |', '|---|---|---|---|', ...rows].join('\n');
}

/** The README with the text between the markers replaced by the table; throws when the markers are missing. */
export function withRulesTable(readme, rules) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md needs ${START} and then ${END} around the rules table`);
  // Blank lines around the table keep the marker comments from running into it in any Markdown renderer.
  return `${readme.slice(0, start + START.length)}\n${rulesTable(rules)}\n\n${readme.slice(end)}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const require = createRequire(import.meta.url);
  const core = require('../out/server/src/core/index.js');
  const path = new URL('../README.md', import.meta.url);
  const before = readFileSync(path, 'utf8');
  const after = withRulesTable(before, core.RULES);
  if (after !== before) writeFileSync(path, after);
  const what = after === before ? 'README.md is up to date' : 'Wrote the README rules table';
  console.log(`${what} (${core.RULES.length} rules).`);
}
