/**
 * The one order of files in the workspace index: by decoded path, then by the names given, so that the editor
 * (URIs) and the CLI (paths) list the files under a key alike, and two names of one path still sort apart.
 */
import { partitionPoint } from '../collections';

/** Something filed under a file: a group of its releases, or its spellings of one name. */
export interface FiledByPath {
  file: string;
  /** The file's decoded path, which it sorts by. */
  path: string;
}

export function compareFiles(pathA: string, fileA: string, pathB: string, fileB: string): number {
  if (pathA !== pathB) return pathA < pathB ? -1 : 1;
  return fileA < fileB ? -1 : fileA > fileB ? 1 : 0;
}

/** Where the item of (`path`, `file`) is, or would be inserted, among items in path order. */
export function pathOrderIndex(items: readonly FiledByPath[], path: string, file: string): number {
  return partitionPoint(items.length, (i) => compareFiles(items[i].path, items[i].file, path, file) < 0);
}
