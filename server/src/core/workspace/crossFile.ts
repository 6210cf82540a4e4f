/**
 * Running the cross-file checks of the rules over one file of a workspace. The editor runs them when a file or the
 * index changes, the CLI once per file after its pre-pass; both go through here, so that they report the same.
 */
import { defaultOptions, type Config } from '../config';
import { RULES } from '../rules/index';
import { byPosition, type OnError } from '../runner';
import type { Finding, Report, Rule } from '../types';
import { WorkspaceSummaries } from './summaries';
import type { FileSummary } from './summary';

/**
 * The findings of the cross-file checks in `file`, with the severities that the file's config gives them. `summary`
 * is the file's own, by default the one in the index; the CLI passes the summary of the text it reports when that
 * differs from the one its pre-pass indexed. Without `detail`, checks may leave out fixes and related places.
 */
export function crossFileFindings(
  file: string,
  workspace: WorkspaceSummaries,
  config: Config,
  onError: OnError = () => undefined,
  rules: readonly Rule[] = RULES,
  summary: FileSummary | undefined = workspace.get(file),
  detail = true,
): Finding[] {
  if (!summary) return [];
  const out: Finding[] = [];
  for (const rule of rules) {
    if (rule.scope !== 'feed' || !rule.acrossFiles || !rule.formats.includes(summary.format)) continue;
    const severity = config.rules[rule.id]?.severity ?? rule.defaultSeverity;
    if (severity === 'off') continue;
    const options = config.rules[rule.id]?.options ?? defaultOptions(rule);
    const report = (r: Report) => out.push({ ruleId: rule.id, severity, ...r });
    try {
      rule.acrossFiles({ file, summary, workspace, options, config, detail, report });
    } catch (e) {
      onError(rule, e);
    }
  }
  return out.sort(byPosition);
}

/**
 * Whether a file's config has a cross-file check read the names of the other files, which are then summarized
 * with their names: without it, a run compares titles and Sources only and scans no names.
 */
export function comparesNames(config: Config, rules: readonly Rule[] = RULES): boolean {
  return rules.some((rule) => {
    if (rule.scope !== 'feed' || !rule.readsNamesAcrossFiles) return false;
    const rc = config.rules[rule.id];
    return rc?.severity !== 'off' && rule.readsNamesAcrossFiles(rc?.options ?? defaultOptions(rule));
  });
}

/**
 * The cross-file findings of a file compared with itself alone: a file that takes part in no workspace (standard
 * input, a document outside every folder, a fixture) still has its names compared under the workspace scope.
 */
export function crossFileFindingsAlone(
  file: string,
  summary: FileSummary,
  config: Config,
  onError?: OnError,
): Finding[] {
  if (!comparesNames(config)) return [];
  return crossFileFindings(file, new WorkspaceSummaries(), config, onError, RULES, summary);
}
