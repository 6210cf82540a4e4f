// `npm start`: opens the sample feed with the extension loaded in the user's VS Code when `code` is on PATH.
// Without VS Code it lints the sample with the CLI, so a newcomer sees the product work either way.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const sample = path.join(root, 'samples', 'sample.release');

const hasCode = spawnSync(process.platform === 'win32' ? 'where' : 'which', ['code'], { stdio: 'ignore' }).status === 0;
if (hasCode) {
  console.log('Opening the sample feed in VS Code with the extension loaded from this folder...');
  const child = spawn('code', ['--new-window', `--extensionDevelopmentPath=${root}`, sample], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  process.on('SIGINT', () => child.kill('SIGINT'));
} else {
  console.log('VS Code (`code`) is not on PATH, so here is the CLI on the sample feed instead:\n');
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'press-release-lint.js'), path.relative(process.cwd(), sample)], { stdio: 'inherit' });
  console.log('\nInstall VS Code and run `npm start` again to open the feed in the editor.');
  // Findings in the sample are the point of the demo, not a failure of `npm start`.
  process.exit(r.status === 2 ? 2 : 0);
}
