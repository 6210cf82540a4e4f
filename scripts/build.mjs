// Bundles one file per side with esbuild: the extension client, the language server, the CLI and its workers.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { PACKAGE_VERSION: JSON.stringify(pkg.version) },
};

// tinyglobby's file walker is an ES module that asks for import.meta.url, which a CommonJS bundle lacks:
// give it the bundle's own URL.
const cli = {
  ...common,
  define: { ...common.define, 'import.meta.url': '__bundleUrl' },
  banner: { js: 'var __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' }),
  build({ ...cli, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js' }),
  // The CLI's worker threads each load their own bundle.
  build({ ...cli, entryPoints: ['server/src/cliWorker.ts'], outfile: 'dist/cliWorker.js' }),
]);
