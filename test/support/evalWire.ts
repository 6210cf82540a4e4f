/**
 * Recall of the standard press release ("wire") rules on the labelled corpus of `test/fixtures/wire/`, and their
 * false alarms: each release is linted with `format: "wire"` as of the evaluations' `TODAY`, and each planted fault
 * counts as found when a finding of its rule touches the labelled line (format in the corpus's README). Findings of
 * the wire rules that match no planted fault are false alarms; those on the clean layouts are reported apart, since
 * the target there is none. The shared rules (names, acronyms, sentence spacing) are listed for information only.
 * Used by `npm run eval:wire`; `scoreWire()` returns the figures for a gate test.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  LineIndex,
  lint,
  resolveConfig,
  RULES_BY_ID,
  type ConfigLayer,
  type Finding,
} from '../../server/src/core/index';
import { pct, TODAY } from './evalNames';

export const WIRE = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'wire');

/** The rules of the standard press release, in the order the report lists them. */
export const WIRE_RULES = [
  'missing-dateline',
  'dateline-date',
  'dateline-style',
  'embargo',
  'missing-end-mark',
  'missing-contact',
  'contact-format',
  'missing-boilerplate',
  'headline-punctuation',
  'headline-length',
  'quote-attribution',
] as const;

export type WireRule = (typeof WIRE_RULES)[number];

/** The targets of issue 12: recall per rule, and false alarms on the clean layouts. */
export const WIRE_TARGETS = { recall: 0.9, cleanFalseAlarms: 0 };

export interface WireFault {
  rule: string;
  /** 1-based. */
  line: number;
  /** A substring of the line that the finding should cover or touch. */
  text: string;
  note: string;
}

export interface WireLabels {
  issuer: string;
  country: string;
  clean: boolean;
  layout: string[];
  faults: WireFault[];
}

export interface WireRelease {
  name: string;
  text: string;
  labels: WireLabels;
}

export interface RuleScore {
  rule: string;
  planted: number;
  found: number;
  recall: number;
}

export interface WireScore {
  releases: number;
  clean: number;
  planted: number;
  found: number;
  rules: RuleScore[];
  /** Wire rules that the core does not know yet: their faults cannot be found. */
  unknownRules: string[];
  /** `release: line: rule: message` of every wire finding that matches no planted fault. */
  falseAlarms: string[];
  /** The same, on the clean releases only. */
  cleanFalseAlarms: string[];
  falseAlarmsByRelease: Record<string, number>;
  misses: string[];
  /** Findings of the shared rules, for information: not counted as false alarms. */
  shared: string[];
}

const isWireRule = (id: string): boolean => (WIRE_RULES as readonly string[]).includes(id);
const isSharedRule = (id: string): boolean =>
  id === 'inconsistent-name' || id.startsWith('acronym-') || id === 'sentence-spacing';

/** The rules that report an absent part, whose finding may sit anywhere in the release. */
const reportsAbsence = (rule: string): boolean => rule.startsWith('missing-');

export function loadWire(dir = WIRE): WireRelease[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.release'))
    .sort()
    .map((file) => {
      const labels = JSON.parse(fs.readFileSync(path.join(dir, file.replace(/\.release$/, '.labels.json')), 'utf8'));
      return { name: file, text: fs.readFileSync(path.join(dir, file), 'utf8'), labels: labels as WireLabels };
    });
}

/**
 * The config of the wire format. `format` is typed loosely so that this compiles before and after the config key
 * exists; until the core knows it, the lint ignores it and the wire rules simply find nothing.
 */
export function wireConfig(): ReturnType<typeof resolveConfig> {
  const layer: ConfigLayer & { format?: string } = { format: 'wire' };
  return resolveConfig(layer);
}

export function lintWire(text: string): Finding[] {
  return lint(text, { config: wireConfig(), today: TODAY }).findings;
}

/** Whether the finding counts for the planted fault. */
export function matches(f: Finding, fault: WireFault, lines: LineIndex): boolean {
  if (f.ruleId !== fault.rule) return false;
  if (reportsAbsence(fault.rule)) return true;
  const line = fault.line - 1;
  const start = lines.lineStart(line);
  const end = lines.lineEnd(line);
  return f.span.start <= end && f.span.end >= start;
}

function where(release: WireRelease, f: Finding, lines: LineIndex): string {
  return `${release.name}:${lines.lineAt(f.span.start) + 1}: ${f.ruleId}: ${f.message}`;
}

