/**
 * The parts of a SARIF 2.1.0 log that do not depend on findings: the tool with its rules, where paths are
 * relative to, and how a file is named in it. Code scanning reads these to show, link and group alerts.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { PROJECT_URL, RULES, ruleDocUrl, type Severity } from '../../core/index';

/** The OASIS standard's schema, with its errata. */
export const SARIF_SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The base that relative artifact URIs resolve against: the working directory of the run. */
export const SOURCE_ROOT = '%SRCROOT%';

/** SARIF has no level below `note`, so info and hint both become notes. */
const LEVEL_OF: Record<Severity, Sarif.ReportingConfiguration.level> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

export function sarifLevel(severity: Severity): Sarif.ReportingConfiguration.level {
  return LEVEL_OF[severity];
}

/** Each rule's place in `tool.driver.rules`, which results point at with `ruleIndex`. */
export const RULE_INDEX: ReadonlyMap<string, number> = new Map(RULES.map((r, i) => [r.id, i]));

function ruleDescriptors(): Sarif.ReportingDescriptor[] {
  return RULES.map((r) => ({
    id: r.id,
    shortDescription: { text: r.description },
    defaultConfiguration: { level: sarifLevel(r.defaultSeverity) },
    helpUri: ruleDocUrl(r.id),
  }));
}

/** The log with one run whose `results` are still empty, as text to be written up to that empty array. */
export function sarifLogHead(version: string, cwd: string): string {
  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'press-release-lint', version, informationUri: PROJECT_URL, rules: ruleDescriptors() },
        },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: directoryUri(cwd) } },
        columnKind: 'utf16CodeUnits',
        results: [],
      },
    ],
  };
  const json = JSON.stringify(log);
  // `results` is the last key of the last run, so the text ends with its empty array and the closers after it.
  return json.slice(0, -SARIF_LOG_TAIL.length);
}

/** What closes the results array, the run, the runs and the log. */
export const SARIF_LOG_TAIL = ']}]}';

/**
 * Where a file is: relative to the working directory when it is inside it, so that code scanning finds
 * it in the repository, else an absolute file URI. Standard input has no file and is named `stdin`.
 */
export function artifactLocation(file: string, cwd: string): Sarif.ArtifactLocation {
  if (file === '-') return { uri: 'stdin' };
  const uri = pathToFileURL(path.resolve(cwd, file)).href;
  const base = directoryUri(cwd);
  return uri.startsWith(base) ? { uri: uri.slice(base.length), uriBaseId: SOURCE_ROOT } : { uri };
}

/** A directory's file URI ends with a slash, so that relative URIs resolve inside it. */
function directoryUri(dir: string): string {
  const uri = pathToFileURL(path.resolve(dir)).href;
  return uri.endsWith('/') ? uri : `${uri}/`;
}
