#!/usr/bin/env node
'use strict';
// The bundled CLI is built by `npm install` (the prepare script); this shim only starts it.
require('../dist/cli.js').main();
