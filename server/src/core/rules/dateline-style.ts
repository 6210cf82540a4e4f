import { isValidDate, MONTHS, type CalendarDate } from '../dates';
import type { Dateline, Piece } from '../wire/model';
import { wireRule } from './util';

/** AP style abbreviates the months of six letters or more, except June and July, with a period; Sept. has four. */
const AP_MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

type Style = 'ap' | 'dmy';

const apDate = (d: CalendarDate) => `${AP_MONTHS[d.month - 1]} ${d.day}, ${d.year}`;
const dmyDate = (d: CalendarDate) => `${d.day} ${MONTHS[d.month - 1]} ${d.year}`;
const STYLE_NAMES: Record<Style, string> = { ap: 'AP style', dmy: 'day-month-year style' };

/**
 * The house style a date must follow: the configured one, or with `auto` the one its order shows, so that a
 * British `4 March 2025` and an American `March 4, 2025` are both right as written.
 */
function styleFor(setting: string, written: string): Style {
  if (setting === 'ap' || setting === 'dmy') return setting;
  return /^\d{1,2}\D/.test(written) ? 'dmy' : 'ap';
}

/**
 * The date itself, past the weekday the parser found (`Tuesday, March 4, 2025` → `March 4, 2025`): the parser
 * has already read its shape, so only the weekday and the comma or spaces after it are left out.
 */
function datePart(d: Dateline): Piece {
  const afterWeekday = d.weekday ? d.weekday.span.end - d.date.span.start : 0;
  const skip = afterWeekday + (/^,?\s*/.exec(d.date.text.slice(afterWeekday))?.[0].length ?? 0);
  return { text: d.date.text.slice(skip), span: { start: d.date.span.start + skip, end: d.date.span.end } };
}

/** The city before the first comma: `BOISE` in `BOISE, Idaho`; the state or country keeps its own case. */
function cityName(d: Dateline): { text: string; start: number } {
  const comma = d.city.text.indexOf(',');
  return { text: comma < 0 ? d.city.text : d.city.text.slice(0, comma), start: d.city.span.start };
}

export const datelineStyle = wireRule({
  id: 'dateline-style',
  description: 'Dateline of a standard release whose city is not in capitals, or whose date is not in the house style.',
  defaultSeverity: 'info',
  fixable: true,
  safeFixes: true,
  options: {
    style: {
      type: 'enum',
      values: ['auto', 'ap', 'dmy'],
      default: 'auto',
      description:
        'House style of the date: AP (`Sept. 4, 2025`), day-month-year (`4 September 2025`), or auto, which ' +
        'takes the style from the order of day and month.',
    },
  },
  check(release, ctx) {
    const d = release.wire.dateline;
    if (!d) return;
    const city = cityName(d);
    if (city.text !== city.text.toUpperCase()) {
      const span = { start: city.start, end: city.start + city.text.length };
      const upper = city.text.toUpperCase();
      ctx.report({
        message: `Dateline city "${city.text}" is not in capitals`,
        span,
        fix: { title: `Write "${upper}"`, edits: [{ ...span, newText: upper }], safe: true },
      });
    }
    const part = datePart(d);
    const date = d.parsed;
    // An impossible or malformed date is dateline-date's to report; its style cannot be judged.
    if (!date || date.year > 9999 || !isValidDate(date.year, date.month, date.day)) return;
    const style = styleFor(String(ctx.options.style), part.text);
    const wanted = style === 'ap' ? apDate(date) : dmyDate(date);
    if (part.text === wanted) return;
    const span = part.span;
    ctx.report({
      message: `Dateline date "${part.text}" is not in ${STYLE_NAMES[style]}: "${wanted}"`,
      span,
      fix: { title: `Write "${wanted}"`, edits: [{ ...span, newText: wanted }], safe: true },
    });
  },
});
