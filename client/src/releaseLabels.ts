/**
 * How the Releases view words a release: its description, tooltip and which icon it gets. Pure text, with no
 * `vscode` import, so that unit tests can hold the wording: a count the server has not made yet must read as
 * unknown, never as zero problems.
 */
import type { ProblemCounts, ReleaseEntry } from '../../shared/protocol';

/** The icon of a release: its worst severity, `clean` when counted without problems, `uncounted` before. */
export type ReleaseIcon = 'error' | 'warning' | 'info' | 'clean' | 'uncounted';

export function releaseIcon(problems: ProblemCounts | undefined): ReleaseIcon {
  if (!problems) return 'uncounted';
  if (problems.errors > 0) return 'error';
  if (problems.warnings > 0) return 'warning';
  return problems.infos > 0 ? 'info' : 'clean';
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `2 errors, 1 warning`; `no problems` when counted clean; undefined before the count. */
export function problemText(problems: ProblemCounts | undefined): string | undefined {
  if (!problems) return undefined;
  const parts = [
    problems.errors > 0 ? plural(problems.errors, 'error') : '',
    problems.warnings > 0 ? plural(problems.warnings, 'warning') : '',
    problems.infos > 0 ? plural(problems.infos, 'info') : '',
  ].filter((p) => p !== '');
  return parts.length > 0 ? parts.join(', ') : 'no problems';
}

/** The short line after the title: the date, then the total of problems when there are any. */
export function releaseDescription(entry: ReleaseEntry): string {
  const p = entry.problems;
  const total = p ? p.errors + p.warnings + p.infos : 0;
  const date = entry.date ?? 'no date';
  return total > 0 ? `${date} · ${plural(total, 'problem')}` : date;
}

/** The tooltip: title, file, date and counts, one per line. */
export function releaseTooltip(entry: ReleaseEntry, fileName: string): string {
  return [
    entry.untitled ? `(untitled release in ${fileName})` : entry.title,
    fileName,
    entry.date ? `Published ${entry.date}` : 'No valid publication date',
    problemText(entry.problems) ?? 'Problems not counted yet',
  ].join('\n');
}
