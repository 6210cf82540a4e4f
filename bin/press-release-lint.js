#!/usr/bin/env node
'use strict';
// The bundled CLI is built by `npm install` (the prepare script); this shim only starts it.
// A missing bundle is told in one line, like every other problem the CLI reports, with exit code 2.
let cli;
try {
  cli = require('../dist/cli.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes('dist/cli.js')) {
    process.stderr.write('press-release-lint: the CLI is not built; run `npm install` or `npm run build` first\n');
    process.exitCode = 2;
    return;
  }
  throw e;
}
cli.main();
