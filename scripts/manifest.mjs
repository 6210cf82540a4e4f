// Regenerates the settings schema in package.json and schemas/pressreleaserc.schema.json from the rule list.
// Run after `tsc -b` (npm run manifest); a unit test fails when the two drift apart.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const core = require('../out/server/src/core/index.js');
const pkgPath = new URL('../package.json', import.meta.url);
const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));

const severity = { type: 'string', enum: ['off', 'hint', 'info', 'warning', 'error'], description: 'Severity' };
const ruleProps = {};
for (const r of core.RULES) {
  const options = {};
  for (const [name, spec] of Object.entries(r.options ?? {})) {
    options[name] =
      spec.type === 'enum'
        ? { type: 'string', enum: [...spec.values], default: spec.default, description: spec.description }
        : { type: 'integer', minimum: spec.minimum, default: spec.default, description: spec.description };
  }
  ruleProps[r.id] = {
    markdownDescription: `${r.description} Default: \`${r.defaultSeverity}\`. [Docs](${core.ruleDocUrl(r.id)})`,
    anyOf: [severity, { type: 'object', properties: { severity, ...options }, additionalProperties: false }],
  };
}
const names = (what) => ({
  scope: 'resource',
  type: 'array',
  items: { type: 'string' },
  default: [],
  markdownDescription: what,
});
const properties = {
  'pressRelease.format': {
    scope: 'resource',
    type: 'string',
    enum: ['auto', 'feed', 'wire'],
    default: 'auto',
    markdownDescription:
      'The format of press-release documents: `feed` (many dated releases, each with a `Source :` line), `wire` (one standard press release per file, with a dateline, an `About` boilerplate and an end mark), or `auto` to detect it from each document.',
  },
  'pressRelease.dateFormat': {
    scope: 'resource',
    type: 'string',
    enum: [...core.DATE_FORMATS],
    default: 'DD.MM.YYYY',
    markdownDescription:
      'The format of publication dates at the end of title lines. `date-format` flags other formats and its fix rewrites them in this one.',
  },
  'pressRelease.rules': {
    scope: 'resource',
    type: 'object',
    default: {},
    markdownDescription:
      'Severity (`off`, `hint`, `info`, `warning`, `error`) and options per rule, for example `{"short-body": {"severity": "info", "minWords": 40}}`. A `.pressreleaserc.json` at the workspace root overrides these.',
    properties: ruleProps,
    additionalProperties: false,
  },
  'pressRelease.names': names(
    'Canonical spellings of people, places and organisations, such as `"Askar Mamin"`. Variants of these are flagged by `inconsistent-name` even when they occur once. Lists in settings and in `.pressreleaserc.json` add up.',
  ),
  'pressRelease.ignoreNames': names(
    'Names that the name checks leave alone, such as a brand that is spelled two ways on purpose.',
  ),
  // Editor-only settings: the server strips them before it reads the lint config, and no config file has them.
  'pressRelease.outline.showSources': {
    scope: 'resource',
    type: 'boolean',
    default: false,
    markdownDescription:
      "Show each release's Source as a child in the Outline. When off, the Source's host follows the date in the release's detail, and the Outline stays one line per release.",
  },
  'pressRelease.index.enabled': {
    scope: 'resource',
    type: 'boolean',
    default: true,
    markdownDescription:
      'Read every release file of the workspace folders in the background, so that `duplicate-source` and `duplicate-title` compare releases across files and Go to Symbol in Workspace finds releases in files that are not open. A release file ends in `.release`, or in an ending that `.pressreleaserc.json` adds with `extensions`, or matches `#pressRelease.index.include#`; `#files.exclude#`, `.gitignore` files and `node_modules` leave files out.',
  },
  'pressRelease.index.include': {
    scope: 'resource',
    type: 'array',
    items: { type: 'string' },
    default: [],
    markdownDescription:
      'Glob patterns, relative to a workspace folder, of further files the workspace index reads as release files, such as `"feeds/**/*.txt"`.',
  },
  'pressRelease.rulesDocsBaseUrl': {
    scope: 'window',
    type: 'string',
    default: '',
    markdownDescription:
      "Where the rule links of problems point: a base URL to which `<rule-id>.md` is added, such as your team's copy of the docs. Empty opens the rule pages shipped with the extension in the Markdown preview.",
  },
};
pkg.contributes.configuration.properties = properties;
writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);
const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Press Release Lint configuration',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    format: properties['pressRelease.format'],
    dateFormat: properties['pressRelease.dateFormat'],
    rules: properties['pressRelease.rules'],
    names: properties['pressRelease.names'],
    ignoreNames: properties['pressRelease.ignoreNames'],
    // Only the CLI walks directories, so this key lives in the config file and not in the editor's settings.
    extensions: {
      type: 'array',
      items: { type: 'string', pattern: '^\\.[^./\\\\]+$' },
      default: [],
      markdownDescription:
        'File endings, besides `.release`, that the command line lints when it is given a directory, such as `[".txt"]`.',
    },
  },
};
writeFileSync(
  new URL('../schemas/pressreleaserc.schema.json', import.meta.url),
  `${JSON.stringify(schema, null, 2)}\n`,
);
console.log(`Wrote settings for ${core.RULES.length} rules.`);
