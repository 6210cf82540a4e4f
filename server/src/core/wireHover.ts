/**
 * Hover on a standard press release: the dateline (its date, and when the embargo lifts), the headline (its
 * length, reading time and open problems) and the media contact (its parts).
 */
import type { Analysis } from './analysis';
import { isValidDate, weekdayOf, WEEKDAYS, type CalendarDate } from './dates';
import type { HoverInfo } from './features';
import { describeDate, longDate, problemLines, readingLine } from './hoverText';
import type { Release } from './model';
import { nameHover } from './names/features';
import { countWords, type Span } from './text';
import { readEmbargo } from './wire/embargo';
import { linkWords } from './wire/markdown';
import type { ContactBlock, Dateline, WireParts } from './wire/model';
import { storyParagraphs } from './wire/paragraphs';
import { wireRelease } from './wireFeatures';

const inSpan = (s: Span | undefined, o: number): s is Span => !!s && o >= s.start && o <= s.end;

const DAY_MS = 86_400_000;

function daysFrom(today: CalendarDate, d: CalendarDate): number {
  return Math.round((Date.UTC(d.year, d.month - 1, d.day) - Date.UTC(today.year, today.month - 1, today.day)) / DAY_MS);
}

function inDays(n: number): string {
  if (n === 0) return 'today';
  if (n === 1) return 'tomorrow';
  if (n === -1) return 'yesterday';
  return n > 0 ? `in ${n} days` : `${-n} days ago`;
}

/** When the embargo lifts, counted from the day the rules took for today. */
export function embargoLine(wire: WireParts, today: CalendarDate): string {
  if (!wire.embargo) {
    const immediate = wire.headers.some((h) => h.kind === 'immediate');
    return immediate ? '- Embargo: none, for immediate release' : '- Embargo: none';
  }
  const value = readEmbargo(wire.embargo.value);
  const d = value.date?.parsed;
  if (!d || !isValidDate(d.year, d.month, d.day)) return `- Embargo: \`${wire.embargo.value.text}\` names no date`;
  const at = [value.time?.text, value.zone?.text].filter((t) => t !== undefined).join(' ');
  const when = `${longDate(d)}${at ? `, ${at}` : ''}`;
  const days = daysFrom(today, d);
  // On the day itself the embargo reads as lifting today, with its hour beside it: whether that hour has passed
  // depends on a time zone that the hover does not convert.
  if (days < 0) return `- Embargo: lifted ${inDays(days)} (${when})`;
  return `- Embargo: lifts ${inDays(days)} (${when})`;
}

function datelineHover(analysis: Analysis, wire: WireParts, dateline: Dateline): string {
  const d = dateline.parsed;
  const lines = [`**${dateline.city.text}**`, ''];
  if (!d || !isValidDate(d.year, d.month, d.day)) lines.push(`- Date: ${dateline.date.text} (not a real date)`);
  else {
    lines.push(`- Date: ${describeDate(d)}`);
    const written = dateline.weekday?.index;
    const real = weekdayOf(d);
    if (written !== undefined && written >= 0 && written !== real)
      lines.push(`- The text names ${WEEKDAYS[written]}, but the date is a ${WEEKDAYS[real]}`);
  }
  lines.push(embargoLine(wire, analysis.today));
  return lines.join('\n');
}

function headlineHover(analysis: Analysis, release: Release, wire: WireParts): string {
  const lines = [`**${wire.headline?.text ?? ''}**`, ''];
  const d = wire.dateline?.parsed;
  if (!wire.dateline) lines.push('- Dateline: none');
  else if (d && isValidDate(d.year, d.month, d.day)) lines.push(`- Dated: ${describeDate(d)}`);
  else lines.push(`- Dated: ${wire.dateline.date.text} (not a real date)`);
  const story = storyParagraphs(release, wire, analysis.text);
  lines.push(
    readingLine(
      story.reduce((n, p) => n + countWords(p.text), 0),
      story.length,
    ),
  );
  lines.push(embargoLine(wire, analysis.today));
  const about = wire.boilerplates.map((b) => b.organisation).join(', ');
  lines.push(`- Boilerplate: ${about || 'none'}`);
  lines.push(`- Contact: ${wire.contact ? (contactParts(wire.contact).name ?? 'no name') : 'none'}`);
  lines.push('', ...problemLines(analysis.findings));
  return lines.join('\n');
}

