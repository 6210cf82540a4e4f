/**
 * The npm package of the CLI and the language server, as a user gets it: packed by `scripts/packServer.mjs`,
 * installed into an empty folder with npm, and run through the bins npm links. It must need nothing but Node.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from '../support/lspClient';
import { COURT_FEED } from '../support/protocolFeeds';

const ROOT = path.join(__dirname, '..', '..', '..');
const ROOT_VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;

/** This process's environment without npm's `npm_*` variables, which `npm test` sets for its own project. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
}

/** Packs the package and installs the tarball into an empty folder; returns that folder. */
function packAndInstall(tmp: string): string {
  const env = cleanEnv();
  const packed = execFileSync(
    process.execPath,
    [path.join(ROOT, 'scripts', 'packServer.mjs'), path.join(tmp, 'pack')],
    {
      encoding: 'utf8',
      env,
    },
  );
  const tarball = packed.trim().split('\n').pop()!;
  const app = path.join(tmp, 'app');
  fs.mkdirSync(app);
  // The package has no dependencies, so the install needs no registry.
  const args = ['install', tarball, '--omit=dev', '--no-audit', '--no-fund', '--offline'];
  execFileSync('npm', args, { cwd: app, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return app;
}

describe('the npm package', function () {
  this.timeout(60_000);
  let tmp: string;
  let app: string;
  let bin: (name: string) => string;

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'prl-package-'));
    app = packAndInstall(tmp);
    bin = (name) => path.join(app, 'node_modules', '.bin', name);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('has the extension version, two bins and no dependencies', () => {
    const installed = path.join(app, 'node_modules', 'press-release-lint');
    const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    assert.equal(manifest.version, ROOT_VERSION);
    assert.equal(manifest.dependencies, undefined);
    assert.deepEqual(Object.keys(manifest.bin as object).sort(), [
      'press-release-language-server',
      'press-release-lint',
    ]);
    assert.deepEqual(fs.readdirSync(path.join(installed, 'dist')).sort(), ['cli.js', 'cliWorker.js', 'server.js']);
    // npm linked the only package there is: nothing came along with it.
    assert.deepEqual(fs.readdirSync(path.join(app, 'node_modules')).sort(), [
      '.bin',
      '.package-lock.json',
      'press-release-lint',
    ]);
  });

  it('ships bundles that require nothing but Node built-ins', () => {
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    for (const file of ['cli.js', 'cliWorker.js', 'server.js']) {
      const text = fs.readFileSync(path.join(app, 'node_modules', 'press-release-lint', 'dist', file), 'utf8');
      const required = [...text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
      assert.ok(required.length > 0, `${file} requires Node built-ins`);
      assert.deepEqual(
        required.filter((r) => !builtins.has(r)),
        [],
        `${file} requires only built-ins`,
      );
    }
  });

  it('lints a feed with press-release-lint, with the exit codes CI reads', () => {
    fs.writeFileSync(path.join(app, 'feed.release'), COURT_FEED);
    const json = spawnSync(bin('press-release-lint'), ['--format', 'json', 'feed.release'], {
      cwd: app,
      encoding: 'utf8',
    });
    assert.equal(json.status, 0, json.stderr);
    const report = JSON.parse(json.stdout) as Array<{ file: string; diagnostics: Diagnostic[] }>;
    assert.equal(report[0].file, 'feed.release');
    assert.deepEqual(
      report[0].diagnostics.map((d) => d.code),
      ['date-format', 'sentence-spacing'],
    );
    // Two files go to the worker threads, whose bundle ships beside the CLI's; as copies, each repeats the other.
    fs.writeFileSync(path.join(app, 'second.release'), COURT_FEED);
    const both = spawnSync(bin('press-release-lint'), ['--jobs', '2', '--format', 'json', '.'], {
      cwd: app,
      encoding: 'utf8',
    });
    assert.equal(both.status, 0, both.stderr);
    const files = (JSON.parse(both.stdout) as Array<{ file: string; diagnostics: Diagnostic[] }>).map((r) => [
      r.file,
      r.diagnostics.map((d) => d.code).sort(),
    ]);
    const codes = ['date-format', 'duplicate-source', 'duplicate-title', 'sentence-spacing'];
    assert.deepEqual(files, [
      ['feed.release', codes],
      ['second.release', codes],
    ]);
    const strict = spawnSync(bin('press-release-lint'), ['--rule', 'date-format=error', 'feed.release'], {
      cwd: app,
      encoding: 'utf8',
    });
    assert.equal(strict.status, 1, strict.stderr);
    assert.match(strict.stdout, /error +Date "2025-02-05" is not in the format DD\.MM\.YYYY +date-format/);
    const version = spawnSync(bin('press-release-lint'), ['--version'], { cwd: app, encoding: 'utf8' });
    assert.equal(version.status, 0);
    assert.equal(version.stdout, `${ROOT_VERSION}\n`);
  });

  it('serves LSP over stdio with press-release-language-server --stdio', async () => {
    // The CLI test leaves a copy of the feed beside it: once the workspace index has read it, the copy is a
    // cross-file duplicate, and whether the first publish comes before or after that would be a race.
    fs.rmSync(path.join(app, 'second.release'), { force: true });
    const client = new TestClient({ rootDir: app, command: bin('press-release-language-server') });
    try {
      const init = await client.initialize();
      assert.equal(init.serverInfo?.name, 'press-release-lint');
      const uri = pathToFileURL(path.join(app, 'feed.release')).href;
      await client.open(uri, COURT_FEED);
      assert.deepEqual(
        (await client.diagnosticsFor(uri)).map((d) => d.code),
        ['date-format', 'sentence-spacing'],
      );
      await client.request('shutdown');
      await client.connection.sendNotification('exit');
      assert.equal(await client.exited, 0);
    } finally {
      await client.dispose();
    }
  });
});
