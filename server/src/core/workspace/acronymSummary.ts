/**
 * What the workspace index keeps of a file's acronym definitions (`Shanghai Cooperation Organisation (SCO)`): the
 * acronym, its long form and where it is defined, four numbers each, for those whose letters fit their long form.
 * Most files define none, and keep nothing.
 */
import type { AcronymDefinition } from '../names/index';
import type { LineIndex } from '../text';
import { stringAt, stringNumber } from './strings';

/** Numbers kept per definition: the acronym and the long form in the string table, then the line and character. */
const DEFINITION = 4;

/** A definition as the index read it, in another file's lines and characters. */
export interface DefinitionPlace {
  acronym: string;
  longForm: string;
  line: number;
  character: number;
}

/** The definitions of a file from those of its releases, each with its release's start. */
export function summarizeAcronyms(
  releases: ReadonlyArray<{ definitions: readonly AcronymDefinition[]; base: number }>,
  lines: LineIndex,
): Int32Array | undefined {
  const fitting = releases.flatMap(({ definitions, base }) =>
    definitions.filter((d) => d.fits).map((d) => ({ d, offset: base + d.start })),
  );
  if (fitting.length === 0) return undefined;
  const out = new Int32Array(fitting.length * DEFINITION);
  fitting.forEach(({ d, offset }, i) => {
    const { line, character } = lines.positionAt(offset);
    out.set([stringNumber(d.acronym), stringNumber(d.longForm), line, character], i * DEFINITION);
  });
  return out;
}

export function definitionsOf(acronyms: Int32Array | undefined): DefinitionPlace[] {
  const out: DefinitionPlace[] = [];
  for (let i = 0; acronyms && i < acronyms.length; i += DEFINITION) {
    const [acronym, longForm, line, character] = acronyms.subarray(i, i + DEFINITION);
    out.push({ acronym: stringAt(acronym), longForm: stringAt(longForm), line, character });
  }
  return out;
}
