/**
 * Publication dates: recognising the shapes that real feeds use, checking
 * them and writing them back in the configured format.
 */

export const DATE_FORMATS = [
  'DD.MM.YYYY',
  'YYYY-MM-DD',
  'DD/MM/YYYY',
  'MM/DD/YYYY',
  'D MMMM YYYY',
  'MMMM D, YYYY',
] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];
export const DEFAULT_DATE_FORMAT: DateFormat = 'DD.MM.YYYY';

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export const MONTH_ALT =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|' +
  'Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';

/** A calendar date as written in the text; fields are absent when the text did not give them. */
export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

/** How a date was written, used to tell a wrongly formatted date from a well-formed one. */
export interface DateMatch {
  /** Offset of the date inside the searched string. */
  index: number;
  text: string;
  year: number;
  month: number;
  day: number;
  /** Whether the date exists in the calendar (31.02.2025 does not). */
  valid: boolean;
  /** The shape that the text uses, or undefined for a shape no setting can produce (9.2.2025). */
  format: DateFormat | undefined;
}

export function monthFromName(name: string): number {
  const key = name.slice(0, 3).toLowerCase();
  return MONTHS.findIndex((m) => m.slice(0, 3).toLowerCase() === key) + 1;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (!(month >= 1 && month <= 12 && day >= 1 && year >= 1)) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Weekday index, 0 = Sunday, computed in UTC so that the local time zone cannot shift it. */
export function weekdayOf(d: CalendarDate): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

export function toIso(d: CalendarDate): string {
  return `${String(d.year).padStart(4, '0')}-${pad2(d.month)}-${pad2(d.day)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function formatDate(d: CalendarDate, format: DateFormat): string {
  const y = String(d.year).padStart(4, '0');
  switch (format) {
    case 'DD.MM.YYYY':
      return `${pad2(d.day)}.${pad2(d.month)}.${y}`;
    case 'YYYY-MM-DD':
      return `${y}-${pad2(d.month)}-${pad2(d.day)}`;
    case 'DD/MM/YYYY':
      return `${pad2(d.day)}/${pad2(d.month)}/${y}`;
    case 'MM/DD/YYYY':
      return `${pad2(d.month)}/${pad2(d.day)}/${y}`;
    case 'D MMMM YYYY':
      return `${d.day} ${MONTHS[d.month - 1]} ${y}`;
    case 'MMMM D, YYYY':
      return `${MONTHS[d.month - 1]} ${d.day}, ${y}`;
  }
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function calendarDateOf(now: Date): CalendarDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/** Each recognised shape of a date at the end of a title line, tried in order. */
const TRAILING_DATE_PATTERNS: {
  re: RegExp;
  read: (m: RegExpExecArray, slashFormat: DateFormat) => [number, number, number, DateFormat | undefined];
}[] = [
  {
    re: /(?:^|\s)((\d{1,2})\.(\d{1,2})\.(\d{4}))\s*$/,
    read: (m) => [+m[4], +m[3], +m[2], m[2].length === 2 && m[3].length === 2 ? 'DD.MM.YYYY' : undefined],
  },
  {
    re: /(?:^|\s)((\d{4})-(\d{1,2})-(\d{1,2}))\s*$/,
    read: (m) => [+m[2], +m[3], +m[4], m[3].length === 2 && m[4].length === 2 ? 'YYYY-MM-DD' : undefined],
  },
  {
    // Slashed dates are read day-first unless the configured format is month-first, as the sample feeds are European.
    re: /(?:^|\s)((\d{1,2})\/(\d{1,2})\/(\d{4}))\s*$/,
    read: (m, slash) => {
      const twoDigit = m[2].length === 2 && m[3].length === 2;
      return slash === 'MM/DD/YYYY'
        ? [+m[4], +m[2], +m[3], twoDigit ? 'MM/DD/YYYY' : undefined]
        : [+m[4], +m[3], +m[2], twoDigit ? 'DD/MM/YYYY' : undefined];
    },
  },
  {
    re: new RegExp(`(?:^|\\s)(${MONTH_ALT} (\\d{1,2}),? (\\d{4}))\\s*$`, 'i'),
    read: (m) => [
      +m[4],
      monthFromName(m[2]),
      +m[3],
      /^[A-Z][a-z]+ \d{1,2}, \d{4}$/.test(m[1]) && MONTHS.includes(m[2]) ? 'MMMM D, YYYY' : undefined,
    ],
  },
  {
    re: new RegExp(`(?:^|\\s)((\\d{1,2}) ${MONTH_ALT},? (\\d{4}))\\s*$`, 'i'),
    read: (m) => [
      +m[4],
      monthFromName(m[3]),
      +m[2],
      /^\d{1,2} [A-Z][a-z]+ \d{4}$/.test(m[1]) && MONTHS.includes(m[3]) ? 'D MMMM YYYY' : undefined,
    ],
  },
];

/**
 * Finds a date at the very end of a line (the publication date of a title).
 * `slashFormat` says how to read `01/02/2025`, which is ambiguous on its own.
 */
export function matchTrailingDate(line: string, slashFormat: DateFormat = DEFAULT_DATE_FORMAT): DateMatch | undefined {
  // Every shape ends in a four-digit year. Body lines, which nearly always end otherwise, skip the patterns.
  const trimmed = line.trimEnd();
  const c = trimmed.charCodeAt(trimmed.length - 1);
  if (!(c >= 48 && c <= 57)) return undefined;
  for (const p of TRAILING_DATE_PATTERNS) {
    const m = p.re.exec(line);
    if (!m) continue;
    const [year, month, day, format] = p.read(m, slashFormat);
    const text = m[1];
    const index = m.index + m[0].indexOf(text);
    return { index, text, year, month, day, valid: isValidDate(year, month, day), format };
  }
  return undefined;
}

/** A weekday written next to a date in running text, such as `February 5 (Wednesday)`. */
export interface WeekdayMention {
  /** Offset and text of the weekday word itself, which is what a fix replaces. */
  weekdayIndex: number;
  weekdayText: string;
  /** Offset and text of the whole mention, for the diagnostic range. */
  index: number;
  text: string;
  month: number;
  day: number;
  year: number | undefined;
  weekday: number;
}

const WEEKDAY_ALT = '(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)';
const WEEKDAY_PATTERNS: {
  re: RegExp;
  read: (m: RegExpExecArray) => { month: number; day: number; year: number | undefined; weekdayText: string };
}[] = [
  // "February 5, 2025 (Wednesday)" and "February 5 (Wednesday)".
  {
    re: new RegExp(`\\b${MONTH_ALT} (\\d{1,2})(?:,? (\\d{4}))?,? \\(${WEEKDAY_ALT}\\)`, 'g'),
    read: (m) => ({ month: monthFromName(m[1]), day: +m[2], year: m[3] ? +m[3] : undefined, weekdayText: m[4] }),
  },
  // "5 February 2025 (Wednesday)".
  {
    re: new RegExp(`\\b(\\d{1,2}) ${MONTH_ALT}(?:,? (\\d{4}))?,? \\(${WEEKDAY_ALT}\\)`, 'g'),
    read: (m) => ({ month: monthFromName(m[2]), day: +m[1], year: m[3] ? +m[3] : undefined, weekdayText: m[4] }),
  },
  // "Wednesday, February 5" and "Wednesday, February 5, 2025".
  {
    re: new RegExp(`\\b${WEEKDAY_ALT},? ${MONTH_ALT} (\\d{1,2})(?:,? (\\d{4}))?\\b`, 'g'),
    read: (m) => ({ month: monthFromName(m[2]), day: +m[3], year: m[4] ? +m[4] : undefined, weekdayText: m[1] }),
  },
  // "05.02.2025 (Wednesday)".
  {
    re: new RegExp(`\\b(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}),? \\(${WEEKDAY_ALT}\\)`, 'g'),
    read: (m) => ({ month: +m[2], day: +m[1], year: +m[3], weekdayText: m[4] }),
  },
];

/** Finds weekdays written next to dates; the caller supplies the year when the text omits it. */
export function findWeekdayMentions(text: string): WeekdayMention[] {
  const out: WeekdayMention[] = [];
  // A cheap pre-check keeps this off the hot path for the many paragraphs that name no weekday.
  if (!/(?:day)\b/.test(text)) return out;
  for (const p of WEEKDAY_PATTERNS) {
    p.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = p.re.exec(text))) {
      const r = p.read(m);
      out.push({
        index: m.index,
        text: m[0],
        weekdayIndex: m.index + m[0].lastIndexOf(r.weekdayText),
        weekdayText: r.weekdayText,
        month: r.month,
        day: r.day,
        year: r.year,
        weekday: WEEKDAYS.indexOf(r.weekdayText),
      });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}
