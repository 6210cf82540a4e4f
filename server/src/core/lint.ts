/**
 * Runs the rules over a parsed feed. `lint` is the one-shot entry point for
 * the CLI and tests; `Analyzer` keeps the findings of release rules per
 * release text so that an edit re-checks only the releases it touched.
 */
import { calendarDateOf, toIso, type CalendarDate } from './dates';
import { defaultConfig, type Config } from './config';
import type { Feed, Release } from './model';
import { parseFeed } from './parser';
import { RULES } from './rules/index';
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

type Sink = (f: Finding) => void;

function contextFor(rule: Rule, feed: Feed, config: Config, today: CalendarDate, sink: Sink): RuleContext | undefined {
  // A rule that the config does not know (an injected one) runs with its own defaults.
  const rc = config.rules[rule.id] ?? { severity: rule.defaultSeverity, options: Object.fromEntries(Object.entries(rule.options ?? {}).map(([k, v]) => [k, v.default])) };
  if (rc.severity === 'off') return undefined;
  const severity: Severity = rc.severity;
  return {
    feed,
    options: rc.options,
    dateFormat: config.dateFormat,
    today,
    report: (r: Report) => sink({ ruleId: rule.id, severity, ...r }),
  };
}

/** Runs one rule and turns a thrown error into nothing rather than a dead server: one bad rule must not hide the others. */
function safely(rule: Rule, run: () => void, onError: (rule: Rule, e: unknown) => void): void {
  try {
    run();
  } catch (e) {
    onError(rule, e);
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
  if (f.related) out.related = f.related.map((r) => ({ ...r, span: s(r.span) }));
  return out;
}

export class Analyzer {
  private cache = new Map<string, Finding[]>();
  private cacheContext = '';
  /** How many releases the last run took from the cache, for tests and benchmarks. */
  lastReuse = { reused: 0, checked: 0 };

  constructor(private readonly onRuleError: (rule: Rule, e: unknown) => void = () => undefined) {}

  analyze(text: string, options: LintOptions = {}): Analysis {
    const config = options.config ?? defaultConfig();
    const today = options.today ?? calendarDateOf(new Date());
    const rules = options.rules ?? RULES;
    const feed = parseFeed(text, { dateFormat: config.dateFormat });
    const context = `${JSON.stringify(config)}|${toIso(today)}|${feed.eol}|${rules.map((r) => r.id).join()}`;
    if (context !== this.cacheContext) {
      this.cache.clear();
      this.cacheContext = context;
    }
    const findings: Finding[] = [];
    const next = new Map<string, Finding[]>();
    let reused = 0;
    for (const release of feed.releases) {
      const key = text.slice(release.span.start, release.span.end);
      let local = next.get(key) ?? this.cache.get(key);
      if (local) reused++;
      else local = checkRelease(rules, release, feed, config, today, this.onRuleError).map((f) => shift(f, -release.span.start));
      next.set(key, local);
      for (const f of local) findings.push(shift(f, release.span.start));
    }
    this.cache = next;
    this.lastReuse = { reused, checked: feed.releases.length - reused };
    checkFeed(rules, feed, config, today, (f) => findings.push(f), this.onRuleError);
    findings.sort(byPosition);
    return { feed, findings, config };
  }
}

function checkRelease(rules: readonly Rule[], release: Release, feed: Feed, config: Config, today: CalendarDate, onError: (rule: Rule, e: unknown) => void): Finding[] {
  const out: Finding[] = [];
  for (const rule of rules) {
    if (rule.scope !== 'release') continue;
    const ctx = contextFor(rule, feed, config, today, (f) => out.push(f));
    if (ctx) safely(rule, () => rule.check(release, ctx), onError);
  }
  return out;
}

function checkFeed(rules: readonly Rule[], feed: Feed, config: Config, today: CalendarDate, sink: Sink, onError: (rule: Rule, e: unknown) => void): void {
  for (const rule of rules) {
    if (rule.scope !== 'feed') continue;
    const ctx = contextFor(rule, feed, config, today, sink);
    if (ctx) safely(rule, () => rule.check(ctx), onError);
  }
}

/** Lints text in one pass without a cache. A rule that throws is reported through `onRuleError` and skipped. */
export function lint(text: string, options: LintOptions = {}, onRuleError?: (rule: Rule, e: unknown) => void): Analysis {
  const config = options.config ?? defaultConfig();
  const today = options.today ?? calendarDateOf(new Date());
  const feed = parseFeed(text, { dateFormat: config.dateFormat });
  const findings: Finding[] = [];
  const onError = onRuleError ?? (() => undefined);
  const rules = options.rules ?? RULES;
  for (const release of feed.releases) for (const f of checkRelease(rules, release, feed, config, today, onError)) findings.push(f);
  checkFeed(rules, feed, config, today, (f) => findings.push(f), onError);
  findings.sort(byPosition);
  return { feed, findings, config };
}
