import { compareDates, isValidDate, toIso, WEEKDAYS, weekdayOf } from '../dates';
import type { Dateline } from '../wire/model';
import type { Report, RuleContext } from '../types';
import { wireRule } from './util';

/** What is wrong with the date itself, if anything: a month that is no month, or a day the month does not have. */
function dateFault(d: Dateline, ctx: RuleContext): string | undefined {
  const p = d.parsed;
  if (!p) return `Dateline date "${d.date.text}" is not a date`;
  if (!isValidDate(p.year, p.month, p.day)) return `Dateline date "${d.date.text}" does not exist`;
  if (compareDates(p, ctx.today) > 0)
    return `Dateline date ${toIso(p)} is in the future (today is ${toIso(ctx.today)})`;
  return undefined;
}

function weekdayFault(d: Dateline): Report | undefined {
  const p = d.parsed;
  if (!p || !d.weekday || !isValidDate(p.year, p.month, p.day)) return undefined;
  const actual = weekdayOf(p);
  if (actual === d.weekday.index) return undefined;
  return {
    message: `Dateline names ${WEEKDAYS[d.weekday.index]}, but ${toIso(p)} is a ${WEEKDAYS[actual]}`,
    span: d.weekday.span,
  };
}

export const datelineDate = wireRule({
  id: 'dateline-date',
  description: 'Dateline date that is malformed, impossible, in the future, or on another weekday than named.',
  defaultSeverity: 'error',
  fixable: false,
  check(release, ctx) {
    const d = release.wire.dateline;
    if (!d) return;
    const fault = dateFault(d, ctx);
    if (fault) ctx.report({ message: fault, span: d.date.span });
    const weekday = weekdayFault(d);
    if (weekday) ctx.report(weekday);
  },
});
