/**
 * The feed parser. It is a single forward pass over the lines with two
 * states (between releases, inside a release), and it never throws: every
 * fault becomes a ParseProblem and the model keeps whatever was recognised.
 */
import { DEFAULT_DATE_FORMAT, matchTrailingDate, type DateFormat } from './dates';
import type { BodyKind, BodyLine, Category, Feed, ParseProblem, Release, Source, Title } from './model';
import { detectEol, splitLines, type Line, type Span } from './text';
import { sourceUrlProblem } from './url';

export interface ParseOptions {
  /** Tells the parser how to read ambiguous slashed dates. */
  dateFormat?: DateFormat;
}

/** Longest line that can still be an undated title rather than an orphan paragraph. */
const MAX_UNDATED_TITLE = 250;
/** Longest line inside a body that may start a new release by ending in a date. */
const MAX_TITLE_IN_BODY = 400;
const END_PUNCTUATION = /[.!?;:,…]["'”»’)]?$/;
const LIST_OR_QUOTE = /^(?:\*|-|–|—)\s/;
const SOURCE_LABEL = /Source[ \t]*:/g;

interface SourceHit {
  labelStart: number;
  labelEnd: number;
  urlStart: number;
  urlEnd: number;
  /** End of the text before the label, trailing whitespace excluded. */
  prefixEnd: number;
}

/**
 * Finds the Source label on a line. A label counts when a URL follows it,
 * when it is glued to the end of a sentence, when it starts the line and no
 * sentence follows it, or when only one token follows it; that keeps a
 * sentence such as "Source: officials said ..." inside a paragraph from
 * ending the release.
 */
function findSource(text: string): SourceHit | undefined {
  if (text.indexOf('Source') < 0) return undefined;
  const firstNonWs = text.search(/\S/);
  SOURCE_LABEL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SOURCE_LABEL.exec(text))) {
    const labelStart = m.index;
    const labelEnd = labelStart + m[0].length;
    const rest = text.slice(labelEnd);
    const restTrim = rest.trim();
    const urlLike = /^(?:https?:|www\.)/i.test(restTrim);
    const before = labelStart > 0 ? text[labelStart - 1] : ' ';
    const afterLetter = /\p{L}/u.test(before);
    // A label that starts the line is a Source unless what follows reads as a sentence of prose.
    const prose = /[.!?]["”»]?$/.test(restTrim) && restTrim.split(/\s+/).length >= 5;
    // Glued straight onto the end of a sentence ("migrants.Source :"), the label cannot be prose.
    const afterSentence = /[.!?"”»)]/.test(before);
    const accepted = urlLike || afterSentence || (labelStart === firstNonWs && !prose) || (!afterLetter && !/\s/.test(restTrim));
    if (!accepted) continue;
    const urlStart = labelEnd + (rest.length - rest.trimStart().length);
    let prefixEnd = labelStart;
    while (prefixEnd > 0 && /\s/.test(text[prefixEnd - 1])) prefixEnd--;
    return { labelStart, labelEnd, urlStart, urlEnd: urlStart + restTrim.length, prefixEnd };
  }
  return undefined;
}

function trimmedSpan(line: Line): Span {
  const lead = line.text.length - line.text.trimStart().length;
  const trail = line.text.length - line.text.trimEnd().length;
  return { start: line.start + lead, end: Math.max(line.start + lead, line.end - trail) };
}

function classifyBody(t: string): BodyKind {
  if (/^\*\s/.test(t)) return 'list-item';
  if (/^(?:-|–|—)\s/.test(t)) return 'quote';
  // Score lines are short; the length guard also keeps the backtracking pattern off long paragraphs.
  if (t.length <= 120 && /^\S.*\s[-–—]\s.*\S\s+\d{1,3}\s*:\s*\d{1,3}\.?$/.test(t)) return 'score';
  if (t.length <= 60 && !END_PUNCTUATION.test(t) && t.split(/\s+/).length <= 8 && /^[\p{Lu}\p{N}"“«]/u.test(t)) return 'subheading';
  return 'paragraph';
}

function isCategoryCandidate(t: string): boolean {
  return t.length <= 40 && !END_PUNCTUATION.test(t) && !/\d/.test(t) && t.split(/\s+/).length <= 4 && !LIST_OR_QUOTE.test(t) && /^\p{Lu}/u.test(t);
}

export function parseFeed(text: string, options: ParseOptions = {}): Feed {
  const dateFormat = options.dateFormat ?? DEFAULT_DATE_FORMAT;
  const bom = text.charCodeAt(0) === 0xfeff;
  const lines = splitLines(text);
  if (bom) {
    // The BOM is not content: step over it so that the first line reads like any other.
    lines[0] = { ...lines[0], start: 1, text: lines[0].text.slice(1) };
  }
  const releases: Release[] = [];
  const categories: Category[] = [];
  const problems: ParseProblem[] = [];
  let category: Category | undefined;
  let current: Release | undefined;

  const report = (r: Release, p: Omit<ParseProblem, 'release'>): void => {
    const problem = { ...p, release: r.index };
    r.problems.push(problem);
    problems.push(problem);
  };

  const datedTitle = (line: Line, inBody: boolean): Title | undefined => {
    const t = line.text.trim();
    if (LIST_OR_QUOTE.test(t) || (inBody && t.length > MAX_TITLE_IN_BODY)) return undefined;
    const m = matchTrailingDate(line.text, dateFormat);
    if (!m) return undefined;
    const span = trimmedSpan(line);
    const dateStart = line.start + m.index;
    const headline = line.text.slice(0, m.index).trimEnd();
    const lead = headline.length - headline.trimStart().length;
    const textSpan = { start: line.start + lead, end: line.start + headline.length };
    return {
      line: line.index,
      span,
      text: headline.trim(),
      textSpan,
      gapSpan: { start: textSpan.end, end: dateStart },
      date: { ...m, index: m.index, span: { start: dateStart, end: dateStart + m.text.length } },
    };
  };

  const close = (r: Release): void => {
    const last = r.body.length > 0 ? r.body[r.body.length - 1] : undefined;
    if (!r.source) {
      r.span.end = last ? last.span.end : r.title ? r.title.span.end : r.span.end;
      r.lastLine = last ? last.line : r.title ? r.title.line : r.firstLine;
      report(r, {
        kind: 'missing-source',
        span: r.title ? r.title.span : r.body.length > 0 ? r.body[0].span : r.span,
        message: 'Release has no Source line',
      });
    }
    if (r.title && r.body.length === 0) {
      report(r, { kind: 'empty-body', span: r.title.span, message: 'Release has no body text' });
    }
  };

  const open = (line: Line, title: Title | undefined): Release => {
    const span = trimmedSpan(line);
    const r: Release = { index: releases.length, span: { start: span.start, end: span.end }, firstLine: line.index, lastLine: line.index, category, title, body: [], problems: [] };
    releases.push(r);
    if (title && !title.date) {
      report(r, { kind: 'missing-date', span: title.span, message: 'Title has no publication date' });
    }
    if (!title) {
      report(r, { kind: 'missing-title', span, message: 'Text after a Source has no title line (an orphan story)' });
    }
    return r;
  };

  /** Adds a body line (and a Source found on it) to the open release; returns true when the release ended. */
  const addBodyLine = (r: Release, line: Line): boolean => {
    const hit = findSource(line.text);
    const bodyText = hit ? line.text.slice(0, hit.prefixEnd) : line.text;
    const t = bodyText.trim();
    if (t.length > 0) {
      const lead = bodyText.length - bodyText.trimStart().length;
      const span = { start: line.start + lead, end: line.start + bodyText.trimEnd().length };
      const body: BodyLine = { kind: classifyBody(t), line: line.index, text: t, span };
      r.body.push(body);
      r.span.end = span.end;
      r.lastLine = line.index;
    }
    if (!hit) return false;
    const url = line.text.slice(hit.urlStart, hit.urlEnd);
    const source: Source = {
      line: line.index,
      span: { start: line.start + hit.labelStart, end: line.start + Math.max(hit.urlEnd, hit.labelEnd) },
      labelSpan: { start: line.start + hit.labelStart, end: line.start + hit.labelEnd },
      url,
      urlSpan: { start: line.start + hit.urlStart, end: line.start + hit.urlEnd },
      glued: t.length > 0,
      gapSpan: t.length > 0 ? { start: line.start + hit.prefixEnd, end: line.start + hit.labelStart } : undefined,
    };
    r.source = source;
    r.span.end = source.span.end;
    r.lastLine = line.index;
    const urlProblem = sourceUrlProblem(url);
    if (urlProblem) {
      report(r, { kind: 'source-url', span: url.length > 0 ? source.urlSpan : source.labelSpan, message: urlProblem });
    }
    return true;
  };

  const nextNonEmpty = (from: number): Line | undefined => {
    for (let j = from; j < lines.length; j++) if (lines[j].text.trim().length > 0) return lines[j];
    return undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const t = line.text.trim();
    if (t.length === 0) continue;

    if (current) {
      const title = datedTitle(line, true);
      if (title) {
        // A dated title inside a body means the previous release never got its Source.
        close(current);
        current = open(line, title);
        continue;
      }
      if (addBodyLine(current, line)) {
        close(current);
        current = undefined;
      }
      continue;
    }

    // Between releases: a title, a category, or orphan text.
    const title = datedTitle(line, false);
    if (title) {
      current = open(line, title);
      continue;
    }
    const hasSource = findSource(line.text) !== undefined;
    if (!hasSource && isCategoryCandidate(t)) {
      const next = nextNonEmpty(i + 1);
      if (next && datedTitle(next, false)) {
        category = { line: line.index, name: t, span: trimmedSpan(line) };
        categories.push(category);
        continue;
      }
    }
    if (!hasSource && t.length <= MAX_UNDATED_TITLE && !END_PUNCTUATION.test(t) && !LIST_OR_QUOTE.test(t)) {
      const span = trimmedSpan(line);
      current = open(line, { line: line.index, span, text: t, textSpan: span });
      continue;
    }
    current = open(line, undefined);
    if (addBodyLine(current, line)) {
      close(current);
      current = undefined;
    }
  }
  if (current) close(current);

  problems.sort((a, b) => a.span.start - b.span.start);
  return { text, lines, categories, releases, problems, eol: detectEol(text), bom };
}
