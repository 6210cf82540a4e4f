/**
 * The pure core: parser, model, rules and features. Nothing under this
 * folder may import `vscode` or `vscode-languageserver*`; the server, the
 * CLI and the tests all reach the engine through this module.
 */
export * from './change';
export * from './config';
export * from './dates';
export * from './diff';
export { documentReleases } from './documentReleases';
export * from './features';
export * from './fix';
export * from './format';
export * from './lint';
export * from './model';
export * from './facts';
export * from './names/index';
export { canonicalSpelling } from './names/canonical';
export { findLongForm } from './names/definitions';
export { foldKey, nearKeys } from './names/fold';
export { roleOf } from './names/roles';
export { acronymsAlike } from './names/acronyms';
export * from './names/features';
export * from './parser';
export { RULES, RULES_BY_ID } from './rules/index';
export * from './text';
export { shiftFinding } from './shift';
export * from './types';
export * from './url';
export { detectFormat } from './wire/detect';
export { resolveFormat } from './wire/format';
export * from './wire/model';
export { parseWire, type WireDocument } from './wire/parser';
export * from './workspace/summary';
export * from './workspace/summaries';
export { comparesNames, crossFileFindings, crossFileFindingsAlone } from './workspace/crossFile';
export * from './workspace/nameSummary';
export * from './workspace/nameGroups';
export * from './workspace/nameReferences';
export * from './workspace/releases';
export * from './workspace/counts';
export * from './workspace/releaseList';

/** The project's home page, which reports name as the tool's; the rule docs live under it. */
export const PROJECT_URL = 'https://github.com/press-release-lint/press-release-lint';
/** Where each rule's documentation lives; diagnostics link here. */
export const DOCS_BASE = `${PROJECT_URL}/blob/main/docs/rules/`;
export function ruleDocUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}
