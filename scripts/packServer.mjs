// Packs the npm package of the CLI and the language server (server/package.json) from the bundles that
// scripts/build.mjs wrote into server/dist/, and prints the tarball's path. Usage: node scripts/packServer.mjs [dir]
// (default out/package). It refuses to pack when the package's version is not the extension's.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const serverDir = path.join(root, 'server');
const version = (dir) => JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version;

if (version(serverDir) !== version(root)) {
  console.error(`server/package.json has version ${version(serverDir)}, package.json ${version(root)}: make them one`);
  process.exit(1);
}
for (const bundle of ['dist/cli.js', 'dist/server.js']) {
  if (!existsSync(path.join(serverDir, bundle))) {
    console.error(`server/${bundle} is missing: run \`npm run build\` first`);
    process.exit(1);
  }
}
const destination = path.resolve(process.argv[2] ?? path.join(root, 'out', 'package'));
mkdirSync(destination, { recursive: true });
// npm's own notices go to stderr; --json puts the tarball's name on stdout.
const packed = JSON.parse(
  execFileSync('npm', ['pack', serverDir, '--pack-destination', destination, '--json'], { encoding: 'utf8' }),
);
console.log(path.join(destination, packed[0].filename));
