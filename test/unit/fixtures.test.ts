/**
 * One runner for every fixture feed: the findings must be exactly the
 * annotated ones, and after every fix is applied nothing fixable may remain.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixAll, LineIndex, lint, type Finding } from '../../server/src/core/index';
import { parseFixture, type Fixture } from '../support/fixture';

const DIR = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'lint');

function describeFinding(index: LineIndex, f: Finding): string {
  const s = index.positionAt(f.span.start);
  const e = index.positionAt(f.span.end);
  return `${s.line + 1}:${s.character}-${e.line + 1}:${e.character} ${f.ruleId}`;
}

function expectedStrings(fx: Fixture): string[] {
  return fx.expected.map((x) => `${x.line + 1}:${x.start}-${x.line + 1}:${x.end} ${x.ruleId}`).sort();
}

function actualStrings(text: string, fx: Fixture): string[] {
  const index = new LineIndex(text);
  return lint(text, { config: fx.config, today: fx.today }).findings.map((f) => describeFinding(index, f)).sort();
}

const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.release')).sort();

describe('fixture feeds', () => {
  it('finds the fixture folder', () => assert.ok(files.length >= 5, `only ${files.length} fixtures in ${DIR}`));

  for (const file of files) {
    describe(file, () => {
      const fx = parseFixture(fs.readFileSync(path.join(DIR, file), 'utf8'), file);

      it('reports exactly the annotated findings', () => {
        assert.deepEqual(actualStrings(fx.text, fx), expectedStrings(fx));
      });

      it('reports the same findings with CRLF line ends', () => {
        assert.deepEqual(actualStrings(fx.text.replace(/\n/g, '\r\n'), fx), expectedStrings(fx));
      });

      it('leaves nothing fixable after all fixes are applied', () => {
        const options = { config: fx.config, today: fx.today };
        const fixed = fixAll(fx.text, options, false);
        const left = lint(fixed.text, options).findings.filter((f) => f.fix);
        assert.deepEqual(left.map((f) => `${f.ruleId}: ${f.message}`), []);
      });

      it('leaves no safe fix after the safe fixes are applied', () => {
        const options = { config: fx.config, today: fx.today };
        const fixed = fixAll(fx.text, options, true);
        const left = lint(fixed.text, options).findings.filter((f) => f.fix?.safe);
        assert.deepEqual(left.map((f) => `${f.ruleId}: ${f.message}`), []);
      });
    });
  }
});
