import { isValidDate, toIso, weekdayOf, WEEKDAYS, type CalendarDate } from '../dates';
import { clip } from '../text';
import type { RuleContext } from '../types';
import { dayBeginsAnywhere, embargoMoment, readEmbargo, type EmbargoValue } from '../wire/embargo';
import type { Embargo, WireParts } from '../wire/model';
import { wireRule } from './util';

/** The embargo's valid date, or undefined after one message that it cannot be read. */
function readable(embargo: Embargo, value: EmbargoValue, ctx: RuleContext): CalendarDate | undefined {
  const p = value.date?.parsed;
  if (value.date && p && isValidDate(p.year, p.month, p.day) && !value.leftover) return p;
  ctx.report({
    message: `Embargo "${clip(embargo.value.text)}" cannot be read as a date and time`,
    span: embargo.span,
  });
  return undefined;
}

/**
 * Whether the embargo surely lifts before the dateline's day: the dateline names the day in the issuer's city,
 * whose zone the linter does not know, so the embargo is compared, at its latest reading, with the first moment
 * that day has begun anywhere (UTC+14). `March 3, 11 p.m. PST` before an `AUSTIN… March 4` dateline is not early.
 */
function checkDateline(value: EmbargoValue, date: CalendarDate, wire: WireParts, ctx: RuleContext): void {
  const d = wire.dateline?.parsed;
  if (!d || !isValidDate(d.year, d.month, d.day) || !value.date) return;
  if (embargoMoment(value, date) < dayBeginsAnywhere(d))
    ctx.report({
      message: `Embargo lifts on ${toIso(date)}, before the dateline date ${toIso(d)}`,
      span: value.date.span,
    });
}

function checkWeekday(value: EmbargoValue, date: CalendarDate, ctx: RuleContext): void {
  const w = value.weekday;
  const actual = weekdayOf(date);
  if (w && w.index >= 0 && w.index !== actual)
    ctx.report({
      message: `Embargo names ${WEEKDAYS[w.index]}, but ${toIso(date)} is a ${WEEKDAYS[actual]}`,
      span: w.span,
    });
}

function checkTime(value: EmbargoValue, ctx: RuleContext): void {
  const t = value.time;
  if (!t) return;
  if (t.minutes === undefined)
    ctx.report({ message: `Embargo time "${clip(t.text)}" is not a time of day`, span: t.span });
  else if (!value.zone) ctx.report({ message: `Embargo time "${t.text}" has no time zone`, span: t.span });
}

export const embargo = wireRule({
  id: 'embargo',
  description:
    'Embargo line that cannot be read, that lifts before the dateline date, whose weekday or time is wrong, ' +
    'or whose time has no time zone.',
  defaultSeverity: 'warning',
  fixable: false,
  check(release, ctx) {
    const wire = release.wire;
    const e = wire.embargo;
    if (!e) return;
    const value = readEmbargo(e.value);
    // An embargo that cannot be read gets that one message; what else is wrong with it would only add noise.
    const date = readable(e, value, ctx);
    if (!date) return;
    checkWeekday(value, date, ctx);
    checkTime(value, ctx);
    checkDateline(value, date, wire, ctx);
  },
});
