/**
 * The entry point that VS Code loads as `extensionTestsPath`. It runs the
 * mocha suite in this folder inside the extension host and rejects when a
 * test fails, which VS Code turns into the exit code.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  for (const f of fs
    .readdirSync(__dirname)
    .filter((x) => x.endsWith('.e2e.js'))
    .sort())
    mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} end-to-end test(s) failed`)) : resolve()));
  });
}