/** Scores one release into `score`. */
function scoreRelease(release: WireRelease, score: WireScore, byRule: Map<string, RuleScore>): void {
  const findings = lintWire(release.text);
  const lines = new LineIndex(release.text);
  const used = new Set<Finding>();
  for (const fault of release.labels.faults) {
    const rule = byRule.get(fault.rule);
    if (rule) rule.planted++;
    score.planted++;
    const hits = findings.filter((f) => matches(f, fault, lines));
    for (const h of hits) used.add(h);
    if (hits.length > 0) {
      score.found++;
      if (rule) rule.found++;
    } else score.misses.push(`${release.name}:${fault.line}: ${fault.rule}: "${fault.text}" (${fault.note})`);
  }
  let alarms = 0;
  for (const f of findings) {
    if (isSharedRule(f.ruleId)) score.shared.push(where(release, f, lines));
    if (!isWireRule(f.ruleId) || used.has(f)) continue;
    alarms++;
    score.falseAlarms.push(where(release, f, lines));
    if (release.labels.clean) score.cleanFalseAlarms.push(where(release, f, lines));
  }
  score.falseAlarmsByRelease[release.name] = alarms;
}

export function scoreWire(releases: readonly WireRelease[] = loadWire()): WireScore {
  const byRule = new Map<string, RuleScore>(
    WIRE_RULES.map((rule) => [rule, { rule, planted: 0, found: 0, recall: 1 }]),
  );
  const score: WireScore = {
    releases: releases.length,
    clean: releases.filter((r) => r.labels.clean).length,
    planted: 0,
    found: 0,
    rules: [...byRule.values()],
    unknownRules: WIRE_RULES.filter((id) => !RULES_BY_ID.has(id)),
    falseAlarms: [],
    cleanFalseAlarms: [],
    falseAlarmsByRelease: {},
    misses: [],
    shared: [],
  };
  for (const release of releases) scoreRelease(release, score, byRule);
  for (const r of score.rules) r.recall = r.planted === 0 ? 1 : r.found / r.planted;
  return score;
}

/** Whether the figures meet the targets of issue 12. */
export function meetsTargets(s: WireScore): boolean {
  return s.rules.every((r) => r.recall >= WIRE_TARGETS.recall) && s.cleanFalseAlarms.length === 0;
}

function printRecall(s: WireScore): void {
  console.log(`\n## Wire rules: ${s.releases} releases (${s.clean} clean layouts), ${s.planted} planted faults`);
  console.log(`targets: recall >= ${pct(WIRE_TARGETS.recall)} per rule, no false alarm on the clean layouts`);
  if (s.unknownRules.length > 0) console.log(`not in the core yet: ${s.unknownRules.join(', ')}`);
  console.log(`\n${'rule'.padEnd(22)} planted  found  recall`);
  for (const r of s.rules) {
    const mark = r.recall >= WIRE_TARGETS.recall ? '' : '  below target';
    console.log(
      `${r.rule.padEnd(22)} ${String(r.planted).padStart(7)} ${String(r.found).padStart(6)}  ${pct(r.recall)}${mark}`,
    );
  }
  const overall = s.planted === 0 ? 1 : s.found / s.planted;
  console.log(`${'all'.padEnd(22)} ${String(s.planted).padStart(7)} ${String(s.found).padStart(6)}  ${pct(overall)}`);
}

export function printWire(s: WireScore): void {
  printRecall(s);
  console.log(`\n## False alarms per release (${s.falseAlarms.length} in all)`);
  for (const [name, n] of Object.entries(s.falseAlarmsByRelease)) if (n > 0) console.log(`  ${name}: ${n}`);
  for (const f of s.falseAlarms) console.log(`  false alarm: ${f}`);
  console.log(`\n## False alarms on the clean layouts: ${s.cleanFalseAlarms.length} (target 0)`);
  for (const f of s.cleanFalseAlarms) console.log(`  false alarm: ${f}`);
  console.log(`\n## Misses: ${s.misses.length}`);
  for (const m of s.misses) console.log(`  missed: ${m}`);
  console.log(`\n## Shared rules, for information (not false alarms): ${s.shared.length}`);
  for (const f of s.shared) console.log(`  ${f}`);
  console.log(`\n${meetsTargets(s) ? 'targets met' : 'targets not met'}`);
}

if (require.main === module) printWire(scoreWire());