export interface ContactParts {
  name?: string | undefined;
  title?: string | undefined;
  organisation?: string | undefined;
  emails: string[];
  phones: string[];
}

const LABEL = /^(?:e-?mail|tel(?:ephone)?|phone|mobile|cell|fax|office|direct|[tmep])\s*[:.]\s*/i;
/** Commas, bars and dashes part a contact line's name, title and organisation. */
const SEPARATORS = /\s*[,;|•]\s*|\s+[–—-]\s+/;
/**
 * Spaced slashes part them instead when a line has them (`Rachel Kim / Vice President, Marketing / Orbis`): the
 * writer chose the slash so that a title could keep its comma.
 */
const SLASHES = /\s+\/\s+/;

/**
 * The contact's name, title and organisation, read from its lines in the order a contact block gives them
 * (`Jane Roe`, `Communications Manager, Acme Corp.`), once its e-mail addresses and phone numbers are set aside.
 */
export function contactParts(contact: ContactBlock): ContactParts {
  const words: string[] = [];
  for (const line of contact.lines) {
    let text = linkWords(line.text);
    for (const found of [...contact.emails, ...contact.phones]) text = text.split(found.text).join(' ');
    for (const piece of text.split(SLASHES.test(text) ? SLASHES : SEPARATORS)) {
      // Markdown's emphasis and link brackets go with the blanks around a part (`**Jane Roe**`).
      const bare = piece
        .replace(/^[\s*_]+/, '')
        .replace(LABEL, '')
        .replace(/^[\s<>()[\]*_]+|[\s<>()[\]*_:]+$/g, '');
      if (/\p{L}/u.test(bare)) words.push(bare);
    }
  }
  const organisation = words.slice(2).join(', ') || undefined;
  return {
    name: words[0],
    title: words[1],
    organisation,
    emails: contact.emails.map((e) => e.text),
    phones: contact.phones.map((p) => p.text),
  };
}

function contactHover(contact: ContactBlock): string {
  const parts = contactParts(contact);
  const list = (label: string, items: string[]) =>
    `- ${label}${items.length > 1 ? 's' : ''}: ${items.length > 0 ? items.map((i) => `\`${i}\``).join(', ') : 'none'}`;
  return [
    `**${contact.heading.text.replace(/:$/, '')}**`,
    '',
    `- Name: ${parts.name ?? 'none'}`,
    `- Title: ${parts.title ?? 'none'}`,
    `- Organisation: ${parts.organisation ?? 'none'}`,
    list('E-mail', parts.emails),
    list('Phone', parts.phones),
  ].join('\n');
}

export function wireHoverAt(analysis: Analysis, offset: number): HoverInfo | undefined {
  const got = wireRelease(analysis);
  if (!got) return undefined;
  const { release, wire } = got;
  if (wire.dateline && inSpan(wire.dateline.span, offset))
    return { markdown: datelineHover(analysis, wire, wire.dateline), span: wire.dateline.span };
  if (wire.embargo && inSpan(wire.embargo.span, offset))
    return { markdown: `**Embargo**\n\n${embargoLine(wire, analysis.today)}`, span: wire.embargo.span };
  // A name is more specific than the headline or contact line it sits in.
  const name = nameHover(analysis, offset);
  if (name) return name;
  if (wire.headline && inSpan(wire.headline.span, offset))
    return { markdown: headlineHover(analysis, release, wire), span: wire.headline.span };
  if (wire.contact && inSpan(wire.contact.span, offset))
    return { markdown: contactHover(wire.contact), span: wire.contact.span };
  return undefined;
}
