/** Editor features over names: hover, occurrences, rename, completion and semantic tokens. */
import type { Analysis } from '../lint';
import { clip, type Span } from '../text';
import { canonicalSpelling, preferredSpelling, type Spellings } from './canonical';
import { tokenAt, type NameCluster, type NameIndex, type NameKind, type NameToken } from './index';
import { spellingsElsewhere } from '../workspace/nameGroups';
import type { WorkspaceView } from '../workspace/summaries';
import { roleOf } from './roles';

function indexOf(analysis: Analysis): NameIndex {
  return analysis.facts.names();
}

export function nameAt(analysis: Analysis, offset: number): { token: NameToken; cluster: NameCluster } | undefined {
  const index = indexOf(analysis);
  const token = tokenAt(index, offset);
  return token ? { token, cluster: index.clusterOf(token) } : undefined;
}

function clusterTokens(cluster: NameCluster): NameToken[] {
  return [...cluster.spellings.values()].flat().sort((a, b) => a.span.start - b.span.start);
}

/**
 * The spellings that `inconsistent-name` weighs this token against: those of
 * its release, or of the whole feed when the rule's scope is the feed. Hover
 * asks the same question of the same group, so it names the spelling that the
 * quick fix would write.
 */
function ruleGroup(analysis: Analysis, cluster: NameCluster, token: NameToken): Spellings {
  if (analysis.config.rules['inconsistent-name']?.options.scope === 'feed') return cluster.spellings;
  const group = new Map<string, NameToken[]>();
  for (const [spelling, tokens] of cluster.spellings) {
    const here = tokens.filter((t) => t.release === token.release);
    if (here.length > 0) group.set(spelling, here);
  }
  return group;
}

