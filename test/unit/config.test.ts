import * as assert from 'node:assert/strict';
import {
  defaultConfig,
  parseRuleFlag,
  readConfig,
  readConfigText,
  resolveConfig,
  RULES,
} from '../../server/src/core/index';

describe('config', () => {
  it('defaults every rule to its default severity and options', () => {
    const c = defaultConfig();
    assert.equal(c.dateFormat, 'DD.MM.YYYY');
    for (const r of RULES) assert.equal(c.rules[r.id].severity, r.defaultSeverity, r.id);
    assert.equal(c.rules['short-body'].options.minWords, 25);
    assert.equal(c.rules['title-length'].options.max, 200);
  });

  it('reads severities and options, and later layers win', () => {
    const a = readConfig(
      { rules: { 'short-body': { severity: 'info', minWords: 40 }, 'sentence-spacing': 'off' } },
      'settings',
    );
    const b = readConfig({ dateFormat: 'YYYY-MM-DD', rules: { 'short-body': 'error' } }, 'file');
    assert.deepEqual([a.errors, b.errors], [[], []]);
    const c = resolveConfig(a.layer, b.layer);
    assert.equal(c.dateFormat, 'YYYY-MM-DD');
    assert.deepEqual(c.rules['short-body'], { severity: 'error', options: { minWords: 40 } });
    assert.equal(c.rules['sentence-spacing'].severity, 'off');
  });

  it('reports every invalid value and keeps the valid rest', () => {
    const r = readConfig(
      {
        dateFormat: 'YY',
        colour: 1,
        rules: { nope: 'error', 'short-body': { minWords: 0, severity: 'loud', extra: 1 }, 'title-length': 'warning' },
      },
      'f.json',
    );
    assert.deepEqual(r.errors, [
      'f.json: unknown key "colour"',
      'f.json: dateFormat must be one of DD.MM.YYYY, YYYY-MM-DD, DD/MM/YYYY, MM/DD/YYYY, D MMMM YYYY, MMMM D, YYYY (got "YY")',
      'f.json: unknown rule "nope"',
      'f.json: rules.short-body.minWords: expected a whole number of at least 1 (got 0)',
      'f.json: rules.short-body: severity must be one of off, hint, info, warning, error (got "loud")',
      'f.json: rules.short-body: unknown option "extra" (known: minWords)',
    ]);
    assert.equal(resolveConfig(r.layer).rules['title-length'].severity, 'warning');
  });

  it('turns broken JSON into a message, never an exception', () => {
    const r = readConfigText('{ "rules": ', '.pressreleaserc.json');
    assert.equal(r.errors.length, 1);
    assert.match(r.errors[0], /^\.pressreleaserc\.json: invalid JSON/);
    assert.deepEqual(r.layer, {});
    assert.deepEqual(readConfigText('[1,2]', 'x').errors, ['x: expected an object with "dateFormat" and "rules"']);
  });

  it('reads only own properties: inherited names are unknown options, and __proto__ is refused by name', () => {
    const r = readConfigText(
      '{"rules": {"short-body": {"constructor": 1, "toString": 2, "__proto__": {"minWords": 1}, "minWords": 30}}}',
      'f.json',
    );
    assert.deepEqual(r.errors, [
      'f.json: rules.short-body: unknown option "constructor" (known: minWords)',
      'f.json: rules.short-body: unknown option "toString" (known: minWords)',
      'f.json: rules.short-body: "__proto__" cannot be an option name',
    ]);
    const c = resolveConfig(r.layer);
    assert.equal(c.rules['short-body'].options.minWords, 30);
    assert.equal(
      Object.getPrototypeOf(c.rules['short-body'].options),
      Object.prototype,
      'the options object keeps its prototype',
    );
    assert.equal(({} as Record<string, unknown>).minWords, undefined, 'nothing leaked into Object.prototype');
    assert.deepEqual(readConfig({ rules: { constructor: 'off', toString: 'error' } }, 's').errors, [
      's: unknown rule "constructor"',
      's: unknown rule "toString"',
    ]);
  });

  it('parses --rule flags', () => {
    assert.deepEqual(parseRuleFlag('short-body=off').layer, { rules: { 'short-body': { severity: 'off' } } });
    assert.equal(parseRuleFlag('short-body').errors.length, 1);
    assert.equal(parseRuleFlag('short-body=loud').errors.length, 1);
  });

  it('reads the file endings the CLI lints in a directory, and refuses anything that is not one', () => {
    const good = readConfig({ extensions: ['.txt', '.feed'] }, 'f.json');
    assert.deepEqual([good.errors, resolveConfig(good.layer).extensions], [[], ['.txt', '.feed']]);
    assert.deepEqual(defaultConfig().extensions, []);
    for (const bad of ['txt', ['txt'], ['.'], ['..txt'], ['./a'], ['.a/b'], [1]]) {
      const r = readConfig({ extensions: bad }, 'f.json');
      assert.equal(r.errors.length, 1, JSON.stringify(bad));
      assert.match(r.errors[0], /^f\.json: extensions must be a list of file endings such as "\.txt"/);
      assert.equal(r.layer.extensions, undefined);
    }
  });
});
