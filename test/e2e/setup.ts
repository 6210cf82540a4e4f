/**
 * Installs what the code-server runner and `npm start` need into a git-ignored
 * cache folder on first use, and reuses it after that: a Node 24 from the
 * `node@24` npm package and code-server built against that Node (with
 * Debian's libkrb5-dev and pkg-config for its native modules), and, for the
 * end-to-end tests only, Debian's chromium. Each step leaves a stamp file only
 * when it finished, so an interrupted install is redone. A step that cannot
 * run throws a `SetupError`, whose message is one line for the user.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hasDebianPackage, installDebianPackages, SetupError } from '../support/apt';

export const ROOT = path.join(__dirname, '..', '..', '..');
export const CACHE = path.join(ROOT, '.cache', 'e2e');
export const CODE_SERVER_VERSION = '4.139.1';
export const CHROMIUM = '/usr/bin/chromium';

/** What `npm start` needs: a Node 24 and the code-server it runs. */
export interface CodeServerTools {
  node24: string;
  codeServerEntry: string;
}

/** What the end-to-end tests need: code-server, and a Chromium to drive it. */
export interface E2eTools extends CodeServerTools {
  chromium: string;
}

export { SetupError };

function log(message: string): void {
  console.log(`[e2e setup] ${message}`);
}

function run(cmd: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): void {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: options.env ?? process.env, cwd: options.cwd });
  if (r.status !== 0) throw new SetupError(`${cmd} ${args.join(' ')} failed with exit code ${r.status ?? r.signal}`);
}

function timed<T>(what: string, step: () => T): T {
  const t0 = Date.now();
  const result = step();
  log(`${what} took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return result;
}

/** The npm CLI script, so that it can be run by a chosen Node rather than the one on PATH. */
function npmCli(): string {
  const fromEnv = process.env.npm_execpath;
  if (fromEnv && /npm-cli\.js$/.test(fromEnv) && fs.existsSync(fromEnv)) return fromEnv;
  const npmBin = execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim();
  const real = fs.realpathSync(npmBin);
  const cli = path.join(path.dirname(real), 'npm-cli.js');
  if (!fs.existsSync(cli)) throw new Error(`cannot find npm-cli.js next to ${real}`);
  return cli;
}

/** The Debian packages that `needs` lacks: chromium for the browser, the build tools while code-server is missing. */
function missingDebianPackages(needs: { chromium: boolean }): string[] {
  const packages = needs.chromium && !(hasDebianPackage('chromium') && fs.existsSync(CHROMIUM)) ? ['chromium'] : [];
  if (!codeServerInstalled()) packages.push(...['libkrb5-dev', 'pkg-config'].filter((p) => !hasDebianPackage(p)));
  return packages;
}

function ensureNode24(): string {
  const dir = path.join(CACHE, 'node24');
  const stamp = path.join(dir, '.complete');
  const bin = path.join(dir, 'bin', 'node');
  if (fs.existsSync(stamp)) return bin;
  timed('Node 24 from the node@24 npm package', () => {
    const pkg = path.join(CACHE, 'node24-package');
    fs.rmSync(pkg, { recursive: true, force: true });
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(pkg, { recursive: true });
    fs.writeFileSync(path.join(pkg, 'package.json'), '{"private": true}\n');
    run('npm', ['install', '--no-audit', '--no-fund', '--no-save', 'node@24'], { cwd: pkg });
    // The node package installs its binary through an architecture-specific package; that folder is the Node tree.
    const tree = path.join(pkg, 'node_modules', 'node', 'node_modules', `node-${process.platform}-${process.arch}`);
    if (!fs.existsSync(path.join(tree, 'bin', 'node')))
      throw new Error(`node@24 did not install a Node binary at ${tree}`);
    fs.cpSync(tree, dir, { recursive: true, preserveTimestamps: true });
    fs.rmSync(pkg, { recursive: true, force: true });
    const version = execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
    if (!version.startsWith('v24.')) throw new Error(`expected Node 24, got ${version}`);
    fs.writeFileSync(stamp, `${version}\n`);
  });
  return bin;
}

const CODE_SERVER_DIR = path.join(CACHE, 'code-server');
const CODE_SERVER_ENTRY = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

function codeServerInstalled(): boolean {
  return fs.existsSync(path.join(CODE_SERVER_DIR, '.complete')) && fs.existsSync(CODE_SERVER_ENTRY);
}

function ensureCodeServer(node24: string): string {
  const dir = CODE_SERVER_DIR;
  const stamp = path.join(dir, '.complete');
  const entry = CODE_SERVER_ENTRY;
  if (codeServerInstalled()) return entry;
  timed(`npm install code-server@${CODE_SERVER_VERSION} (builds native modules)`, () => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), '{"private": true}\n');
    const nodeDir = path.dirname(path.dirname(node24));
    // npm itself runs on Node 24, Node 24 comes first on PATH and its headers are the nodedir, so that
    // code-server's install script sees Node 24 and native modules build for the Node that runs them.
    // The parent npm's npm_* variables (npm_config_user_agent names Node 20, and code-server's script reads it) are dropped.
    const env: NodeJS.ProcessEnv = Object.fromEntries(
      Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)),
    );
    Object.assign(env, {
      PATH: `${path.dirname(node24)}${path.delimiter}${process.env.PATH ?? ''}`,
      npm_config_nodedir: nodeDir,
      NODE: node24,
    });
    run(node24, [npmCli(), 'install', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], {
      cwd: dir,
      env,
    });
    if (!fs.existsSync(entry)) throw new Error(`code-server installed without ${entry}`);
    fs.writeFileSync(stamp, `${CODE_SERVER_VERSION}\n`);
  });
  return entry;
}

/** What a run that needs these tools would install first, in words; empty when everything is there. */
export function pendingInstalls(needs: { chromium: boolean }): string[] {
  const pending = missingDebianPackages(needs).map((p) => `Debian's ${p}`);
  if (!fs.existsSync(path.join(CACHE, 'node24', '.complete'))) pending.push('Node 24');
  if (!codeServerInstalled()) pending.push(`code-server ${CODE_SERVER_VERSION}`);
  return pending;
}

/** Node 24 and code-server, for `npm start`; no browser. */
export function ensureCodeServerTools(): CodeServerTools {
  fs.mkdirSync(CACHE, { recursive: true });
  installDebianPackages(missingDebianPackages({ chromium: false }), 'npm start', log);
  const node24 = ensureNode24();
  return { node24, codeServerEntry: ensureCodeServer(node24) };
}

/** Everything the end-to-end tests need: code-server and Chromium. */
export function ensureTools(): E2eTools {
  fs.mkdirSync(CACHE, { recursive: true });
  installDebianPackages(missingDebianPackages({ chromium: true }), 'The end-to-end tests', log);
  return { ...ensureCodeServerTools(), chromium: CHROMIUM };
}

if (require.main === module) {
  try {
    log(`ready: ${JSON.stringify(ensureTools())}`);
  } catch (e) {
    if (!(e instanceof SetupError)) throw e;
    console.error(`[e2e setup] ${e.message}`);
    process.exit(1);
  }
}
