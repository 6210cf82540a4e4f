/**
 * The diagnostics of one document, made release by release. A release that
 * an edit only moved keeps its lines' contents, so its diagnostics are the
 * same objects as before when it moved by no lines, and copies with other
 * line numbers when it did: after a keystroke in a 10 MB feed, only the
 * edited release's findings are converted again. Feed-rule findings, which
 * compare releases, are made again every version; one that says the same
 * thing at the same lines and columns as in the last version is the last
 * version's diagnostic, so that `diagnosticsJson.ts` reuses its JSON too.
 */
import type { Diagnostic } from 'vscode-languageserver/node';
import { toDiagnostic, toRange, type PositionMapper } from './convert';
import {
  byPosition,
  shiftFinding,
  slotStart,
  type Analysis,
  type Finding,
  type ParsedRelease,
  type ReleaseSlot,
  type Span,
} from './core/index';

interface Converted {
  lineDelta: number;
  diagnostics: Diagnostic[];
}

/** The same diagnostic, `lines` lines further down; related places are in the same release and move with it. */
function movedDown(d: Diagnostic, lines: number): Diagnostic {
  const move = (r: Diagnostic['range']) => ({
    start: { line: r.start.line + lines, character: r.start.character },
    end: { line: r.end.line + lines, character: r.end.character },
  });
  const out: Diagnostic = { ...d, range: move(d.range) };
  if (d.relatedInformation) {
    out.relatedInformation = d.relatedInformation.map((r) => ({
      ...r,
      location: { ...r.location, range: move(r.location.range) },
    }));
  }
  if (d.data) out.data = moveData(d.data, lines);
  return out;
}

/** Fix data holds LSP ranges too; they move with the diagnostic. */
function moveData(data: unknown, lines: number): unknown {
  if (Array.isArray(data)) return data.map((x) => moveData(x, lines));
  if (typeof data !== 'object' || data === null) return data;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    out[k] = k === 'line' && typeof v === 'number' ? v + lines : moveData(v, lines);
  }
  return out;
}

export class DocumentDiagnostics {
  private readonly byRelease = new WeakMap<ParsedRelease, Converted>();
  /** The last version's feed-rule diagnostics without fixes, by `feedKey`. */
  private feedByKey = new Map<string, Diagnostic>();

  constructor(
    private readonly uri: string,
    /** Whether diagnostics carry their fixes; clients without data support get none. */
    private readonly withData: boolean,
  ) {}

  /** Every diagnostic of the analysis, in document order. */
  of(analysis: Analysis): Diagnostic[] {
    const out: Diagnostic[] = [];
    const feed = this.feedDiagnostics(analysis);
    let next = 0;
    analysis.slots.forEach((slot, i) => {
      const own = this.releaseDiagnostics(analysis, slot);
      const until = i + 1 < analysis.slots.length ? slotStart(analysis.slots[i + 1]) : Infinity;
      const theirs: Array<[Finding, Diagnostic]> = [];
      while (next < feed.length && feed[next][0].span.start < until) theirs.push(feed[next++]);
      merge(slot, own, theirs, out);
    });
    for (; next < feed.length; next++) out.push(feed[next][1]);
    return out;
  }

  /** The feed findings with their diagnostics, the last version's where nothing about them changed. */
  private feedDiagnostics(analysis: Analysis): Array<[Finding, Diagnostic]> {
    const keep = new Map<string, Diagnostic>();
    const out = analysis.feedFindings.map((f): [Finding, Diagnostic] => {
      // A fix remembers the text around it, which can change while the finding stays where it is.
      const key = f.fix || f.moreFixes || f.data ? undefined : feedKey(analysis.lineIndex, f);
      const d = (key !== undefined && this.feedByKey.get(key)) || this.diagnosticOf(analysis, f);
      if (key !== undefined) keep.set(key, d);
      return [f, d];
    });
    this.feedByKey = keep;
    return out;
  }

  private releaseDiagnostics(analysis: Analysis, slot: ReleaseSlot): Diagnostic[] {
    const cached = this.byRelease.get(slot.parsed);
    if (cached && cached.lineDelta === slot.lineDelta) return cached.diagnostics;
    const diagnostics = cached
      ? cached.diagnostics.map((d) => movedDown(d, slot.lineDelta - cached.lineDelta))
      : slot.parsed.findings.map((f) =>
          this.diagnosticOf(analysis, shiftFinding(f, slot.delta), linesOf(analysis, slot)),
        );
    this.byRelease.set(slot.parsed, { lineDelta: slot.lineDelta, diagnostics });
    return diagnostics;
  }

  /**
   * A finding's diagnostic in this document. A cross-file finding's is made afresh each time, since it changes
   * with other files; its fixes carry their edits of other files as they were made, checked when they are asked for.
   */
  diagnosticOf(analysis: Analysis, f: Finding, within?: Span): Diagnostic {
    const mapper: PositionMapper = analysis.lineIndex;
    const source = within ? { text: analysis.text, within } : { text: analysis.text };
    return toDiagnostic(mapper, this.uri, f, this.withData ? source : undefined, this.withData);
  }
}

/**
 * The release's whole lines and the terminator after them: what its findings depend on, so the context that
 * its fixes remember stays inside it, and its diagnostics stay valid wherever it moves.
 */
function linesOf(analysis: Analysis, slot: ReleaseSlot): Span {
  const lines = analysis.lineIndex;
  const r = slot.parsed.release;
  const last = r.lastLine + slot.lineDelta;
  const end = last + 1 < lines.lineCount ? lines.lineStart(last + 1) : analysis.text.length;
  return { start: lines.lineStart(r.firstLine + slot.lineDelta), end };
}

/** A release finding moved by `delta`, for comparing; only its span is read. */
function at(f: Finding, delta: number): Finding {
  return delta === 0 ? f : { ...f, span: { start: f.span.start + delta, end: f.span.end + delta } };
}

/** A release's own diagnostics, and the feed rules' ones that fall in it, in document order. */
function merge(slot: ReleaseSlot, own: Diagnostic[], theirs: Array<[Finding, Diagnostic]>, out: Diagnostic[]): void {
  const findings = slot.parsed.findings;
  let j = 0;
  for (const [f, d] of theirs) {
    // Release findings are where the release was parsed; only their order against feed findings is needed here.
    while (j < findings.length && byPosition(at(findings[j], slot.delta), f) <= 0) out.push(own[j++]);
    out.push(d);
  }
  while (j < own.length) out.push(own[j++]);
}

/** What a feed finding without fixes says and where, in lines and columns; equal keys make equal diagnostics. */
function feedKey(lines: PositionMapper, f: Finding): string {
  const at = (s: Span) => {
    const { start, end } = toRange(lines, s);
    return `${start.line}:${start.character}-${end.line}:${end.character}`;
  };
  let key = `${f.ruleId}\u0000${f.severity}\u0000${at(f.span)}\u0000${f.message}`;
  for (const r of f.related ?? []) key += `\u0000${at(r.span)}\u0000${r.message}`;
  return key;
}
