/**
 * The bench's workspace: 10,000 release files of about 50 MB in all, generated deterministically (feeds from
 * generate.ts, every fifth file a standard release), with a few releases copied between files so that titles and
 * Sources are shared across files, as in a real archive. It is written once into a folder outside the repository
 * named for the generator and its parameters, and reused by later runs while neither changed.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_SEED, generateFeed, proseParagraphs, Rng } from './generate';

export const WORKSPACE_FILES = 10_000;
export const WORKSPACE_BYTES = 50 * 1024 * 1024;
/** Every this many files, a release is copied from an earlier file: shared titles and Sources across files. */
const SHARE_EVERY = 97;
/** Bump when the shape of the files changes without the generator's code changing. */
const SHAPE = 1;

export interface BenchWorkspace {
  dir: string;
  files: number;
  bytes: number;
}

/** The Source lines of generate.ts count from the same number in every feed: each file gets its own. */
function ownSources(text: string, file: number): string {
  return text.replace(/\/details\/(\d+)/g, (_, n: string) => `/details/${file}-${n}`);
}

/** A standard release of about `bytes` bytes: headline, dateline, paragraphs, boilerplate, end mark, contact. */
function standardRelease(file: number, bytes: number): string {
  const paragraphs = proseParagraphs(Math.max(4, Math.round(bytes / 180)), DEFAULT_SEED + file);
  const rng = new Rng(file);
  const day = 1 + rng.int(0, 27);
  const headline = paragraphs[0].replace(/[.!?]+$/, '').slice(0, 90);
  const lines = ['FOR IMMEDIATE RELEASE', '', headline, '', `ASTANA, March ${day}, 2025 — ${paragraphs[1]}`, ''];
  let size = lines.join('\n').length;
  for (const p of paragraphs.slice(2)) {
    if (size > bytes - 400) break;
    lines.push(p, '');
    size += p.length + 2;
  }
  lines.push('About the Agency', 'The agency publishes the news of the region.', '', '###', '');
  lines.push('Media contact:', `Press Office ${file}`, `press${file}@agency.example`, '+44 113 496 0000', '');
  return lines.join('\n');
}

/** The first release of a feed: its lines up to and with its first Source line. */
function firstRelease(text: string): string {
  const end = text.indexOf('\n', text.indexOf('Source : '));
  return end < 0 ? '' : text.slice(0, end + 1);
}

/** The text of every file, in order; file i is `release-<i>.release` (feeds) or `standard-<i>.release`. */
function* workspaceTexts(): Generator<[name: string, text: string]> {
  const perFile = WORKSPACE_BYTES / WORKSPACE_FILES;
  const firsts: string[] = [];
  for (let i = 0; i < WORKSPACE_FILES; i++) {
    const folder = `desk-${String(Math.floor(i / 500)).padStart(2, '0')}`;
    if (i % 5 === 4) {
      yield [`${folder}/standard-${i}.release`, standardRelease(i, perFile)];
      continue;
    }
    let text = ownSources(generateFeed(perFile - 1300, DEFAULT_SEED + i), i);
    firsts.push(firstRelease(text));
    // A release an earlier file also has, title and Source alike: the cross-file checks find it in both.
    if (i % SHARE_EVERY === SHARE_EVERY - 1) text += firsts[Math.floor(firsts.length / 2)];
    yield [`${folder}/release-${i}.release`, text];
  }
}

/** A key for the generator and its parameters: a folder made by the same code is the same workspace. */
function workspaceKey(): string {
  const hash = createHash('sha256');
  for (const module of ['generate.js', 'words.js', 'workspaceData.js'])
    hash.update(fs.readFileSync(path.join(__dirname, module)));
  hash.update(JSON.stringify({ WORKSPACE_FILES, WORKSPACE_BYTES, SHARE_EVERY, SHAPE, DEFAULT_SEED }));
  return hash.digest('hex').slice(0, 16);
}

/** The workspace's folder, written on first use; a folder whose writing did not finish is written again. */
export function benchWorkspace(): BenchWorkspace & { reused: boolean } {
  const dir = path.join(os.tmpdir(), `prl-bench-workspace-${workspaceKey()}`);
  const done = path.join(dir, '.complete.json');
  if (fs.existsSync(done)) return { ...(JSON.parse(fs.readFileSync(done, 'utf8')) as BenchWorkspace), reused: true };
  fs.rmSync(dir, { recursive: true, force: true });
  // A repository root, so that config discovery stops here as it would in a clone.
  fs.mkdirSync(path.join(dir, '.git'), { recursive: true });
  let files = 0;
  let bytes = 0;
  for (const [name, text] of workspaceTexts()) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    files++;
    bytes += Buffer.byteLength(text);
  }
  const made: BenchWorkspace = { dir, files, bytes };
  fs.writeFileSync(done, JSON.stringify(made));
  return { ...made, reused: false };
}
