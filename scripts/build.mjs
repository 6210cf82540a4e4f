// Bundles one file per side with esbuild: the extension client, the language server and the CLI. The server and
// the CLI are bundled twice: into dist/ for the extension and the tests, and into server/dist/ for the npm
// package (see server/package.json), as executables without source maps.
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
const shipped = { ...common, sourcemap: false, banner: { js: '#!/usr/bin/env node' } };

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js' }),
  build({ ...shipped, entryPoints: ['server/src/main.ts'], outfile: 'server/dist/server.js' }),
  build({ ...shipped, entryPoints: ['server/src/cli.ts'], outfile: 'server/dist/cli.js' }),
]);
// npm packs a LICENSE only from the package's own folder; the copy there is git-ignored.
copyFileSync(new URL('../LICENSE', import.meta.url), new URL('../server/LICENSE', import.meta.url));
