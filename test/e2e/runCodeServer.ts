/**
 * Runs the end-to-end suite in a real VS Code through code-server and
 * headless Chromium, for machines that cannot download VS Code:
 *
 * 1. the working tree, loaded as the extension under development;
 * 2. the packaged .vsix, installed into code-server, so a broken package fails;
 * 3. screenshots of what a user sees, each checked against the feed.
 *
 * It propagates the suite's exit code, fails within three minutes when VS
 * Code does not come up, and always stops the processes it started.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import * as util from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CACHE, ensureTools, ROOT, SetupError, type CodeServerTools, type E2eTools } from './setup';
import { takeScreenshots } from './screenshots';
import { NO_GALLERY_ENV, writeUserSettings } from './workbenchSettings';

const STARTUP_DEADLINE_MS = 180_000;
const SUITE_DEADLINE_MS = 15 * 60_000;
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** Workbench chatter that says nothing about the suite. */
const NOISE = /^\[(?:ChatModelSelection|AccountPolicyGate)\]/;
const SUITE = path.join(ROOT, 'out', 'test', 'e2e', 'suite', 'index.js');
const VSIX = path.join(ROOT, 'dist', 'press-release-lint.vsix');
const WATCHDOG = path.join(__dirname, 'watchdog.js');

function log(message: string): void {
  console.log(`[e2e] ${message}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

function get(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(0);
    });
  });
}

export interface CodeServer {
  port: number;
  /** When the process was spawned; the three-minute start-up deadline counts from here. */
  startedAt: number;
  process: ChildProcess;
  logFile: string;
  stop(): void;
}

/**
 * Starts the watchdog that kills code-server's process group when this process or its parent dies, whatever kills
 * it; it is in a group of its own, so the signals that end this process (a closed terminal's SIGHUP) do not end it
 * first. The parent is watched because npm runs scripts under a shell that does not pass npm's SIGTERM on.
 */
function watchOver(group: number): void {
  const pids = [process.pid, group, ...(process.ppid > 1 ? [process.ppid] : [])];
  const watchdog = spawn(process.execPath, [WATCHDOG, ...pids.map(String)], {
    detached: true,
    stdio: 'ignore',
  });
  watchdog.unref();
}

/**
 * Starts code-server in its own process group, so that stopping it also stops its extension hosts, and with a
 * watchdog, so that the group dies with this process.
 */
export async function startCodeServer(
  tools: CodeServerTools,
  dirs: { userData: string; extensions: string; log: string },
  env: NodeJS.ProcessEnv = {},
): Promise<CodeServer> {
  const port = await freePort();
  const startedAt = Date.now();
  const out = fs.openSync(dirs.log, 'w');
  const args = [
    tools.codeServerEntry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir',
    dirs.userData,
    '--extensions-dir',
    dirs.extensions,
    '--vscode-option',
    'enable-smoke-test-driver',
  ];
  const child = spawn(tools.node24, args, {
    detached: true,
    stdio: ['ignore', out, out],
    env: {
      ...process.env,
      ...NO_GALLERY_ENV,
      ...env,
      PATH: `${path.dirname(tools.node24)}${path.delimiter}${process.env.PATH ?? ''}`,
    },
  });
  fs.closeSync(out);
  if (child.pid) watchOver(child.pid);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  const deadline = startedAt + STARTUP_DEADLINE_MS;
  while ((await get(`http://127.0.0.1:${port}/healthz`)) !== 200) {
    if (child.exitCode !== null || Date.now() > deadline) {
      stop();
      throw new Error(
        `code-server did not start (exit code ${child.exitCode}); its log:\n${fs.readFileSync(dirs.log, 'utf8')}`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { port, startedAt, process: child, logFile: dirs.log, stop };
}

export async function launchBrowser(tools: E2eTools): Promise<Browser> {
  return chromium.launch({ executablePath: tools.chromium, headless: true, args: CHROMIUM_ARGS });
}

/** A fresh copy of the test workspace for each pass, so that what a test writes never reaches the repository. */
export function freshDirs(label: string): {
  root: string;
  userData: string;
  extensions: string;
  workspace: string;
  log: string;
} {
  const root = path.join(CACHE, 'runs', label);
  fs.rmSync(root, { recursive: true, force: true });
  const dirs = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    workspace: path.join(root, 'workspace'),
    log: path.join(root, 'code-server.log'),
  };
  for (const d of [dirs.userData, dirs.extensions]) fs.mkdirSync(d, { recursive: true });
  fs.cpSync(path.join(ROOT, 'test', 'e2e', 'workspace'), dirs.workspace, { recursive: true });
  writeUserSettings(dirs.userData);
  return dirs;
}

/** Waits for the workbench until three minutes after code-server was started, whatever part of that the server took. */
export async function waitForWorkbench(page: Page, server: CodeServer): Promise<void> {
  const left = Math.max(1000, server.startedAt + STARTUP_DEADLINE_MS - Date.now());
  try {
    await page.waitForSelector('.monaco-workbench', { timeout: left });
  } catch {
    throw new Error(
      `VS Code did not come up within ${STARTUP_DEADLINE_MS / 1000} s of starting code-server (no .monaco-workbench in the page); code-server log: ${server.logFile}`,
    );
  }
}

/** Installs the packaged .vsix into a run's extensions folder; returns what code-server said. */
export function installPackagedExtension(tools: E2eTools, dirs: { userData: string; extensions: string }): string {
  const r = spawnSync(
    tools.node24,
    [
      tools.codeServerEntry,
      '--extensions-dir',
      dirs.extensions,
      '--user-data-dir',
      dirs.userData,
      '--install-extension',
      VSIX,
    ],
    { encoding: 'utf8', env: { ...process.env, ...NO_GALLERY_ENV } },
  );
  if (r.status !== 0) throw new Error(`code-server could not install ${VSIX}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout.trim().split('\n').pop() ?? '';
}

/** Test counts over all passes, read from mocha's summary lines, for the closing line. */
const totals = { passed: 0, failed: 0 };

/** Runs the suite once and returns its exit code. */
async function runSuite(label: string, tools: E2eTools, installVsix: boolean): Promise<number> {
  const dirs = freshDirs(label);
  if (installVsix) log(`installed ${path.basename(VSIX)}: ${installPackagedExtension(tools, dirs)}`);
  // The extension host inherits this, so the suite can check which copy of the extension it tests.
  const server = await startCodeServer(tools, dirs, { PRL_E2E_EXPECT: installVsix ? 'installed' : 'development' });
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser(tools);
    const page = await browser.newPage();
    let resolveExit: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => (resolveExit = resolve));
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      // The workbench forwards console calls with their printf-style arguments.
      const text = util.format(...(Array.isArray(args) ? args : [args]));
      if (text.trim() && !NOISE.test(text)) console.log(`[vscode ${type}] ${text}`);
      const passing = /^\s*(\d+) passing/.exec(text);
      const failing = /^\s*(\d+) failing/.exec(text);
      if (passing) totals.passed += Number(passing[1]);
      if (failing) totals.failed += Number(failing[1]);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(Number(code)));
    const remote = (p: string) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    // The packaged pass loads no working tree: the extension under test is the installed .vsix.
    const payload: Array<[string, string]> = [
      ['extensionDevelopmentPath', remote(installVsix ? path.join(ROOT, 'test', 'e2e', 'no-extension') : ROOT)],
      ['extensionTestsPath', remote(SUITE)],
      ['skipWelcome', 'true'],
    ];
    const url = `http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(dirs.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    const t0 = Date.now();
    await page.goto(url);
    await waitForWorkbench(page, server);
    log(`${label}: VS Code is up after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const timeout = new Promise<number>((_, reject) =>
      setTimeout(
        () => reject(new Error(`the suite did not finish within ${SUITE_DEADLINE_MS / 60_000} minutes`)),
        SUITE_DEADLINE_MS,
      ).unref(),
    );
    const code = await Promise.race([exited, timeout]);
    log(`${label}: suite exited with code ${code} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (code !== 0)
      console.log(
        `[e2e] code-server log (${server.logFile}):\n${fs.readFileSync(server.logFile, 'utf8').slice(-4000)}`,
      );
    return code;
  } finally {
    await browser?.close().catch(() => undefined);
    server.stop();
  }
}

async function main(): Promise<number> {
  const t0 = Date.now();
  const tools = ensureTools();
  log(`tools ready after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (!fs.existsSync(SUITE)) throw new Error(`${SUITE} is missing: run tsc -b first`);
  if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} is missing: run npm run package first`);
  const vsixSize = fs.statSync(VSIX).size;
  log(`${path.basename(VSIX)} is ${(vsixSize / 1024).toFixed(0)} KB`);
  if (vsixSize > 2 * 1024 * 1024)
    throw new Error(`${path.basename(VSIX)} is ${vsixSize} bytes; it must stay under 2 MB`);
  const tree = await runSuite('working-tree', tools, false);
  const packaged = await runSuite('packaged-vsix', tools, true);
  let shots = 0;
  if (process.env.PRL_E2E_SCREENSHOTS !== '0') {
    try {
      await takeScreenshots(tools);
    } catch (e) {
      console.error(`[e2e] screenshots failed: ${(e as Error).stack ?? String(e)}`);
      shots = 1;
    }
  }
  log(`end-to-end wall time ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const failed = [tree && 'working tree', packaged && 'packaged .vsix', shots && 'screenshots'].filter(Boolean);
  console.log(failed.length ? `[e2e] FAILED: ${failed.join(', ')}` : '[e2e] all passes succeeded');
  // A pass that failed outside mocha (a crash, the screenshots) still counts, so the closing line never hides it.
  console.log(`e2e: ${totals.passed} passed, ${Math.max(totals.failed, failed.length)} failed`);
  return failed.length ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      // A set-up step that cannot run says what to do in one line; anything else is a bug, with its stack.
      console.error(`[e2e] ${e instanceof SetupError ? e.message : ((e as Error).stack ?? String(e))}`);
      process.exit(1);
    },
  );
}
