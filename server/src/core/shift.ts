/**
 * Moving data made for one place in a document to another place: a release
 * that an edit above it moved, or findings kept relative to their release.
 * Every offset and line moves by the same amounts; nothing else changes.
 */
import type { BodyLine, Category, ParseProblem, Release, Source, Title } from './model';
import type { Span } from './text';
import type { Finding, Fix } from './types';

const moved = (s: Span, delta: number): Span => ({ start: s.start + delta, end: s.end + delta });

function moveFix(fix: Fix, delta: number): Fix {
  return { ...fix, edits: fix.edits.map((e) => ({ ...e, start: e.start + delta, end: e.end + delta })) };
}

/** A finding `delta` code units further on. */
export function shiftFinding(f: Finding, delta: number): Finding {
  if (delta === 0) return f;
  const out: Finding = { ...f, span: moved(f.span, delta) };
  if (f.fix) out.fix = moveFix(f.fix, delta);
  if (f.moreFixes) out.moreFixes = f.moreFixes.map((x) => moveFix(x, delta));
  if (f.related) out.related = f.related.map((r) => ({ ...r, span: moved(r.span, delta) }));
  return out;
}

/** How far a release moved since it was parsed: in code units and in lines, and its new place in the feed. */
export interface Move {
  delta: number;
  lineDelta: number;
  index: number;
}

function moveTitle(t: Title, m: Move): Title {
  const out: Title = {
    ...t,
    line: t.line + m.lineDelta,
    span: moved(t.span, m.delta),
    textSpan: moved(t.textSpan, m.delta),
  };
  if (t.gapSpan) out.gapSpan = moved(t.gapSpan, m.delta);
  if (t.date) out.date = { ...t.date, span: moved(t.date.span, m.delta) };
  return out;
}

function moveSource(s: Source, m: Move): Source {
  const out: Source = {
    ...s,
    line: s.line + m.lineDelta,
    span: moved(s.span, m.delta),
    labelSpan: moved(s.labelSpan, m.delta),
    urlSpan: moved(s.urlSpan, m.delta),
  };
  if (s.gapSpan) out.gapSpan = moved(s.gapSpan, m.delta);
  return out;
}

/** Moves a category; the same object is returned for the same move, so releases under one category share it. */
export function moveCategory(c: Category, m: Move): Category {
  return { ...c, line: c.line + m.lineDelta, span: moved(c.span, m.delta) };
}

/** A release as it stands after a move; the release itself is left as it was, since other versions share it. */
export function moveRelease(r: Release, m: Move, category: Category | undefined): Release {
  if (m.delta === 0 && m.lineDelta === 0 && m.index === r.index && category === r.category) return r;
  const body: BodyLine[] = r.body.map((l) => ({ ...l, line: l.line + m.lineDelta, span: moved(l.span, m.delta) }));
  const problems: ParseProblem[] = r.problems.map((p) => ({ ...p, release: m.index, span: moved(p.span, m.delta) }));
  const out: Release = {
    ...r,
    index: m.index,
    span: moved(r.span, m.delta),
    firstLine: r.firstLine + m.lineDelta,
    lastLine: r.lastLine + m.lineDelta,
    category,
    body,
    problems,
  };
  if (r.title) out.title = moveTitle(r.title, m);
  if (r.source) out.source = moveSource(r.source, m);
  return out;
}
