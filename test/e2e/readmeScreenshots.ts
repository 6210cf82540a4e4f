/**
 * `npm run screenshots`: takes the README's screenshots into docs/images, on purpose. The end-to-end run takes the
 * same screenshots into out/screenshots, so that a test never rewrites a tracked file.
 */
import * as path from 'node:path';
import { ensureTools, ROOT, SetupError } from './setup';

async function main(): Promise<void> {
  const tools = ensureTools();
  // The screenshot module reads the folder when it loads, so it is loaded after the variable is set.
  process.env.PRL_SCREENSHOTS_DIR = path.join(ROOT, 'docs', 'images');
  const { takeScreenshots } = await import('./screenshots.js');
  await takeScreenshots(tools);
  console.log(`[screenshots] wrote the README images into ${process.env.PRL_SCREENSHOTS_DIR}`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`[screenshots] ${e instanceof SetupError ? e.message : ((e as Error).stack ?? String(e))}`);
    process.exit(1);
  },
);
