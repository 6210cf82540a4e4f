/** The one rule for which `.pressreleaserc.json` applies, on fake and real directory trees. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { locateConfigFile } from '../../server/src/configDiscovery';

/** A file system that holds exactly these paths (POSIX, absolute). */
function tree(...paths: string[]): (file: string) => boolean {
  const present = new Set(paths);
  return (file) => present.has(file);
}

describe('config discovery', () => {
  it("takes the config of the feed's own directory first", () => {
    const exists = tree('/repo/.git', '/repo/.pressreleaserc.json', '/repo/a/.pressreleaserc.json');
    assert.deepEqual(locateConfigFile('/repo/a', exists), { path: '/repo/a/.pressreleaserc.json', found: true });
  });

  it('walks up to the nearest config', () => {
    const exists = tree('/repo/.git', '/repo/.pressreleaserc.json', '/repo/a/.pressreleaserc.json');
    assert.deepEqual(locateConfigFile('/repo/a/b/c', exists), { path: '/repo/a/.pressreleaserc.json', found: true });
    assert.deepEqual(locateConfigFile('/repo/x', exists), { path: '/repo/.pressreleaserc.json', found: true });
  });

  it("stops after the repository root, whether .git is a directory or a worktree's file", () => {
    const exists = tree('/outer/.pressreleaserc.json', '/outer/repo/.git');
    assert.deepEqual(locateConfigFile('/outer/repo/feeds', exists), {
      path: '/outer/repo/.pressreleaserc.json',
      found: false,
    });
    // The config beside .git still applies: the root is the last directory searched, not the first one skipped.
    const beside = tree('/outer/.pressreleaserc.json', '/outer/repo/.git', '/outer/repo/.pressreleaserc.json');
    assert.deepEqual(locateConfigFile('/outer/repo/feeds', beside), {
      path: '/outer/repo/.pressreleaserc.json',
      found: true,
    });
  });

  it("walks to the file-system root outside a repository, and proposes the feed's own directory", () => {
    assert.deepEqual(locateConfigFile('/a/b', tree('/.pressreleaserc.json')), {
      path: '/.pressreleaserc.json',
      found: true,
    });
    assert.deepEqual(locateConfigFile('/a/b', tree()), { path: '/a/b/.pressreleaserc.json', found: false });
    assert.deepEqual(locateConfigFile('/', tree()), { path: '/.pressreleaserc.json', found: false });
  });

  it('resolves a relative directory against the working directory', () => {
    const cwd = process.cwd();
    const here = path.join(cwd, '.pressreleaserc.json');
    assert.deepEqual(locateConfigFile('.', tree(here)), { path: here, found: true });
  });

  it('finds configs on disk, and treats a .git file as a repository root', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'prl-discovery-'));
    try {
      const repo = path.join(root, 'repo');
      fs.mkdirSync(path.join(repo, 'a', 'b'), { recursive: true });
      fs.writeFileSync(path.join(root, '.pressreleaserc.json'), '{}');
      fs.writeFileSync(path.join(repo, '.git'), 'gitdir: elsewhere\n');
      assert.deepEqual(locateConfigFile(path.join(repo, 'a', 'b')), {
        path: path.join(repo, '.pressreleaserc.json'),
        found: false,
      });
      fs.writeFileSync(path.join(repo, 'a', '.pressreleaserc.json'), '{}');
      assert.deepEqual(locateConfigFile(path.join(repo, 'a', 'b')), {
        path: path.join(repo, 'a', '.pressreleaserc.json'),
        found: true,
      });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
