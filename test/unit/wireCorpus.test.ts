/**
 * The labelled corpus of standard press releases (`test/fixtures/wire/`) stays what `npm run eval:wire` needs: enough
 * releases, faults for every wire rule, clean layouts, labels that point at real text, and no name taken from the
 * sample feed. This checks the corpus only, not the rules.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadWire, WIRE, WIRE_RULES } from '../support/evalWire';

/** Distinctive surnames of the people in `shared/samples/gov-kz-feed.txt`, which the synthetic corpus must not use. */
const SAMPLE_SURNAMES = [
  'Yertayev',
  'Ertayev',
  'Alisiyahbana',
  'Musakhanov',
  'Koygeldin',
  'Akhmetzhanov',
  'Naimanov',
  'Asainova',
  'Shugyrmakova',
  'Abdrasilova',
  'Seitkulov',
  'Shapkenov',
  'Zhanabayev',
  'Toregaliev',
  'Rakhmetullin',
  'Karashukeyev',
  'Uatayeva',
  'Mikishev',
  'Kuptsova',
  'Kosubaeva',
  'Kenzhekhanuly',
  'Kaztalov',
  'Boltenov',
  'Abraliyeva',
];

describe('wire corpus', () => {
  const releases = loadWire();
  const faults = releases.flatMap((r) => r.labels.faults.map((f) => ({ release: r, fault: f })));

  it('has at least 30 releases, each with its labels', () => {
    assert.ok(releases.length >= 30, `only ${releases.length} releases`);
    const labels = fs.readdirSync(WIRE).filter((f) => f.endsWith('.labels.json'));
    assert.equal(labels.length, releases.length, 'one labels file per release, and no stray labels');
    for (const r of releases) assert.match(r.name, /^\d\d-[a-z0-9-]+\.release$/);
  });

  it('plants at least 40 faults, at least 3 for every wire rule, and only wire rules', () => {
    assert.ok(faults.length >= 40, `only ${faults.length} planted faults`);
    for (const rule of WIRE_RULES) {
      const n = faults.filter((f) => f.fault.rule === rule).length;
      assert.ok(n >= 3, `${rule}: only ${n} planted faults`);
    }
    for (const { release, fault } of faults)
      assert.ok((WIRE_RULES as readonly string[]).includes(fault.rule), `${release.name}: unknown rule ${fault.rule}`);
  });

  it('has at least 10 clean releases, labelled clean exactly when they plant nothing', () => {
    const clean = releases.filter((r) => r.labels.clean);
    assert.ok(clean.length >= 10, `only ${clean.length} clean releases`);
    for (const r of releases) assert.equal(r.labels.clean, r.labels.faults.length === 0, r.name);
    for (const r of clean) assert.ok(r.labels.layout.length > 0, `${r.name}: say what is unusual about the layout`);
  });

  it('points every label at an existing line that holds its text', () => {
    for (const { release, fault } of faults) {
      const lines = release.text.split('\n');
      const where = `${release.name}: ${fault.rule} at line ${fault.line}`;
      assert.ok(
        Number.isInteger(fault.line) && fault.line >= 1 && fault.line <= lines.length,
        `${where}: no such line`,
      );
      assert.ok(fault.text.length > 0, `${where}: empty text`);
      assert.ok(lines[fault.line - 1].includes(fault.text), `${where}: "${fault.text}" is not on the line`);
      assert.ok(fault.note.length > 0, `${where}: say what is wrong`);
    }
  });

  it('describes its issuers, and is stored with LF line ends', () => {
    const issuers = new Set(releases.map((r) => r.labels.issuer));
    for (const kind of ['company', 'university', 'government', 'ngo']) assert.ok(issuers.has(kind), kind);
    assert.ok(new Set(releases.map((r) => r.labels.country)).size >= 6, 'issuers from at least six countries');
    for (const r of releases) assert.ok(!r.text.includes('\r'), `${r.name}: CRLF`);
  });

  it('uses no name from the sample feed', () => {
    for (const r of releases)
      for (const name of SAMPLE_SURNAMES)
        assert.ok(!r.text.toLowerCase().includes(name.toLowerCase()), `${r.name} uses ${name} from the sample feed`);
  });

  it('has a README that describes the labels', () => {
    const readme = fs.readFileSync(path.join(WIRE, 'README.md'), 'utf8');
    for (const key of ['issuer', 'country', 'clean', 'layout', 'faults', 'line', 'text'])
      assert.ok(readme.includes(key));
  });
});
