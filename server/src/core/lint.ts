/**
 * Runs the rules over a parsed feed. `lint` is the one-shot entry point for
 * the CLI and tests; `Analyzer` keeps the findings of release rules per
 * release text so that an edit re-checks only the releases it touched.
 */
import { calendarDateOf, toIso, type CalendarDate } from './dates';
import { defaultConfig, defaultOptions, type Config } from './config';
import type { Feed, Release } from './model';
import { parseFeed } from './parser';
import { RULES } from './rules/index';
import { LineIndex } from './text';
import type { Finding, Report, Rule, RuleContext, Severity } from './types';

export interface LintOptions {
  config?: Config;
  /** Today's date; the real clock when absent. */
  today?: CalendarDate;
  /** The rules to run; the built-in list when absent. Tests inject rules here. */
  rules?: readonly Rule[];
}

export interface Analysis {
  feed: Feed;
  findings: Finding[];
  config: Config;
}

export type OnError = (rule: Rule, e: unknown) => void;

/**
 * Binds the rules to one feed and config. Each rule's context is made once
 * per run, not once per release, and reports into whichever list is current,
 * so a 10 MB feed does not allocate a context for every release and rule.
 */
class RuleRunner {
  private out: Finding[] = [];
  private readonly releaseRules: Array<[Rule & { scope: 'release' }, RuleContext]> = [];
  private readonly feedRules: Array<[Rule & { scope: 'feed' }, RuleContext]> = [];

  constructor(rules: readonly Rule[], feed: Feed, config: Config, today: CalendarDate, private readonly onError: OnError) {
    for (const rule of rules) {
      // A rule that the config does not know (an injected one) runs with its own defaults.
      const rc = config.rules[rule.id] ?? { severity: rule.defaultSeverity, options: defaultOptions(rule) };
      if (rc.severity === 'off') continue;
      const severity: Severity = rc.severity;
      const ctx: RuleContext = {
        feed,
        options: rc.options,
        dateFormat: config.dateFormat,
        config,
        today,
        report: (r: Report) => this.out.push({ ruleId: rule.id, severity, ...r }),
      };
      if (rule.scope === 'release') this.releaseRules.push([rule, ctx]);
      else this.feedRules.push([rule, ctx]);
    }
  }

  // One bad rule must not hide the others or kill the server: its error is reported and the run goes on.
  // The try sits in the loop, not in a helper taking a closure, to keep the hot path free of allocations.

  checkRelease(release: Release, into: Finding[] = []): Finding[] {
    this.out = into;
    for (const [rule, ctx] of this.releaseRules) {
      try {
        rule.check(release, ctx);
      } catch (e) {
        this.onError(rule, e);
      }
    }
    return into;
  }

  checkFeed(into: Finding[]): void {
    this.out = into;
    for (const [rule, ctx] of this.feedRules) {
      try {
        rule.check(ctx);
      } catch (e) {
        this.onError(rule, e);
      }
    }
  }
}

function byPosition(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || RULE_ORDER.get(a.ruleId)! - RULE_ORDER.get(b.ruleId)!;
}
const RULE_ORDER = new Map(RULES.map((r, i) => [r.id, i]));

function shift(f: Finding, delta: number): Finding {
  const s = (span: { start: number; end: number }) => ({ start: span.start + delta, end: span.end + delta });
  const out: Finding = { ...f, span: s(f.span) };
  if (f.fix) out.fix = { ...f.fix, edits: f.fix.edits.map((e) => ({ ...e, ...s(e) })) };
  if (f.moreFixes) out.moreFixes = f.moreFixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, ...s(e) })) }));
  if (f.related) out.related = f.related.map((r) => ({ ...r, span: s(r.span) }));
  return out;
}

/** Fills in the defaults of the options and parses the text. */
function prepare(text: string, options: LintOptions): { config: Config; today: CalendarDate; rules: readonly Rule[]; feed: Feed } {
  const config = options.config ?? defaultConfig();
  return { config, today: options.today ?? calendarDateOf(new Date()), rules: options.rules ?? RULES, feed: parseFeed(text, { dateFormat: config.dateFormat }) };
}

export class Analyzer {
  private cache = new Map<string, Finding[]>();
  private cacheContext = '';
  /** How many releases the last run took from the cache, for tests and benchmarks. */
  lastReuse = { reused: 0, checked: 0 };

  constructor(private readonly onRuleError: OnError = () => undefined) {}

  analyze(text: string, options: LintOptions = {}): Analysis {
    const { config, today, rules, feed } = prepare(text, options);
    const context = `${JSON.stringify(config)}|${toIso(today)}|${feed.eol}|${rules.map((r) => r.id).join()}`;
    if (context !== this.cacheContext) {
      this.cache.clear();
      this.cacheContext = context;
    }
    const runner = new RuleRunner(rules, feed, config, today, this.onRuleError);
    const findings: Finding[] = [];
    const next = new Map<string, Finding[]>();
    let reused = 0;
    for (const release of feed.releases) {
      const key = text.slice(release.span.start, release.span.end);
      let local = next.get(key) ?? this.cache.get(key);
      if (local) reused++;
      else local = runner.checkRelease(release).map((f) => shift(f, -release.span.start));
      next.set(key, local);
      for (const f of local) findings.push(shift(f, release.span.start));
    }
    this.cache = next;
    this.lastReuse = { reused, checked: feed.releases.length - reused };
    runner.checkFeed(findings);
    findings.sort(byPosition);
    return { feed, findings, config };
  }
}

/** Lints text in one pass without a cache. A rule that throws is reported through `onRuleError` and skipped. */
export function lint(text: string, options: LintOptions = {}, onRuleError?: OnError): Analysis {
  const { config, today, rules, feed } = prepare(text, options);
  const runner = new RuleRunner(rules, feed, config, today, onRuleError ?? (() => undefined));
  const findings: Finding[] = [];
  for (const release of feed.releases) runner.checkRelease(release, findings);
  runner.checkFeed(findings);
  findings.sort(byPosition);
  return { feed, findings, config };
}

/** What `lintInBatches` tells its caller when it has finished. */
export interface BatchSummary {
  /** The parsed feed's line starts live in `lineIndex`, so reports can place findings without the model. */
  lineIndex: LineIndex;
  releases: number;
}

/**
 * Lints text and hands the findings to `sink` in document order, in batches,
 * so that a caller which writes a report as it goes never holds every
 * finding of a huge feed at once.
 */
export function lintInBatches(text: string, options: LintOptions, sink: (batch: readonly Finding[]) => void, onRuleError?: OnError): BatchSummary {
  const a = lint(text, options, onRuleError);
  const BATCH = 10_000;
  for (let i = 0; i < a.findings.length; i += BATCH) sink(a.findings.slice(i, i + BATCH));
  return { lineIndex: new LineIndex(text, a.feed.lines), releases: a.feed.releases.length };
}
