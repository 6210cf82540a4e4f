/**
 * The standard runner: @vscode/test-electron downloads VS Code (or uses
 * the one named by VSCODE_EXECUTABLE_PATH) and runs the same suite as the
 * code-server runner. Use it on machines that can reach the VS Code
 * download service; CI here uses runCodeServer.ts.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.join(__dirname, '..', '..', '..');
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'prl-e2e-'));
  fs.cpSync(path.join(root, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  try {
    // Unset variables leave the option out, so test-electron picks its own default.
    const executable = process.env.VSCODE_EXECUTABLE_PATH;
    const version = process.env.VSCODE_VERSION;
    await runTests({
      ...(executable ? { vscodeExecutablePath: executable } : {}),
      ...(version ? { version } : {}),
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out', 'test', 'e2e', 'suite', 'index.js'),
      extensionTestsEnv: { PRL_E2E_EXPECT: 'development' },
      launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`[e2e electron] ${(e as Error).stack ?? String(e)}`);
  process.exit(1);
});
