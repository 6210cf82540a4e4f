/** Checks that keep the manifest, the docs and the architecture in step with the rules. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as ts from 'typescript';
import { STANDARD_TOKEN_TYPES } from '../../server/src/capabilities';
import { DATE_FORMATS, lint, RULES, SEMANTIC_TOKEN_TYPES } from '../../server/src/core/index';
import { FIX_ALL_KIND, LANGUAGE_ID } from '../../shared/protocol';

const ROOT = path.join(__dirname, '..', '..', '..');
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');
const pkg = JSON.parse(read('package.json'));
const settings = pkg.contributes.configuration.properties;
/**
 * Packages the core may use: data (word lists, numbering plans) and pure functions of it, with no I/O, which the
 * bundles carry. `libphonenumber-js` reads phone numbers by Google's numbering metadata.
 */
const CORE_DATA_PACKAGES = ['stopwords-iso', 'libphonenumber-js'];
/** The shells around the core, whose functions stay short enough to read at a glance. */
const PRODUCT_SOURCES = ['server/src', 'client/src', 'shared'];
const MAX_FUNCTION_LINES = 60;
const MAX_COLUMNS = 120;

function walk(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** The product's TypeScript: the core, the server, the CLI, the client and the shared protocol. */
function productFiles(): string[] {
  return PRODUCT_SOURCES.flatMap(walk).filter((f) => f.endsWith('.ts'));
}

/** Every function, method, accessor and arrow function of a file, with its length in lines, signature to end. */
function functionLengths(file: string): Array<{ where: string; lines: number }> {
  const source = ts.createSourceFile(file, read(file), ts.ScriptTarget.Latest, true);
  const found: Array<{ where: string; lines: number }> = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      found.push({ where: `${file}:${first + 1}`, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('project', () => {
  it('declares every rule, its default and its options in the settings schema', () => {
    const declared = settings['pressRelease.rules'].properties;
    assert.deepEqual(Object.keys(declared).sort(), RULES.map((r) => r.id).sort());
    for (const r of RULES) {
      const entry = declared[r.id];
      assert.match(entry.markdownDescription, new RegExp(`Default: \`${r.defaultSeverity}\``), r.id);
      const objectForm = entry.anyOf[1].properties;
      for (const [name, spec] of Object.entries(r.options ?? {}))
        assert.equal(objectForm[name].default, spec.default, `${r.id}.${name}`);
    }
    assert.deepEqual(settings['pressRelease.dateFormat'].enum, [...DATE_FORMATS]);
    for (const [key, value] of Object.entries<{ markdownDescription?: string; description?: string }>(settings)) {
      assert.ok(value.markdownDescription || value.description, `${key} has no description`);
    }
  });

  it('keeps the config file schema in step with the settings', () => {
    const schema = JSON.parse(read('schemas/pressreleaserc.schema.json'));
    assert.deepEqual(schema.properties.rules, settings['pressRelease.rules']);
    assert.deepEqual(schema.properties.dateFormat, settings['pressRelease.dateFormat']);
    assert.deepEqual(schema.properties.format, settings['pressRelease.format']);
  });

  it('has a doc page with every section for each rule, and lists each rule in the README', () => {
    const readme = read('README.md');
    for (const r of RULES) {
      const doc = read(`docs/rules/${r.id}.md`);
      for (const heading of ['## What it catches', '## Example', '## Fix', '## Configure'])
        assert.ok(doc.includes(heading), `${r.id}: ${heading}`);
      assert.ok(doc.includes(`Default severity: **${r.defaultSeverity}**`), `${r.id}: default severity`);
      assert.ok(readme.includes(`[\`${r.id}\`](docs/rules/${r.id}.md)`), `README lacks ${r.id}`);
    }
    assert.deepEqual(fs.readdirSync(path.join(ROOT, 'docs', 'rules')).sort(), RULES.map((r) => `${r.id}.md`).sort());
  });

  it('keeps the README rules table as `npm run readme` writes it from the rule metadata', async () => {
    // The generator is an ES module shared with the npm script, so the test compares with exactly what it would write.
    const script = pathToFileURL(path.join(ROOT, 'scripts', 'readme.mjs')).href;
    const { withRulesTable } = await import(script);
    const readme = read('README.md');
    assert.equal(readme, withRulesTable(readme, RULES), 'README.md is out of date: run `npm run readme`');
  });

  it("keeps the README's command-line example as a real run of the CLI on the sample prints it", async () => {
    // The same generator as `npm run readme`, on the built CLI (test:unit builds it first), so the counts cannot drift.
    const script = pathToFileURL(path.join(ROOT, 'scripts', 'readme.mjs')).href;
    const { cliReport, withCliExample } = await import(script);
    const readme = read('README.md');
    assert.equal(
      readme,
      withCliExample(readme, cliReport(ROOT)),
      "README.md's CLI example differs from the CLI's output on samples/sample.release: run `npm run readme`",
    );
  });

  it('keeps one rule per file, each listed in rules/index.ts', () => {
    const index = read('server/src/core/rules/index.ts');
    const files = fs
      .readdirSync(path.join(ROOT, 'server', 'src', 'core', 'rules'))
      .filter((f) => f !== 'index.ts' && f !== 'util.ts');
    assert.deepEqual(files.map((f) => f.replace(/\.ts$/, '')).sort(), RULES.map((r) => r.id).sort());
    for (const r of RULES) assert.ok(index.includes(`from './${r.id}'`), r.id);
  });

  it('keeps the core free of editor and protocol imports, and self-contained', () => {
    const core = path.join(ROOT, 'server', 'src', 'core');
    for (const file of walk('server/src/core')) {
      for (const m of read(file).matchAll(/(?:from|import)\s+['"]([^'"]+)['"]/g)) {
        const spec = m[1];
        if (spec.startsWith('node:') || CORE_DATA_PACKAGES.some((p) => spec.startsWith(`${p}/`))) continue;
        assert.ok(
          spec.startsWith('.'),
          `${file} imports the package "${spec}"; the core may use only itself, node: modules and allowed packages`,
        );
        const target = path.resolve(path.dirname(path.join(ROOT, file)), spec);
        assert.ok(target.startsWith(core), `${file} imports ${spec} from outside the core`);
      }
    }
  });

  it('seeds the sample feed with one instance of each fault', () => {
    const found = lint(read('samples/sample.release'), { today: { year: 2026, month: 11, day: 26 } }).findings.map(
      (f) => f.ruleId,
    );
    // The sample is a feed, so it seeds the faults of the rules that apply to feeds.
    const feedRules = RULES.filter((r) => r.formats.includes('feed'));
    const counts = Object.fromEntries(feedRules.map((r) => [r.id, found.filter((id) => id === r.id).length]));
    // A duplicated Source is one fault seen from both of its releases.
    assert.deepEqual(counts, Object.fromEntries(feedRules.map((r) => [r.id, r.id === 'duplicate-source' ? 2 : 1])));
  });

  it('keeps the shared protocol in step with the manifest', () => {
    assert.deepEqual(
      pkg.contributes.languages.map((l: { id: string }) => l.id),
      [LANGUAGE_ID],
    );
    assert.deepEqual(
      pkg.contributes.grammars.map((g: { language: string }) => g.language),
      [LANGUAGE_ID],
    );
    assert.ok(read('README.md').includes(FIX_ALL_KIND), 'the README names the fix-all kind');
  });

  it('falls back to the super types package.json declares for the custom semantic token types', () => {
    // Other editors get the standard types of STANDARD_TOKEN_TYPES, and VS Code themes without a rule for a
    // custom type colour it as its superType: both must be one choice.
    const declared = pkg.contributes.semanticTokenTypes as Array<{ id: string; superType: string }>;
    assert.deepEqual(Object.fromEntries(declared.map((t) => [t.id, t.superType])), STANDARD_TOKEN_TYPES);
    assert.deepEqual(
      declared.map((t) => t.id),
      [...SEMANTIC_TOKEN_TYPES],
    );
  });

  it(`keeps every product function at most ${MAX_FUNCTION_LINES} lines, and lines at most ${MAX_COLUMNS} columns`, () => {
    const files = productFiles();
    for (const f of [
      'server/src/server.ts',
      'server/src/core/parser.ts',
      'shared/protocol.ts',
      'client/src/extension.ts',
    ]) {
      assert.ok(files.includes(path.join(...f.split('/'))), `${f} is checked`);
    }
    const long = files.flatMap(functionLengths).filter((f) => f.lines > MAX_FUNCTION_LINES);
    assert.deepEqual(long, [], 'functions longer than the limit');
    const wide = files.flatMap((f) =>
      read(f)
        .split('\n')
        .flatMap((line, i) => (line.length > MAX_COLUMNS ? [`${f}:${i + 1}`] : [])),
    );
    assert.deepEqual(wide, [], 'lines wider than the limit');
  });

  it('keeps the protocol libraries out of the CLI bundle', function () {
    const bundle = path.join(ROOT, 'dist', 'cli.js');
    // The bundle exists after a build; test:unit builds first.
    if (!fs.existsSync(bundle)) this.skip();
    const modules = new Set(fs.readFileSync(bundle, 'utf8').match(/^\/\/ node_modules\/[^/\n]+/gm));
    // The file walker's libraries are the CLI's own: tinyglobby for patterns, ignore for .gitignore files.
    const own = [
      '// node_modules/stopwords-iso',
      '// node_modules/libphonenumber-js',
      '// node_modules/tinyglobby',
      '// node_modules/ignore',
    ];
    assert.deepEqual([...modules].sort(), own.sort());
  });

  it('makes .vscodeignore an allow-list', () => {
    const lines = read('.vscodeignore')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    assert.equal(lines[0], '**', 'the first pattern must exclude everything');
    assert.ok(
      lines.slice(1).every((l) => l.startsWith('!')),
      'every later pattern must re-include',
    );
    for (const needed of ['!dist/extension.js', '!dist/server.js', '!syntaxes/**', '!package.json'])
      assert.ok(lines.includes(needed), needed);
  });
});
