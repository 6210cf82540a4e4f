/**
 * Precision and recall of the real name rules on the labelled corpus: each
 * labelled pair is written into a release of its own, that release is linted
 * as a user's feed would be, and the pair counts as flagged when a name or
 * acronym rule reports anything in it. Used by `npm run eval:names` and by a
 * unit test that keeps the figures from falling.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../../server/src/core/index';

export interface Pair {
  a: string;
  b: string;
  kind: string;
  /**
   * `variant`: one entity spelled two ways, which the rules must flag.
   * `decoy`: different entities with near spellings; `consistent`: one entity
   * written the same way (an initial and a full given name). Both must stay silent.
   */
  label: 'variant' | 'decoy' | 'consistent';
}

export interface Evaluation {
  variants: number;
  silent: number;
  truePositives: number;
  falsePositives: Array<{ pair: Pair; messages: string[] }>;
  falseNegatives: Pair[];
  precision: number;
  recall: number;
}

export const CORPUS = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'names', 'pairs.json');

export const NAME_RULES = new Set(['inconsistent-name', 'acronym-variant', 'acronym-mismatch']);
/** The date every evaluation lints as of, so that no finding depends on the clock. */
export const TODAY = { year: 2025, month: 6, day: 1 };

export const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/**
 * A plain release that mentions the two spellings in two sentences, with nothing else a name rule could take.
 * `place` and `n` vary its title and Source, so that several of these releases in one workspace are not duplicates.
 */
export function releaseFor(p: Pair, place = 'region', n = 1): string {
  return [
    `Officials met in the ${place} 09.02.2025`,
    `The delegation of ${p.a} arrived on Monday, and talks went on for two days with local officials and invited experts.`,
    `After the talks, ${p.b} was named again in the final statement of the meeting, the press office said.`,
    `Source : https://press.example.gov/news/${n}`,
  ].join('\n');
}

/** The messages of the name rules on the pair's release. */
export function nameFindings(p: Pair): string[] {
  return lint(releaseFor(p), { today: TODAY })
    .findings.filter((f) => NAME_RULES.has(f.ruleId))
    .map((f) => f.message);
}

export function loadPairs(): Pair[] {
  return JSON.parse(fs.readFileSync(CORPUS, 'utf8')).pairs;
}

/** Scores the name rules' messages on each pair; `findingsOf` says how a pair is written and linted. */
export function evaluate(pairs: readonly Pair[] = loadPairs(), findingsOf = nameFindings): Evaluation {
  let tp = 0;
  const fp: Evaluation['falsePositives'] = [];
  const fn: Pair[] = [];
  for (const pair of pairs) {
    const messages = findingsOf(pair);
    if (messages.length > 0 && pair.label === 'variant') tp++;
    else if (messages.length > 0) fp.push({ pair, messages });
    else if (pair.label === 'variant') fn.push(pair);
  }
  const variants = pairs.filter((p) => p.label === 'variant').length;
  return {
    variants,
    silent: pairs.length - variants,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp.length === 0 ? 1 : tp / (tp + fp.length),
    recall: variants === 0 ? 1 : tp / variants,
  };
}

if (require.main === module) {
  const e = evaluate();
  console.log(`Name corpus: ${e.variants} variant pairs, ${e.silent} pairs that must stay silent`);
  console.log(
    `precision ${pct(e.precision)} (${e.truePositives} of ${e.truePositives + e.falsePositives.length} flagged pairs are variants)`,
  );
  console.log(`recall    ${pct(e.recall)} (${e.truePositives} of ${e.variants} variant pairs flagged)`);
  for (const p of e.falseNegatives) console.log(`  missed variant: ${p.a} / ${p.b}`);
  for (const { pair, messages } of e.falsePositives)
    console.log(`  false alarm:    ${pair.a} / ${pair.b}: ${messages[0]}`);
}
