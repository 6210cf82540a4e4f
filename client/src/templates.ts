/**
 * The templates that **Press Release: New Release** inserts, as snippet text (`${1:Headline}` tabstops, which
 * Tab walks through). Pure text, with no `vscode` import, so that a unit test can fill the placeholders and lint
 * the result with the real rules: a template that the linter flags would teach the wrong shape.
 */

/** The formats a new release can take, as the command's quick pick offers them. */
export type TemplateFormat = 'wire' | 'feed';

export interface TemplateChoice {
  format: TemplateFormat;
  label: string;
  description: string;
}

export const TEMPLATE_CHOICES: readonly TemplateChoice[] = [
  {
    format: 'wire',
    label: 'Standard release',
    description: 'One release per file: headline, dateline, boilerplate, end mark and media contact',
  },
  { format: 'feed', label: 'Government feed', description: 'A dated title, the body and a Source line' },
];

/** A day of the calendar, months counted from 1. */
export interface Day {
  year: number;
  month: number;
  day: number;
}

/** AP style abbreviates the months longer than five letters, and spells out March to July. */
const AP_MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

/** `Nov. 28, 2026`, as AP style writes the date of a dateline. */
export function apDate(d: Day): string {
  return `${AP_MONTHS[d.month - 1]} ${d.day}, ${d.year}`;
}

/** `28.11.2026`, the feed's own date format. */
export function feedDate(d: Day): string {
  return `${String(d.day).padStart(2, '0')}.${String(d.month).padStart(2, '0')}.${d.year}`;
}

/**
 * A standard release in the order editors expect it. The organisation (tabstop 4) is typed once and mirrored in
 * the quote's attribution, the boilerplate heading and the contact, so the four never disagree.
 */
function wireTemplate(date: string): string {
  return [
    'FOR IMMEDIATE RELEASE',
    '',
    '${1:Headline That Says What Happened}',
    '',
    `\${2:CITY}, \${3:${date}} — \${4:Organisation} today ` +
      '${5:announced what happened, where, when and why it matters.}',
    '',
    '"${6:A quote that adds a view, not a fact.}" said ${7:Full Name}, ${8:Title} of $4.',
    '',
    '${9:The details: figures, dates, and what happens next.}',
    '',
    'About $4',
    '${10:What the organisation does, where it works, and since when.}',
    '',
    '###',
    '',
    'Media contact:',
    '${11:Contact Name}',
    '${12:Title}, $4',
    '${13:press@example.com}',
    '${14:+1 555-555-0100}',
    '$0',
  ].join('\n');
}

/**
 * A feed release. The Source is left as `https://` on purpose: a URL cannot be guessed, and `source-url` flags the
 * release until the real one is typed in.
 */
function feedTemplate(date: string): string {
  return [
    `\${1:Headline} ${date}`,
    '${2:The body: what happened, who did it, where and when, and why it matters, with the figures, names and ' +
      'dates that a reader outside the office needs to follow the story without calling anyone.}',
    'Source : ${3:https://}',
    '$0',
  ].join('\n');
}

/** The snippet text of a new release in `format`, dated `today` in that format's style. */
export function releaseTemplate(format: TemplateFormat, today: Day): string {
  return format === 'wire' ? wireTemplate(apDate(today)) : feedTemplate(feedDate(today));
}
