/**
 * A deterministic generator of synthetic press-release feeds shaped like a real government feed: releases of
 * about 2.4 KB with 3 to 8 paragraphs, some 25 capitalised names (people with initials and roles, places,
 * organisations with legal forms and acronyms) and about 130 distinct lower-case words, a Source each, and
 * the faults real feeds have: glued sentences, a Source glued to the last paragraph, a date in another format,
 * a surname spelled two ways, now and then a missing Source.
 */
import * as w from './words';

/** A small, fast, seeded generator (mulberry32): the same seed gives the same feed on every machine. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

export const DEFAULT_SEED = 20250209;

interface Person {
  given: string;
  surname: string;
  /** The same surname as another romanisation writes it; a release that uses it has a name fault. */
  variant: string;
}

/** Who and what one release is about: a few of the feed's people, places and organisations. */
interface Cast {
  people: Person[];
  places: string[];
  orgs: string[];
  institution: readonly [string, string];
  acronymDefined: boolean;
}

const cap = (s: string): string => s[0].toUpperCase() + s.slice(1);
const pad2 = (n: number): string => String(n).padStart(2, '0');

function feedPeople(rng: Rng): Person[] {
  return w.SURNAME_STEMS.map((stem) => {
    const [ending, variant] = rng.pick(w.SURNAME_ENDINGS);
    return { given: rng.pick(w.GIVEN_NAMES), surname: stem + ending, variant: stem + variant };
  });
}

/** Text about the cast, one sentence, paragraph or headline at a time. */
class Writer {
  constructor(
    private readonly rng: Rng,
    private readonly cast: Cast,
  ) {}

  private word(list: readonly string[]): string {
    return this.rng.pick(list);
  }

  private surname(p: Person): string {
    return this.rng.chance(0.04) ? p.variant : p.surname;
  }

  /** A person as releases name them: the role and full name first, then an initial and the surname. */
  person(full: boolean): string {
    const p = this.rng.pick(this.cast.people);
    if (!full) return `${p.given[0]}. ${this.surname(p)}`;
    return `${this.role()} ${p.given} ${this.surname(p)}`;
  }

  private role(): string {
    switch (this.rng.int(0, 5)) {
      case 0:
        return `Minister of ${this.word(w.MINISTRIES)}`;
      case 1:
        return `Deputy Minister of ${this.word(w.MINISTRIES)}`;
      case 2:
        return `akim of ${this.place()} district`;
      case 3:
        return `Chairman of the Board of ${this.org()}`;
      case 4:
        return `Director of the Department of ${this.word(w.MINISTRIES)}`;
      default:
        return `head of the press service of the ${this.cast.institution[0]}`;
    }
  }

  place(): string {
    return this.rng.pick(this.cast.places);
  }

  placeWithKind(): string {
    return `${this.place()} ${this.word(w.PLACE_KINDS)}`;
  }

  org(): string {
    const name = this.rng.pick(this.cast.orgs);
    const legal = this.word(w.LEGAL_FORMS);
    return this.rng.chance(0.5) ? `${name} ${legal}` : `${legal} "${name}"`;
  }

  /** The institution's long form with its acronym in brackets the first time, the acronym after that. */
  institution(): string {
    const [long, acronym] = this.cast.institution;
    if (this.cast.acronymDefined) return `the ${acronym}`;
    this.cast.acronymDefined = true;
    return `the ${long} (${acronym})`;
  }

  thing(): string {
    return `${this.word(w.ADJECTIVES)} ${this.word(w.NOUNS)}`;
  }

  amount(): string {
    return `${this.rng.int(2, 480)} ${this.word(w.UNITS)}`;
  }

  /** One sentence of a dozen or two words; the templates are those of agency news. */
  sentence(): string {
    const r = this.rng;
    const [t, n, place] = [() => this.thing(), () => this.word(w.NOUNS), () => this.placeWithKind()];
    const [past, will, adv] = [
      () => this.word(w.VERBS_PAST),
      () => this.word(w.VERBS_FUTURE),
      () => this.word(w.ADVERBS),
    ];
    const month = () => this.word(w.MONTHS);
    switch (r.int(0, 11)) {
      case 0:
        return `${cap(this.person(true))} ${past()} the ${t()} of the ${n()} in ${place()}.`;
      case 1:
        return `According to ${this.institution()}, ${this.amount()} of ${t()} will be ${past()} by ${month()}.`;
      case 2:
        return `${cap(this.institution())} ${adv()} ${past()} the ${n()} ${n()} together with ${this.org()}.`;
      case 3:
        return `${this.org()} will ${will()} the ${t()} for ${this.amount()} in ${place()}.`;
      case 4:
        return `In ${month()}, ${this.person(false)} ${past()} the ${t()} and the ${t()} of the ${n()}.`;
      case 5:
        return `As a result, the ${t()} in ${this.place()} grew by ${r.int(2, 60)} percent in a year.`;
      case 6:
        return `The ${t()} is ${adv()} ${past()} under the ${t()} programme; ${this.amount()} are ${past()} so far.`;
      case 7:
        return `Residents of ${place()} can send proposals on the ${t()} to the ${n()} by ${r.int(1, 28)} ${month()}.`;
      case 8:
        return `Specialists of the ${n()} ${past()} the ${t()}, the ${t()} and the ${n()} of the ${t()}.`;
      case 9:
        return `The ${n()} ${past()} ${this.amount()} of ${t()} for the ${t()} of the ${n()}.`;
      case 10:
        return `This ${n()} ${adv()} helps the ${t()} and the ${t()} to ${will()} the ${n()}.`;
      default:
        return `The ${n()} will ${will()} the ${t()} and ${will()} the ${n()} ${adv()}.`;
    }
  }

