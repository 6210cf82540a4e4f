// Bundles one file per side with esbuild: the extension client, the language server, the CLI and its workers. The
// server and the CLI are bundled twice: into dist/ for the extension and the tests, and into server/dist/ for the
// npm package (see server/package.json), as executables without source maps.
import { build } from 'esbuild';
import { copyFileSync, readFileSync } from 'node:fs';

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
// The package's bin entries are the bundles themselves, so each starts with a shebang.
const SHEBANG = '#!/usr/bin/env node';
const shipped = { ...common, sourcemap: false, banner: { js: SHEBANG } };

// tinyglobby's file walker is an ES module that asks for import.meta.url, which a CommonJS bundle lacks:
// give it the bundle's own URL.
const BUNDLE_URL = 'var __bundleUrl = require("node:url").pathToFileURL(__filename).href;';
const cliOf = (base) => ({
  ...base,
  define: { ...base.define, 'import.meta.url': '__bundleUrl' },
  banner: { js: [base.banner?.js, BUNDLE_URL].filter(Boolean).join('\n') },
});
const cli = cliOf(common);
const shippedCli = cliOf(shipped);

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' }),
  build({ ...cli, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js' }),
  // The CLI's worker threads each load their own bundle, found beside the CLI's.
  build({ ...cli, entryPoints: ['server/src/cliWorker.ts'], outfile: 'dist/cliWorker.js' }),
  build({ ...shipped, entryPoints: ['server/src/main.ts'], outfile: 'server/dist/server.js' }),
  build({ ...shippedCli, entryPoints: ['server/src/cli.ts'], outfile: 'server/dist/cli.js' }),
  build({
    ...cliOf({ ...common, sourcemap: false }),
    entryPoints: ['server/src/cliWorker.ts'],
    outfile: 'server/dist/cliWorker.js',
  }),
]);
// npm packs a LICENSE only from the package's own folder; the copy there is git-ignored.
copyFileSync(new URL('../LICENSE', import.meta.url), new URL('../server/LICENSE', import.meta.url));
