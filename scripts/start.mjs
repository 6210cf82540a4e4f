// `npm start`: opens the sample feed with the extension loaded from this folder.
// With VS Code's `code` on PATH it uses the user's VS Code; otherwise it starts code-server
// (installed on first use by test/e2e/setup.ts) and prints the local URL to open in a browser.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const sample = path.join(root, 'samples', 'sample.release');

const hasCode = spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0;
if (hasCode && !process.env.PRL_START_CODE_SERVER) {
  console.log('Opening the sample feed in VS Code with the extension loaded from this folder...');
  const child = spawn('code', ['--new-window', '--wait', `--extensionDevelopmentPath=${root}`, sample], {
    stdio: 'inherit',
  });
  process.on('SIGINT', () => child.kill('SIGINT'));
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const { ensureTools, CACHE } = require(path.join(root, 'out', 'test', 'e2e', 'setup.js'));
  const { startCodeServer } = require(path.join(root, 'out', 'test', 'e2e', 'runCodeServer.js'));
  console.log(
    'VS Code (`code`) is not on PATH: starting code-server instead (the first run installs it, which takes a few minutes).',
  );
  const tools = ensureTools();
  const base = path.join(CACHE, 'start');
  const dirs = {
    userData: path.join(base, 'user-data'),
    extensions: path.join(base, 'extensions'),
    log: path.join(base, 'code-server.log'),
  };
  for (const d of [dirs.userData, dirs.extensions]) fs.mkdirSync(d, { recursive: true });
  const server = await startCodeServer(tools, dirs);
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(root)],
    ['openFile', remote(sample)],
    ['skipWelcome', 'true'],
  ];
  const url = `http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(path.dirname(sample))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  console.log(`\nOpen this URL in a browser:\n\n  ${url}\n\nPress Ctrl-C to stop. (code-server log: ${dirs.log})`);
  const stop = () => {
    server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.process.on('exit', (code) => {
    console.error(`code-server exited (${code}); see ${dirs.log}`);
    process.exit(1);
  });
}
