/**
 * Reading the value of an `EMBARGOED UNTIL` line: a date, and maybe a time and a time zone, in either order
 * (`March 4, 2025 09:00 GMT`, `9 a.m. EST, Tuesday, March 4, 2025`).
 */
import type { CalendarDate } from '../dates';
import { readDate } from './dateline';
import type { Piece } from './model';

export interface EmbargoValue {
  date?: Piece & { parsed?: CalendarDate | undefined };
  time?: Piece;
  zone?: Piece;
  /** Whether anything is left over that is neither the date, the time nor the zone. */
  leftover: boolean;
}

const TIME = /\b\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?|[AP]\.?M\.?)|\b\d{1,2}:\d{2}\b/;
const ZONE = new RegExp(
  String.raw`\b(?:(?:UTC|GMT)(?:\s*[+\-−]\s*\d{1,2}(?::?\d{2})?)?` +
    String.raw`|[A-Z]{2}[DS]?T|[ECMP]T|CET|CEST|EET|EEST|WET|WEST)\b`,
);

function find(value: Piece, re: RegExp): Piece | undefined {
  const m = re.exec(value.text);
  if (!m) return undefined;
  const start = value.span.start + m.index;
  return { text: m[0], span: { start, end: start + m[0].length } };
}

export function readEmbargo(value: Piece): EmbargoValue {
  const out: EmbargoValue = { leftover: false };
  let rest = value.text;
  const blank = (p: Piece) => {
    const at = p.span.start - value.span.start;
    rest = rest.slice(0, at) + ' '.repeat(p.text.length) + rest.slice(at + p.text.length);
  };
  const time = find(value, TIME);
  if (time) blank((out.time = time));
  const zone = find({ text: rest, span: value.span }, ZONE);
  if (zone) blank((out.zone = zone));
  const dateAt = rest.search(/[^\s,;]/);
  const date = dateAt < 0 ? undefined : readDate(rest.slice(dateAt), value.span.start + dateAt);
  if (date) blank((out.date = date));
  out.leftover = /[^\s,;()]/.test(rest.replace(/\b(?:at|on)\b/g, ''));
  return out;
}