  /** Sentences joined by a space, or now and then by nothing at all, as in text pasted from a web page. */
  paragraph(sentences: number): string {
    let text = this.sentence();
    for (let i = 1; i < sentences; i++) text += (this.rng.chance(0.3) ? '' : ' ') + this.sentence();
    return text;
  }

  quote(): string {
    const said = `${this.word(w.QUOTE_OPENINGS)} ${this.word(w.VERBS_FUTURE)} the ${this.thing()} in ${this.place()}`;
    return this.rng.chance(0.5)
      ? `- ${said}, - said ${this.person(false)}.`
      : `“${said},” ${this.person(false)} noted.`;
  }

  list(): string[] {
    const n = this.rng.int(3, 5);
    return Array.from({ length: n }, (_, i) => {
      const line = `* ${this.amount()} of ${this.thing()} ${this.word(w.VERBS_PAST)}`;
      return line + (i === n - 1 ? '.' : ',');
    });
  }

  headline(): string {
    switch (this.rng.int(0, 3)) {
      case 0:
        return `${this.org()} ${this.word(w.VERBS_PAST)} ${this.thing()} in ${this.placeWithKind()}`;
      case 1:
        return `${this.person(false)} ${this.word(w.VERBS_PAST)} the ${this.thing()} with ${this.org()}`;
      case 2:
        return `${this.amount()} of ${this.thing()} ${this.word(w.VERBS_PAST)} in ${this.place()} region`;
      default:
        return `${cap(this.thing())} ${this.word(w.VERBS_PAST)} in ${this.place()}`;
    }
  }
}

const AGENCIES = w.MINISTRIES.map((m) => m.toLowerCase());

/** A date as the title writes it: the house format, or now and then another one (a date-format fault). */
function writtenDate(rng: Rng, day: Date): string {
  const [d, m, y] = [pad2(day.getUTCDate()), pad2(day.getUTCMonth() + 1), day.getUTCFullYear()];
  if (rng.chance(0.03)) return rng.chance(0.5) ? `${y}-${m}-${d}` : `${d}/${m}/${y}`;
  return `${d}.${m}.${y}`;
}

function titleLine(rng: Rng, writer: Writer, day: Date): string {
  const headline = cap(writer.headline());
  const fault = rng.next();
  const end = fault < 0.02 ? '. ' : fault < 0.04 ? '  ' : ' ';
  return `${headline}${end}${writtenDate(rng, day)}`;
}

function bodyLines(rng: Rng, writer: Writer): string[] {
  const lines: string[] = [];
  const paragraphs = rng.int(3, 8);
  for (let i = 0; i < paragraphs; i++) {
    const kind = i === 0 ? 0 : rng.int(0, 9);
    if (kind === 8) lines.push(writer.quote());
    else if (kind === 9) lines.push(...writer.list());
    else lines.push(writer.paragraph(paragraphs > 5 ? rng.int(2, 6) : rng.int(4, 8)));
  }
  return lines;
}

/** One release: a category now and then, the title, the body and the Source, glued or on its own line. */
function release(rng: Rng, people: Person[], index: number, start: Date): string[] {
  const cast: Cast = {
    people: Array.from({ length: rng.int(2, 4) }, () => rng.pick(people)),
    places: Array.from({ length: rng.int(1, 3) }, () => rng.pick(w.PLACES)),
    orgs: Array.from({ length: rng.int(1, 2) }, () => rng.pick(w.ORGANISATIONS)),
    institution: rng.pick(w.INSTITUTIONS),
    acronymDefined: false,
  };
  const writer = new Writer(rng, cast);
  const day = new Date(start.getTime() + Math.floor(index / 4) * 86_400_000);
  const lines = rng.chance(0.1) ? [rng.pick(w.CATEGORIES)] : [];
  lines.push(titleLine(rng, writer, day), ...bodyLines(rng, writer));
  if (rng.chance(0.01)) return lines;
  const url = `https://press.example.gov/entities/${rng.pick(AGENCIES)}/press/news/details/${700_000 + index}`;
  const source = `Source : ${url}`;
  if (rng.chance(0.5)) lines[lines.length - 1] += source;
  else lines.push(source);
  return lines;
}

/** A feed of at least `bytes` bytes of UTF-8, ending in a line break; the same seed always gives the same feed. */
export function generateFeed(bytes: number, seed = DEFAULT_SEED): string {
  const rng = new Rng(seed);
  const people = feedPeople(rng);
  const start = new Date(Date.UTC(2024, 0, 9));
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const text = release(rng, people, i, start).join('\n') + '\n';
    parts.push(text);
    size += Buffer.byteLength(text);
  }
  return parts.join('');
}

/** Paragraphs of the feed's prose, for shapes that need many of them and no releases around them. */
export function proseParagraphs(count: number, seed = DEFAULT_SEED): string[] {
  const rng = new Rng(seed);
  const people = feedPeople(rng);
  const out: string[] = [];
  let writer: Writer | undefined;
  for (let i = 0; i < count; i++) {
    // A new cast every few paragraphs, as in a feed of many stories pasted together.
    if (i % 6 === 0) {
      const cast: Cast = {
        people: [rng.pick(people), rng.pick(people)],
        places: [rng.pick(w.PLACES), rng.pick(w.PLACES)],
        orgs: [rng.pick(w.ORGANISATIONS)],
        institution: rng.pick(w.INSTITUTIONS),
        acronymDefined: false,
      };
      writer = new Writer(rng, cast);
    }
    out.push(writer!.paragraph(rng.int(1, 4)));
  }
  return out;
}
