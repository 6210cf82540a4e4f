/**
 * The name rules when a feed is spread over files, as a workspace holds it: the pairs corpus with each pair's two
 * spellings in two files (and, as a control, in two releases of one file), and the labelled feeds with each
 * release in a file of its own, every feed one workspace. Each scope of `inconsistent-name` is scored, so that the
 * default scope can be chosen by measurement. A file's findings are its own lint plus the cross-file checks over
 * the workspace, which is how the CLI and the editor combine them. Used by `npm run eval:workspace-names` and by a
 * unit test that keeps the figures from falling.
 */
import {
  crossFileFindings,
  lint,
  parseFeed,
  readConfig,
  resolveConfig,
  summarizeText,
  WorkspaceSummaries,
  type Config,
  type Finding,
} from '../../server/src/core/index';
import { connectedPairs, loadFeeds, printScore, scoreScope, type Scope, type ScopeScore } from './evalFeeds';
import { evaluate, loadPairs, NAME_RULES, pct, releaseFor, TODAY, type Evaluation, type Pair } from './evalNames';

export const SCOPES: readonly Scope[] = ['release', 'feed', 'workspace'];

export interface ScopeFigures {
  scope: Scope;
  /** Each pair's spellings in two files of one workspace. */
  acrossFiles: Evaluation;
  /** The control: each pair's spellings in two releases of one file. */
  oneFile: Evaluation;
  /** The labelled feeds, each release in a file of its own. */
  feeds: ScopeScore;
}

/** A scope that this build's config refuses has no figures, only the reason. */
export type ScopeResult = ScopeFigures | { scope: Scope; unsupported: string };

/**
 * The config with the rule's scope set, read through the same validation as a settings file, so that a scope the
 * build does not know is refused here rather than quietly read as the default.
 */
export function configFor(scope: Scope): Config | string {
  const { layer, errors } = readConfig({ rules: { 'inconsistent-name': { scope } } }, 'eval');
  return errors.length > 0 ? errors.join('; ') : resolveConfig(layer);
}

/** Each file's findings: its own lint, plus the cross-file checks after every file's summary was indexed. */
export function workspaceFindings(files: ReadonlyMap<string, string>, config: Config): Map<string, Finding[]> {
  const workspace = new WorkspaceSummaries();
  for (const [file, text] of files) workspace.set(file, summarizeText(text, config));
  const out = new Map<string, Finding[]>();
  for (const [file, text] of files) {
    const own = lint(text, { config, today: TODAY }).findings;
    out.set(file, [...own, ...crossFileFindings(file, workspace, config)]);
  }
  return out;
}

/** The name rules' messages over all the files, for scoring a pair as evalNames does. */
function nameMessages(files: ReadonlyMap<string, string>, config: Config): string[] {
  const findings = [...workspaceFindings(files, config).values()].flat();
  return findings.filter((f) => NAME_RULES.has(f.ruleId)).map((f) => f.message);
}

/** The release for one spelling of a pair, mentioned twice, so that only the other file or release can differ. */
const releaseOf = (spelling: string, place: string, n: number) =>
  releaseFor({ a: spelling, b: spelling, kind: '', label: 'variant' }, place, n);

export function scorePairs(config: Config, pairs: readonly Pair[] = loadPairs()) {
  const a = (p: Pair) => releaseOf(p.a, 'region', 1);
  const b = (p: Pair) => releaseOf(p.b, 'capital', 2);
  return {
    acrossFiles: evaluate(pairs, (p) =>
      nameMessages(
        new Map([
          ['a.release', a(p)],
          ['b.release', b(p)],
        ]),
        config,
      ),
    ),
    oneFile: evaluate(pairs, (p) => nameMessages(new Map([['a.release', `${a(p)}\n${b(p)}`]]), config)),
  };
}

/**
 * The labelled feeds, each release in a file of its own and each feed a workspace, scored against the labels as
 * evalFeeds scores a whole feed. A category heading is left out: it heads the feed, not one release.
 */
export function scoreSpreadFeeds(scope: Scope, config: Config, feeds = loadFeeds()): ScopeScore {
  return scoreScope(feeds, scope, (feed) => {
    const files = new Map(
      parseFeed(feed.text).releases.map((r, i) => [
        `${feed.name}/${i}.release`,
        feed.text.slice(r.span.start, r.span.end),
      ]),
    );
    const pairs = new Map<string, string>();
    for (const [file, findings] of workspaceFindings(files, config)) connectedPairs(files.get(file)!, findings, pairs);
    return pairs;
  });
}

export function evaluateWorkspaceNames(scopes = SCOPES, pairs = loadPairs(), feeds = loadFeeds()): ScopeResult[] {
  return scopes.map((scope) => {
    const config = configFor(scope);
    if (typeof config === 'string') return { scope, unsupported: config };
    return { scope, ...scorePairs(config, pairs), feeds: scoreSpreadFeeds(scope, config, feeds) };
  });
}

function printPairs(what: string, e: Evaluation): void {
  const flagged = e.truePositives + e.falsePositives.length;
  console.log(
    `${what}: precision ${pct(e.precision)} (${e.truePositives} of ${flagged}), ` +
      `recall ${pct(e.recall)} (${e.truePositives} of ${e.variants}), ${e.falsePositives.length} false positives`,
  );
  for (const { pair, messages } of e.falsePositives)
    console.log(`  decoy flagged: ${pair.a} / ${pair.b}: ${messages[0]}`);
}

if (require.main === module) {
  for (const result of evaluateWorkspaceNames()) {
    if ('unsupported' in result) {
      console.log(`\n# ${result.scope}: scope not supported by this build (${result.unsupported})`);
      continue;
    }
    console.log(`\n# Scope ${result.scope}`);
    printPairs('pairs, two files', result.acrossFiles);
    printPairs('pairs, one file ', result.oneFile);
    console.log('feeds, one release per file:');
    printScore(result.feeds);
  }
}