const KIND_LABEL: Record<NameKind, string> = {
  person: 'person',
  place: 'place',
  organization: 'organisation',
  unknown: 'name',
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** What a list cut at `shown` items leaves out. */
const more = (n: number, shown: number) => (n > shown ? `; and ${n - shown} more` : '');

/** Longest full name a hover heading shows; a longer run of names is a list, not one name. */
const MAX_FULL_NAME = 60;

/**
 * A person's name as the release writes it around the token (`Serik Nurgaliev` for either word), with the
 * token in its canonical spelling; a bare given name says little on its own.
 */
function fullName(text: string, token: NameToken, canonical: string): string {
  const run = token.context;
  if (token.kind !== 'person' || !run || run.runEnd - run.runStart > MAX_FULL_NAME) return canonical;
  const before = text.slice(run.runStart, token.span.start);
  const after = text.slice(token.span.end, run.runEnd);
  return `${before}${canonical}${after}`.replace(/\s+/g, ' ').trim();
}

/** Other files' spellings a hover lists at most. */
const MAX_SPELLINGS_ELSEWHERE = 4;

/** The hover line of the spellings other files give a name, or undefined when none does. */
function elsewhereLine(workspace: WorkspaceView, cluster: NameCluster): string | undefined {
  const keys = new Set([...cluster.spellings.values()].flat().map((t) => t.key));
  const found = spellingsElsewhere(workspace, keys);
  if (found.length === 0) return undefined;
  const files = (n: number) => plural(n, 'file');
  const listed = found.slice(0, MAX_SPELLINGS_ELSEWHERE).map((s) => `${s.text} (${s.count}× in ${files(s.fileCount)})`);
  return `- In other files: ${listed.join(', ')}${more(found.length, MAX_SPELLINGS_ELSEWHERE)}`;
}

/** Hover on a name: its spellings, releases and roles, and with `workspace`, the spellings of other files. */
export function nameHover(
  analysis: Analysis,
  offset: number,
  workspace?: WorkspaceView,
): { markdown: string; span: Span } | undefined {
  const hit = nameAt(analysis, offset);
  if (!hit) return undefined;
  const { token, cluster } = hit;
  const all = clusterTokens(cluster);
  const kinds = new Set(all.map((t) => t.kind).filter((k) => k !== 'unknown'));
  const kind = kinds.size === 1 ? KIND_LABEL[[...kinds][0]] : 'name';
  const canonical = preferredSpelling(ruleGroup(analysis, cluster, token), token.text, cluster.dictionary);
  const heading = fullName(analysis.feed.text, token, canonical);
  const lines = [`**${heading}** · ${kind}${cluster.dictionary ? ' · from the names list' : ''}`, ''];
  const spellings = [...cluster.spellings.entries()].map(
    ([s, ts]) => `${s === canonical ? `**${s}**` : s} (${ts.length}×)`,
  );
  lines.push(`- Spellings: ${spellings.join(', ')}`);
  const releases = [...new Set(all.map((t) => t.release))];
  const titles = releases.slice(0, 5).map((r) => {
    const title = analysis.feed.releases[r]?.title?.text;
    return title ? `"${title.length > 80 ? `${title.slice(0, 79)}…` : title}"` : `release ${r + 1}`;
  });
  lines.push(`- In ${plural(releases.length, 'release')}: ${titles.join('; ')}${more(releases.length, 5)}`);
  const roles = [...new Set(all.map((t) => roleOf(analysis.feed.text, t)).filter((r): r is string => !!r))];
  if (roles.length > 0) lines.push(`- Roles seen: ${roles.slice(0, 4).join('; ')}`);
  const elsewhere = workspace && elsewhereLine(workspace, cluster);
  if (elsewhere) lines.push(elsewhere);
  return { markdown: lines.join('\n'), span: token.span };
}

/** Every occurrence of every spelling of the name under the offset, in this document. */
export function nameOccurrences(analysis: Analysis, offset: number): Span[] {
  const hit = nameAt(analysis, offset);
  return hit ? clusterTokens(hit.cluster).map((t) => t.span) : [];
}

/** The range that rename would change, or undefined when the offset is not on a name. */
export function prepareRenameName(analysis: Analysis, offset: number): Span | undefined {
  return nameAt(analysis, offset)?.token.span;
}

/** A letter first, then letters, marks, apostrophes, periods, hyphens and spaces: `O'Brien`, `St. John-Smith`. */
const NAME_SHAPE = /^\p{L}[\p{L}\p{M}’'.\- ]*$/u;

/**
 * Why `newName` may not replace a name, or undefined when it may. Rename writes the new name into prose
 * wherever the name occurs, so only text shaped like a name is accepted; spaces around it do not count.
 */
export function renameRefusal(newName: string): string | undefined {
  const name = newName.trim();
  return NAME_SHAPE.test(name) ? undefined : `"${clip(name, 80)}" is not a name`;
}

export interface NameCompletion {
  label: string;
  count: number;
  kind: NameKind;
  /** Variant spellings, shown as detail so the editor sees which spelling wins. */
  variants: string[];
}

/**
 * Known names that start with `prefix`, most frequent first; dictionary names come in even when the feed lacks
 * them.
 */
export function nameCompletions(analysis: Analysis, prefix: string): NameCompletion[] {
  const index = indexOf(analysis);
  const out = new Map<string, NameCompletion>();
  const lower = prefix.toLowerCase();
  for (const cluster of index.clusters) {
    const label = canonicalSpelling(cluster.spellings, cluster.dictionary);
    if (!label.toLowerCase().startsWith(lower)) continue;
    const tokens = clusterTokens(cluster);
    const kinds = tokens.map((t) => t.kind).filter((k) => k !== 'unknown');
    out.set(label, {
      label,
      count: tokens.length,
      kind: kinds[0] ?? 'unknown',
      variants: [...cluster.spellings.keys()].filter((s) => s !== label),
    });
  }
  for (const name of analysis.config.names) {
    if (name.toLowerCase().startsWith(lower) && !out.has(name))
      out.set(name, { label: name, count: 0, kind: 'unknown', variants: [] });
  }
  return [...out.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** What a name being typed is made of: letters, marks, apostrophes and hyphens. */
const NAME_CHARACTER = /[\p{L}\p{M}’'-]/u;

/** Editors show only the first few dozen completions; sorting and sending more would only cost time. */
export const MAX_NAME_COMPLETIONS = 50;

/** The word that ends at `offset`: the letters, marks, apostrophes and hyphens just before it. */
export function wordBefore(text: string, offset: number): Span {
  let start = offset;
  while (start > 0 && NAME_CHARACTER.test(text[start - 1])) start--;
  return { start, end: offset };
}

/** Completions for the word before the cursor, and the span they replace. */
export interface NameCompletionsAt {
  span: Span;
  completions: NameCompletion[];
}

/**
 * Known names that complete the word before `offset`, at most `limit`; undefined when that word does not
 * start with a capital letter. Names start with a capital, and completing lower-case words would only get
 * in the way of typing prose.
 */
export function nameCompletionsAt(
  analysis: Analysis,
  offset: number,
  limit = MAX_NAME_COMPLETIONS,
): NameCompletionsAt | undefined {
  const span = wordBefore(analysis.feed.text, offset);
  const prefix = analysis.feed.text.slice(span.start, span.end);
  if (!/^\p{Lu}/u.test(prefix)) return undefined;
  return { span, completions: nameCompletions(analysis, prefix).slice(0, limit) };
}

export const SEMANTIC_TOKEN_TYPES = ['person', 'place', 'organization'] as const;

/** Name tokens whose kind is clear, in document order, for semantic highlighting. */
export function semanticNameTokens(analysis: Analysis): Array<{ span: Span; type: number }> {
  const out: Array<{ span: Span; type: number }> = [];
  for (const t of indexOf(analysis).tokens) {
    const type = SEMANTIC_TOKEN_TYPES.indexOf(t.kind as (typeof SEMANTIC_TOKEN_TYPES)[number]);
    if (type >= 0) out.push({ span: t.span, type });
  }
  return out;
}
