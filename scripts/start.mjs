// `npm start`: opens a copy of the sample feed with the extension loaded from this folder.
// With VS Code's `code` on PATH it uses the user's VS Code; otherwise it starts code-server
// (installed on first use by test/e2e/setup.ts) and prints the local URL to open in a browser.
// The editor gets a fresh copy of samples/sample.release in a scratch workspace, made anew at each start, so that
// quick fixes and autosave never edit the tracked sample. PRL_START_DIR moves that scratch folder (the tests use it).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const base = path.resolve(process.env.PRL_START_DIR ?? path.join(root, '.cache', 'start'));
/** The signals that end a run: Ctrl-C, `kill` (or npm passing one on), and a closed terminal. */
const ENDINGS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** A scratch workspace holding a fresh copy of the sample; returns the copy's path. */
function freshSample() {
  const workspace = path.join(base, 'workspace');
  fs.rmSync(workspace, { recursive: true, force: true });
  fs.mkdirSync(workspace, { recursive: true });
  const copy = path.join(workspace, 'sample.release');
  fs.copyFileSync(path.join(root, 'samples', 'sample.release'), copy);
  console.log(`Opening ${copy}, a fresh copy of samples/sample.release (edit it freely: each start copies it anew).`);
  return copy;
}

function inVsCode(sample) {
  console.log('Opening the sample feed in VS Code with the extension loaded from this folder...');
  const args = ['--new-window', '--wait', `--extensionDevelopmentPath=${root}`, path.dirname(sample), sample];
  const child = spawn('code', args, { stdio: 'inherit' });
  for (const signal of ENDINGS) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

/** Node 24 and code-server, installed first when missing; a set-up step that cannot run ends the run in one line. */
function codeServerTools() {
  const { ensureCodeServerTools, pendingInstalls, SetupError } = require(
    path.join(root, 'out', 'test', 'e2e', 'setup.js'),
  );
  const pending = pendingInstalls({ chromium: false });
  const first = pending.length ? ` First it installs ${pending.join(', ')}, which takes a few minutes.` : '';
  console.log(`VS Code (\`code\`) is not on PATH: starting code-server instead.${first}`);
  try {
    return ensureCodeServerTools();
  } catch (e) {
    if (!(e instanceof SetupError)) throw e;
    console.error(`npm start: ${e.message}`);
    process.exit(1);
  }
}

/** Stops code-server on every way this process ends; the watchdog covers a SIGKILL, which no handler sees. */
function stopWith(server, log) {
  const stop = () => server.stop();
  process.on('exit', stop);
  for (const signal of ENDINGS) process.on(signal, () => process.exit(0));
  server.process.on('exit', (code) => {
    console.error(`code-server exited (${code}); see ${log}`);
    process.exit(1);
  });
}

async function inCodeServer(sample) {
  const tools = codeServerTools();
  const { startCodeServer } = require(path.join(root, 'out', 'test', 'e2e', 'runCodeServer.js'));
  const { writeUserSettings } = require(path.join(root, 'out', 'test', 'e2e', 'workbenchSettings.js'));
  const dirs = {
    userData: path.join(base, 'user-data'),
    extensions: path.join(base, 'extensions'),
    log: path.join(base, 'code-server.log'),
  };
  for (const d of [dirs.userData, dirs.extensions]) fs.mkdirSync(d, { recursive: true });
  writeUserSettings(dirs.userData);
  let server;
  try {
    server = await startCodeServer(tools, dirs);
  } catch (e) {
    console.error(`npm start: ${e.message}`);
    process.exit(1);
  }
  stopWith(server, dirs.log);
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(root)],
    ['openFile', remote(sample)],
    ['skipWelcome', 'true'],
  ];
  const folder = encodeURIComponent(path.dirname(sample));
  const url = `http://127.0.0.1:${server.port}/?folder=${folder}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  console.log(`\nOpen this URL in a browser:\n\n  ${url}\n\nPress Ctrl-C to stop. (code-server log: ${dirs.log})`);
}

const sample = freshSample();
const hasCode = spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0;
if (hasCode && !process.env.PRL_START_CODE_SERVER) inVsCode(sample);
else await inCodeServer(sample);
