/**
 * Reading the value of an `EMBARGOED UNTIL` line: a date, and maybe a weekday, a time and a time zone, in any order
 * (`March 4, 2025 09:00 GMT`, `9 a.m. EST, Tuesday, March 4, 2025`, `00:01 GMT Monday 4 March 2025`,
 * `2025-03-04T09:00Z`).
 */
import type { CalendarDate } from '../dates';
import { readDate } from './dateline';
import type { Piece } from './model';

export interface EmbargoValue {
  date?: Piece & { parsed?: CalendarDate | undefined };
  /** A weekday named apart from the date, or at its start; `index` counts from Sunday, as `weekdayOf` does. */
  weekday?: Piece & { index: number };
  time?: Piece & { minutes?: number | undefined };
  zone?: Piece & { offset: number };
  /** Whether anything is left over that is neither the date, the time nor the zone. */
  leftover: boolean;
}

const TIME = new RegExp(
  String.raw`\b\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?|[AP]\.?M\.?)|(?<=\d{4}-\d{2}-\d{2}T)\d{2}:\d{2}(?::\d{2})?` +
    String.raw`|\b\d{1,2}:\d{2}\b|\b(?:[Nn]oon|[Mm]idnight)\b`,
);
const NAMED_ZONES = '(?:UK|U\\.K\\.|British|London|Eastern|Central|Mountain|Pacific)\\s+[Tt]ime';
const ZONE = new RegExp(
  String.raw`\b(?:(?:UTC|GMT)(?:\s*[+\-−]\s*\d{1,2}(?::?\d{2})?)?` +
    String.raw`|[A-Z]{2}[DS]?T|[ECMP]T|CET|CEST|EET|EEST|WET|WEST|ALMT|${NAMED_ZONES})\b` +
    String.raw`|(?<=\d{2}:\d{2}(?::\d{2})?)(?:Z|[+\-]\d{2}:?\d{2})`,
);
const WEEKDAY = /\b(?:Sun|Mon|Tue|Tues|Wed|Wednes|Thu|Thur|Thurs|Fri|Sat|Satur)(?:day)?\b\.?/;

/**
 * Hours east of UTC of the zones a release names. Where a zone has a summer and a winter time (`ET`, `UK time`),
 * the winter one is taken: it is the later moment, so an embargo is never called early on a reading the issuer
 * did not mean. A zone not listed counts as the latest of all, UTC−12.
 */
const OFFSETS: Record<string, number> = {
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  UK: 0,
  'U.K.': 0,
  British: 0,
  London: 0,
  BST: 1,
  WEST: 1,
  CET: 1,
  CEST: 2,
  EET: 2,
  EEST: 3,
  ALMT: 5,
  EST: -5,
  EDT: -4,
  ET: -5,
  Eastern: -5,
  CST: -6,
  CDT: -5,
  CT: -6,
  Central: -6,
  MST: -7,
  MDT: -6,
  MT: -7,
  Mountain: -7,
  PST: -8,
  PDT: -7,
  PT: -8,
  Pacific: -8,
};
const LATEST_OFFSET = -12;

/** The zone's offset from UTC in minutes. */
function offsetOf(zone: string): number {
  const explicit = /(?:UTC|GMT)?\s*([+\-−])\s*(\d{1,2}):?(\d{2})?$/.exec(zone);
  if (explicit) return (explicit[1] === '+' ? 1 : -1) * (Number(explicit[2]) * 60 + Number(explicit[3] ?? 0));
  const key = zone.replace(/\s+[Tt]ime$/, '');
  return (OFFSETS[key] ?? LATEST_OFFSET) * 60;
}

/**
 * Minutes after midnight, or undefined when no clock shows the time (`25:00`, `13 p.m.`). Midnight is read as the
 * end of its day, the later of its two readings, for the same reason as the zones.
 */
function minutesOf(time: string): number | undefined {
  if (/noon/i.test(time)) return 12 * 60;
  if (/midnight/i.test(time)) return 24 * 60;
  const m = /(\d{1,2})(?:[:.](\d{2}))?(?::(\d{2}))?\s*([ap])?/i.exec(time);
  if (!m) return undefined;
  let hours = Number(m[1]);
  const minutes = Number(m[2] ?? 0);
  if (minutes > 59) return undefined;
  if (m[4]) {
    if (hours < 1 || hours > 12) return undefined;
    hours = (hours % 12) + (m[4].toLowerCase() === 'p' ? 12 : 0);
  } else if (hours > 24 || (hours === 24 && minutes > 0)) return undefined;
  return hours * 60 + minutes;
}

function find(value: Piece, re: RegExp): Piece | undefined {
  const m = re.exec(value.text);
  if (!m) return undefined;
  const start = value.span.start + m.index;
  return { text: m[0], span: { start, end: start + m[0].length } };
}

function weekdayIndex(word: string): number {
  return ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].indexOf(word.slice(0, 3).toLowerCase());
}

export function readEmbargo(value: Piece): EmbargoValue {
  const out: EmbargoValue = { leftover: false };
  let rest = value.text;
  const blank = (p: Piece) => {
    const at = p.span.start - value.span.start;
    rest = rest.slice(0, at) + ' '.repeat(p.text.length) + rest.slice(at + p.text.length);
  };
  // The zone first, while the time that an ISO zone (`09:00Z`) follows is still there to be seen.
  const zone = find(value, ZONE);
  if (zone) {
    out.zone = { ...zone, offset: offsetOf(zone.text) };
    blank(zone);
  }
  const time = find({ text: rest, span: value.span }, TIME);
  if (time) {
    out.time = { ...time, minutes: minutesOf(time.text) };
    blank(time);
  }
  const weekday = find({ text: rest, span: value.span }, WEEKDAY);
  if (weekday) {
    out.weekday = { ...weekday, index: weekdayIndex(weekday.text) };
    blank(weekday);
  }
  const dateAt = rest.search(/[^\s,;]/);
  const date = dateAt < 0 ? undefined : readDate(rest.slice(dateAt), value.span.start + dateAt);
  if (date) blank((out.date = date));
  // The `T` of an ISO date and time (`2025-03-04T09:00Z`) joins the two and says nothing else.
  out.leftover = /[^\s,;()]/.test(rest.replace(/\b(?:at|on)\b|(?<=\d|\s)T(?=\s|\d)/g, ''));
  return out;
}

/**
 * The latest moment the embargo may lift, in minutes since the epoch in UTC: without a time, at the end of its day,
 * and without a zone, at UTC−12.
 */
export function embargoMoment(value: EmbargoValue, date: CalendarDate): number {
  const minutes = value.time?.minutes ?? 24 * 60;
  const offset = value.zone?.offset ?? LATEST_OFFSET * 60;
  return Date.UTC(date.year, date.month - 1, date.day) / 60000 + minutes - offset;
}

/** The earliest moment at which a calendar day has begun anywhere, at UTC+14, in minutes since the epoch. */
export function dayBeginsAnywhere(date: CalendarDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / 60000 - 14 * 60;
}
