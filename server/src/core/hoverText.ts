/**
 * The pieces of hover text that the feed's and the standard release's hovers share, so that a date, a reading
 * time and a list of open problems read the same whichever format the document is.
 */
import { MONTHS, toIso, weekdayOf, WEEKDAYS, type CalendarDate } from './dates';
import type { Finding } from './types';

/** Words read per minute, a common newsroom figure for reading-time estimates. */
const WORDS_PER_MINUTE = 200;

/** How many open problems a hover lists before it only counts the rest. */
const MAX_PROBLEMS = 10;

/** A date with its weekday, spelled out: `Tuesday, 4 March 2025`. */
export function longDate(d: CalendarDate): string {
  return `${WEEKDAYS[weekdayOf(d)]}, ${d.day} ${MONTHS[d.month - 1]} ${d.year}`;
}

/** A date with its weekday and its ISO form. */
export function describeDate(d: CalendarDate): string {
  return `${longDate(d)} · ISO \`${toIso(d)}\``;
}

function severityName(f: Finding): string {
  return f.severity === 'error'
    ? 'Error'
    : f.severity === 'warning'
      ? 'Warning'
      : f.severity === 'info'
        ? 'Info'
        : 'Hint';
}

/** The list item with the words, paragraphs and reading time of a text. */
export function readingLine(words: number, paragraphs: number): string {
  const minutes = Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
  return `- ${words} words in ${paragraphs} paragraph${paragraphs === 1 ? '' : 's'} · about ${minutes} min to read`;
}

/** The closing lines of a hover: the open problems, the first ten listed. */
export function problemLines(open: readonly Finding[]): string[] {
  if (open.length === 0) return ['No open problems.'];
  const lines = [`**${open.length} open problem${open.length === 1 ? '' : 's'}:**`];
  for (const f of open.slice(0, MAX_PROBLEMS)) lines.push(`- ${severityName(f)}: ${f.message} (\`${f.ruleId}\`)`);
  if (open.length > MAX_PROBLEMS) lines.push(`- … and ${open.length - MAX_PROBLEMS} more`);
  return lines;
}
