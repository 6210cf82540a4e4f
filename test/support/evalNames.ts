/** Precision and recall of `sameEntity` on the labelled corpus; used by `npm run eval:names` and by a unit test. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sameEntity } from '../../server/src/core/index';

export interface Pair {
  a: string;
  b: string;
  kind: string;
  label: 'variant' | 'decoy';
}

export interface Evaluation {
  variants: number;
  decoys: number;
  truePositives: number;
  falsePositives: Pair[];
  falseNegatives: Pair[];
  precision: number;
  recall: number;
}

export const CORPUS = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'names', 'pairs.json');

export function evaluate(pairs: readonly Pair[] = JSON.parse(fs.readFileSync(CORPUS, 'utf8')).pairs): Evaluation {
  let tp = 0;
  const fp: Pair[] = [];
  const fn: Pair[] = [];
  for (const p of pairs) {
    // Both orders must agree: a comparison that depends on order is a bug, and counts as a miss.
    const said = sameEntity(p.a, p.b) && sameEntity(p.b, p.a);
    if (said && p.label === 'variant') tp++;
    else if (said) fp.push(p);
    else if (p.label === 'variant') fn.push(p);
  }
  const variants = pairs.filter((p) => p.label === 'variant').length;
  return {
    variants,
    decoys: pairs.length - variants,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp.length === 0 ? 1 : tp / (tp + fp.length),
    recall: variants === 0 ? 1 : tp / variants,
  };
}

if (require.main === module) {
  const e = evaluate();
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(`Name corpus: ${e.variants} variant pairs, ${e.decoys} decoy pairs`);
  console.log(`precision ${pct(e.precision)} (${e.truePositives} of ${e.truePositives + e.falsePositives.length} pairs called variants)`);
  console.log(`recall    ${pct(e.recall)} (${e.truePositives} of ${e.variants} variant pairs found)`);
  for (const p of e.falseNegatives) console.log(`  missed variant: ${p.a} / ${p.b}`);
  for (const p of e.falsePositives) console.log(`  false alarm:    ${p.a} / ${p.b}`);
}
