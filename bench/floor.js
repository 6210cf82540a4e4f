// The floor of the CLI rows: what any line-based tool must do at least. It reads the file, splits it into lines
// and runs one simple regex over every line (a title's date), and prints the count so that nothing is skipped.
'use strict';
const fs = require('node:fs');

const text = fs.readFileSync(process.argv[2], 'utf8');
const date = /\d{2}\.\d{2}\.\d{4}\s*$/;
let titles = 0;
for (const line of text.split(/\r\n|\r|\n/)) if (date.test(line)) titles++;
process.stdout.write(`${titles}\n`);
