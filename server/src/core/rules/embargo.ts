import { compareDates, isValidDate, toIso } from '../dates';
import { clip } from '../text';
import type { RuleContext } from '../types';
import { readEmbargo, type EmbargoValue } from '../wire/embargo';
import type { Embargo, WireParts } from '../wire/model';
import { wireRule } from './util';

function checkDate(embargo: Embargo, value: EmbargoValue, wire: WireParts, ctx: RuleContext): void {
  const p = value.date?.parsed;
  if (!value.date || !p || !isValidDate(p.year, p.month, p.day) || value.leftover) {
    ctx.report({
      message: `Embargo "${clip(embargo.value.text)}" cannot be read as a date and time`,
      span: embargo.span,
    });
    return;
  }
  const d = wire.dateline?.parsed;
  if (d && isValidDate(d.year, d.month, d.day) && compareDates(p, d) < 0) {
    ctx.report({
      message: `Embargo lifts on ${toIso(p)}, before the dateline date ${toIso(d)}`,
      span: value.date.span,
    });
  }
}

export const embargo = wireRule({
  id: 'embargo',
  description: 'Embargo line that cannot be read, that lifts before the dateline date, or whose time has no time zone.',
  defaultSeverity: 'warning',
  fixable: false,
  check(release, ctx) {
    const wire = release.wire;
    const e = wire.embargo;
    if (!e) return;
    const value = readEmbargo(e.value);
    checkDate(e, value, wire, ctx);
    if (value.time && !value.zone) {
      ctx.report({ message: `Embargo time "${value.time.text}" has no time zone`, span: value.time.span });
    }
  },
});
