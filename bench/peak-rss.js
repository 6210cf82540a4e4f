// Preloaded into a benchmarked process: on exit it writes the peak resident set size (bytes) to BENCH_RSS_FILE.
'use strict';
const fs = require('node:fs');
process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE)
    fs.writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS * 1024));
});
