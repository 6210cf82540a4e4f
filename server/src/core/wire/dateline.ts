/**
 * Reading the dateline that opens a release's first paragraph. The date is matched by shape rather than by
 * calendar, so that an impossible date (`February 30, 2025`) or a misspelt month is still found and the
 * `dateline-date` rule can report it instead of `missing-dateline`.
 */
import { monthFromName, MONTHS, WEEKDAYS, type CalendarDate } from '../dates';
import type { Dateline, Piece } from './model';

const WEEKDAY = '(?<weekday>(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\\.?),?\\s+';
const MONTH_WORD = '[A-Z][a-z]{2,9}\\.?';
const DATE_SHAPES = [
  `(?<m1>${MONTH_WORD})\\s+(?<d1>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y1>\\d{4,5})`,
  `(?<d2>\\d{1,2})(?:st|nd|rd|th)?\\s+(?<m2>${MONTH_WORD})\\s+(?<y2>\\d{4,5})`,
  `(?<y3>\\d{4})-(?<m3>\\d{1,2})-(?<d3>\\d{1,2})`,
  // Day, month and year in figures with full stops, as German and much of Europe write them (`04.03.2025`).
  `(?<d4>\\d{1,2})\\.(?<m4>\\d{1,2})\\.(?<y4>\\d{4})`,
].join('|');
// The city in any case and any script (`SÃO PAULO`, or `Boise` that dateline-style asks to capitalise): the date
// and the dash after it are what make a dateline.
const CITY = "(?<city>\\p{L}[\\p{L}\\p{M}.'’\\- ]*[\\p{L}.](?:,\\s+\\p{Lu}[\\p{L}\\p{M}.'’\\- ]*?)*?)";
/** An agency's name in parentheses: `(GLOBE NEWSWIRE)`, `(BUSINESS WIRE)`. */
const AGENCY = '\\(\\p{Lu}[^()]{1,40}\\)';
const DASH_MARK = '(?:—|–|--?)';
// Business Wire puts its tag between the city and the date, in dashes: `NEW YORK--(BUSINESS WIRE)--March 4, 2025--`.
const SEPARATOR = `(?:,\\s*|\\s*\\(\\s*|\\s+[—–-]{1,2}\\s+|\\s*${DASH_MARK}\\s*${AGENCY}\\s*${DASH_MARK}\\s*)`;
const DASH = '(?<dash>—|–|--|-)';
// The agency tag such as `/PRNewswire/` or `(GLOBE NEWSWIRE)` sits between the date and the dash on wire copy.
const TAG = `(?:\\s*/[^/\\s][^/]*/|\\s+${AGENCY})?`;
// A Markdown release may set the place and date in bold or italics, and the dash after them in plain text.
const DATELINE = new RegExp(
  `^(?<em>\\*\\*|__|\\*|_)?${CITY}${SEPARATOR}(?<date>(?:${WEEKDAY})?(?:${DATE_SHAPES}))\\)?${TAG}\\k<em>` +
    `\\s*${DASH}(?=\\s|$)`,
  'u',
);

function monthOf(word: string): number {
  if (/^\d+$/.test(word)) return Number(word);
  const bare = word.replace(/\.$/, '');
  // A month is a known name or a prefix of one of at least three letters (`Sept.`); anything else is malformed.
  const n = monthFromName(bare);
  return n > 0 && startsMonth(bare, n) ? n : 0;
}

function startsMonth(word: string, month: number): boolean {
  return MONTHS[month - 1].toLowerCase().startsWith(word.toLowerCase());
}

function weekdayIndex(word: string): number {
  const key = word.slice(0, 3).toLowerCase();
  return WEEKDAYS.findIndex((w) => w.slice(0, 3).toLowerCase() === key);
}

/** The calendar date that the date groups of a match name, or undefined when the month is no month. */
function parsedDate(g: Record<string, string | undefined>): CalendarDate | undefined {
  const month = monthOf(g.m1 ?? g.m2 ?? g.m3 ?? g.m4 ?? '');
  if (month === 0) return undefined;
  return { year: Number(g.y1 ?? g.y2 ?? g.y3 ?? g.y4), month, day: Number(g.d1 ?? g.d2 ?? g.d3 ?? g.d4) };
}

const DATE_ALONE = new RegExp(`^(?<date>(?:${WEEKDAY})?(?:${DATE_SHAPES}))`);

/** A date, weekday optional, at the start of `text` (which starts at `offset` in the document), as the dateline's. */
export function readDate(text: string, offset: number): (Piece & { parsed?: CalendarDate | undefined }) | undefined {
  const g = DATE_ALONE.exec(text)?.groups;
  if (!g) return undefined;
  return { text: g.date, span: { start: offset, end: offset + g.date.length }, parsed: parsedDate(g) };
}

/** The dateline at the start of `line` (which starts at `offset` in the document), or undefined. */
export function readDateline(line: string, offset: number): Dateline | undefined {
  const m = DATELINE.exec(line);
  const g = m?.groups;
  if (!m || !g) return undefined;
  const cityStart = offset + (g.em?.length ?? 0);
  const dateStart = offset + m[0].indexOf(g.date, cityStart - offset + g.city.length);
  const dashStart = offset + m[0].length - g.dash.length;
  const dateline: Dateline = {
    span: { start: offset, end: dashStart + g.dash.length },
    city: { text: g.city, span: { start: cityStart, end: cityStart + g.city.length } },
    date: { text: g.date, span: { start: dateStart, end: dateStart + g.date.length } },
    dash: { text: g.dash, span: { start: dashStart, end: dashStart + g.dash.length } },
  };
  const parsed = parsedDate(g);
  if (parsed) dateline.parsed = parsed;
  if (g.weekday)
    dateline.weekday = {
      index: weekdayIndex(g.weekday),
      span: { start: dateStart, end: dateStart + g.weekday.length },
    };
  return dateline;
}
