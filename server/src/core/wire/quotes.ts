/**
 * Quotations in the paragraphs of a story, and which of them are quoted speech. A quotation may run over several
 * paragraphs: by convention each of its paragraphs opens with a quotation mark and only the last one closes it, so a
 * paragraph that ends inside a quotation continues it when the next one opens with a mark.
 */
import type { Paragraph } from './paragraphs';

/** The part of a quotation inside one paragraph. Offsets are relative to the paragraph. */
export interface QuoteSegment {
  paragraph: number;
  /** Where the opening mark stands. */
  open: number;
  /** Where the closing mark stands; undefined when the paragraph ends inside the quotation. */
  close?: number | undefined;
}

/** One quotation, in the order of its paragraphs. */
export type Quote = QuoteSegment[];

/** Each opening mark and the marks that close it: English, German and French quotation marks, and straight ones. */
const CLOSERS: Record<string, string> = { '"': '"”', '“': '”"', '„': '“”', '«': '»', '”': '”' };

/** A right double quotation mark opens only where a word starts, as in Swedish; elsewhere it closes nothing open. */
function opensAt(text: string, i: number): boolean {
  const c = text[i];
  if (c === '”') return i === 0 || /\s/.test(text[i - 1]);
  return c in CLOSERS;
}

/** Markdown marks and blanks that may stand before a paragraph's first word. */
const LEAD = /^[\s>*_#•-]*/;

/** The segments of one paragraph; `carried` is the quotation that the paragraph before it left open. */
function scanParagraph(index: number, text: string, carried: Quote | undefined, quotes: Quote[]): Quote | undefined {
  let open: { at: number; mark: string; quote: Quote } | undefined;
  let i = 0;
  if (carried) {
    const lead = LEAD.exec(text)?.[0].length ?? 0;
    // A continued quotation opens its paragraph with a mark; without one, it ended with the paragraph before.
    if (opensAt(text, lead)) open = { at: lead, mark: text[lead], quote: carried };
    i = open ? lead + 1 : 0;
  }
  for (; i < text.length; i++) {
    if (open) {
      if (!CLOSERS[open.mark].includes(text[i])) continue;
      open.quote.push({ paragraph: index, open: open.at, close: i });
      open = undefined;
    } else if (opensAt(text, i)) {
      const quote: Quote = [];
      quotes.push(quote);
      open = { at: i, mark: text[i], quote };
    }
  }
  if (!open) return undefined;
  open.quote.push({ paragraph: index, open: open.at });
  return open.quote;
}

/** Every quotation of the paragraphs, in document order. */
export function findQuotes(paragraphs: readonly Paragraph[]): Quote[] {
  const quotes: Quote[] = [];
  let carried: Quote | undefined;
  paragraphs.forEach((p, index) => {
    carried = scanParagraph(index, p.text, carried, quotes);
  });
  return quotes.filter((q) => q.length > 0);
}

/** The words inside a segment's marks. */
export function segmentText(s: QuoteSegment, paragraphs: readonly Paragraph[]): string {
  const text = paragraphs[s.paragraph].text;
  return text.slice(s.open + 1, s.close ?? text.length).trim();
}

/** The paragraph's text with every quotation blanked out, so that words inside quotes are never taken as narration. */
export function narration(paragraph: number, paragraphs: readonly Paragraph[], quotes: readonly Quote[]): string {
  let text = paragraphs[paragraph].text;
  for (const q of quotes)
    for (const s of q) {
      if (s.paragraph !== paragraph) continue;
      const end = s.close === undefined ? text.length : s.close + 1;
      text = text.slice(0, s.open) + ' '.repeat(end - s.open) + text.slice(end);
    }
  return text;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
/** Sentences, and the openings of a quotation that a sentence or a clause leads into. */
const SENTENCE_BEFORE = /(?:^|[.!?…]['"”’)]*|[:—–-])$/;
/** A full stop, or the comma that hands a quoted sentence over to its speaker (`"…we need," said Jane Doe`). */
const SENTENCE_END = /[.!?…,]['’]?$/;
const SENTENCE_INSIDE = /[.!?…]['"”’)]*\s+["“„'‘]?[\p{Lu}\p{N}]/u;
/** Fewer words than this make a short phrase, a name or a title rather than speech. */
const MIN_SPEECH_WORDS = 6;

/** Whether most of the longer words are capitalised, as in a title (`Best Employer of the Year`), unlike a sentence. */
function titleCase(words: readonly string[]): boolean {
  const long = words.filter((w) => w.length >= 4);
  return long.length > 0 && long.filter((w) => /^\p{Lu}/u.test(w)).length * 2 > long.length;
}

/**
 * Whether the quotation ends a sentence: with a full stop inside its last mark, after it, or as a paragraph; or
 * with the comma inside its last mark that hands it over to the words saying who spoke.
 */
function endsSentence(q: Quote, paragraphs: readonly Paragraph[]): boolean {
  const last = q[q.length - 1];
  if (last.close === undefined || SENTENCE_END.test(segmentText(last, paragraphs))) return true;
  return /^[.!?]/.test(paragraphs[last.paragraph].text.slice(last.close + 1));
}

/**
 * Whether a quotation is quoted speech: one or more full sentences, opening a sentence (or after a colon or a dash),
 * as against a short phrase in scare quotes, a title or a name quoted inside a sentence.
 */
export function isSpeech(q: Quote, paragraphs: readonly Paragraph[]): boolean {
  const first = q[0];
  const before = paragraphs[first.paragraph].text.slice(0, first.open).replace(LEAD, '').trimEnd();
  const text = q.map((s) => segmentText(s, paragraphs)).join(' ');
  const words = text.match(WORD) ?? [];
  if (words.length < MIN_SPEECH_WORDS || titleCase(words) || !/^\P{L}*[\p{Lu}\p{N}]/u.test(text)) return false;
  if (!SENTENCE_BEFORE.test(before)) return false;
  return SENTENCE_INSIDE.test(text) || endsSentence(q, paragraphs);
}
