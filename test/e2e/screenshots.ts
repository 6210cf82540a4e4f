/**
 * Screenshots for the README, taken by the code-server runner from the
 * packaged extension. Each step first checks what a user would see, so a
 * screenshot of a broken editor fails the run instead of landing in docs.
 * A test run writes them under out/screenshots, so tests never rewrite
 * tracked files; `npm run screenshots` (readmeScreenshots.ts) points
 * PRL_SCREENSHOTS_DIR at docs/images to update the README's on purpose.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { lint, outline } from '../../server/src/core/index';
import { freshDirs, installPackagedExtension, launchBrowser, startCodeServer, waitForWorkbench } from './runCodeServer';
import { ROOT, type E2eTools } from './setup';

const IMAGES = path.resolve(process.env.PRL_SCREENSHOTS_DIR ?? path.join(ROOT, 'out', 'screenshots'));
const SAMPLE = path.join(ROOT, 'samples', 'sample.release');
const STANDARD = path.join(ROOT, 'samples', 'standard.release');
const STEP_MS = 60_000;

function log(message: string): void {
  console.log(`[e2e screenshots] ${message}`);
}

async function command(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: STEP_MS });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: STEP_MS });
  await page.keyboard.press('Enter');
}

async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: STEP_MS });
  await input.fill(name);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor({ timeout: STEP_MS });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: STEP_MS });
}

/** Polls until `probe` holds, with a deadline and a message that says what was last seen. */
async function until(what: string, probe: () => Promise<string | true>): Promise<void> {
  const deadline = Date.now() + STEP_MS;
  for (;;) {
    const last = await probe();
    if (last === true) return;
    if (Date.now() > deadline)
      throw new Error(`screenshots: ${what} did not happen within ${STEP_MS / 1000} s (last seen: ${last})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function takeScreenshots(tools: E2eTools): Promise<void> {
  const dirs = freshDirs('screenshots');
  fs.copyFileSync(SAMPLE, path.join(dirs.workspace, 'sample.release'));
  fs.copyFileSync(STANDARD, path.join(dirs.workspace, 'standard.release'));
  installPackagedExtension(tools, dirs);
  fs.mkdirSync(IMAGES, { recursive: true });

  // What a user should see, computed by the core from the same sample.
  const analysis = lint(fs.readFileSync(SAMPLE, 'utf8'));
  const titles = outline(analysis)
    .flatMap((n) => (n.kind === 'category' ? n.children : [n]))
    .map((n) => n.name);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of analysis.findings) if (f.severity !== 'hint') counts[f.severity]++;

  const server = await startCodeServer(tools, dirs);
  const browser = await launchBrowser(tools);
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(dirs.workspace)}`);
    await waitForWorkbench(page, server);
    await openFile(page, 'sample.release');
    await until('squiggles in the editor', async () =>
      (await page.locator('.squiggly-error').count()) > 0 ? true : 'no .squiggly-error',
    );

    // 1. The feed with squiggles, the Problems panel and the Outline view.
    await command(page, 'Explorer: Focus on Outline View');
    await until('the outline to list the release titles', async () => {
      const shown = await page
        .locator('.outline-pane .monaco-list-row, [id="outline"] .monaco-list-row')
        .allInnerTexts()
        .catch(() => [] as string[]);
      // The tree is virtualised and expanded, so the first releases are the ones on screen.
      const visible = titles.slice(0, 3).filter((t) => !shown.some((s) => s.includes(t)));
      return visible.length === 0 ? true : `missing ${JSON.stringify(visible)} in ${JSON.stringify(shown.slice(0, 8))}`;
    });
    await until('the outline to leave the Sources out', async () => {
      const shown = await page.locator('[id="outline"] .monaco-list-row').allInnerTexts();
      return shown.some((s) => s.trim() === 'Source') ? 'a Source row' : true;
    });
    await page.screenshot({ path: path.join(IMAGES, 'outline.png') });
    log('outline.png: the outline lists categories and releases, with no Source rows');
    await command(page, 'View: Focus Problems');
    await until('the Problems panel to count the findings', async () => {
      const status = (
        await page
          .locator('[id="status.problems"]')
          .innerText()
          .catch(() => '')
      ).replace(/\s+/g, ' ');
      return status.includes(String(counts.error)) && status.includes(String(counts.warning))
        ? true
        : `status bar shows "${status}", expected ${counts.error} errors and ${counts.warning} warnings`;
    });
    await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: STEP_MS });
    await page.screenshot({ path: path.join(IMAGES, 'feed-problems-outline.png') });
    log(
      `feed-problems-outline.png: outline lists ${titles.length} releases, ${counts.error} errors and ${counts.warning} warnings`,
    );

    // 2. A hover on a title.
    const title = titles[1];
    const titleSpan = page.locator('.view-line', { hasText: title }).first();
    await titleSpan.hover({ position: { x: 40, y: 8 } });
    await until('the hover on a title', async () => {
      const hover = await page
        .locator('.monaco-hover')
        .first()
        .innerText()
        .catch(() => '');
      return /words in \d+ paragraph/.test(hover) ? true : `hover shows "${hover.slice(0, 80)}"`;
    });
    await page.screenshot({ path: path.join(IMAGES, 'hover-title.png') });
    log('hover-title.png: the hover shows the date, counts and source');
    // The hover must be gone before the next click, or it takes the click: move the pointer off it, then wait.
    await page.keyboard.press('Escape');
    await page.mouse.move(1, 1);
    await until('the hover to close', async () =>
      (await page.locator('.monaco-hover:visible').count()) === 0 ? true : 'a hover is still open',
    );

    // 3. The quick-fix menu on a finding.
    const dateLine = page.locator('.view-line', { hasText: '2025-02-11' }).first();
    await dateLine.click({ position: { x: 5, y: 8 } });
    await page.keyboard.press('End');
    await page.keyboard.press('Control+.');
    await until('the quick-fix menu', async () => {
      const menu = await page
        .locator('.action-widget')
        .first()
        .innerText()
        .catch(() => '');
      return menu.includes('Rewrite as 11.02.2025') ? true : `menu shows "${menu.slice(0, 80)}"`;
    });
    await page.screenshot({ path: path.join(IMAGES, 'quick-fix.png') });
    log('quick-fix.png: the menu offers "Rewrite as 11.02.2025"');
    await page.keyboard.press('Escape');
    await ruleLink(page);
    // Back to the feed by its tab: keys typed now would go to the preview's frame, which has the focus.
    await page.locator('.tab', { hasText: 'sample' }).first().click();
    await page.locator('.tab.active', { hasText: 'sample' }).waitFor({ timeout: STEP_MS });
    await formatDocument(page);
    await walkthrough(page);
    await standardRelease(page);
    await workspaceNames(page);
  } finally {
    await browser.close().catch(() => undefined);
    server.stop();
  }
}

/** Whether a frame of the page (a webview: the Markdown preview, a walkthrough step) shows `text`. */
async function frameShows(page: Page, text: string): Promise<string | true> {
  for (const frame of page.frames()) {
    const body = await frame
      .locator('body')
      .allInnerTexts()
      .catch(() => [] as string[]);
    if (body.some((t) => t.includes(text))) return true;
  }
  return `no frame shows "${text}"`;
}

/** The rule link in a problem's hover opens the rule's shipped page in the Markdown preview. */
async function ruleLink(page: Page): Promise<void> {
  await page.mouse.move(1, 1);
  await page.locator('.view-line span', { hasText: '2025-02-11' }).last().hover();
  const link = page.locator('.monaco-hover a.code-link', { hasText: 'date-format' }).first();
  await link.waitFor({ timeout: STEP_MS });
  await link.click();
  await until('the rule page in the Markdown preview', async () => {
    const tabs = await page.locator('.tab').allInnerTexts();
    return tabs.some((t) => t.includes('Preview date-format.md')) ? true : `tabs: ${JSON.stringify(tabs)}`;
  });
  await until('the preview to render the page', () => frameShows(page, 'What it catches'));
  await page.screenshot({ path: path.join(IMAGES, 'rule-page.png') });
  log('rule-page.png: the hover link opened date-format.md in the Markdown preview');
}

/** 4. Format Document: the safe fixes applied, the ISO date rewritten in the house format. */
async function formatDocument(page: Page): Promise<void> {
  await command(page, 'Format Document');
  await until('Format Document to rewrite the date', async () => {
    const lines = await page.locator('.view-line').allInnerTexts();
    const flat = lines.map((l) => l.replace(/\u00a0/g, ' '));
    return flat.some((l) => l.includes('2025-02-11')) ? 'the ISO date is still there' : true;
  });
  // The server publishes fresh diagnostics a moment after the edit; the picture shows the Problems view with them.
  await until('the Problems view to drop the fixed date', async () => {
    const problems = await page
      .locator('.markers-panel')
      .first()
      .innerText()
      .catch(() => '');
    return problems.includes('"2025-02-11"') ? 'the date-format problem is still listed' : true;
  });
  await page.screenshot({ path: path.join(IMAGES, 'format-document.png') });
  log('format-document.png: the date reads 11.02.2025 after Format Document');
}

/** 5. The walkthrough, opened as a user finds it (Welcome: Open Walkthrough...), its first step's page shown. */
async function walkthrough(page: Page): Promise<void> {
  const title = 'Get started with Press Release Lint';
  // The walkthrough needs the editor's height: the Problems panel would squeeze it.
  await command(page, 'View: Hide Panel');
  await command(page, 'Welcome: Open Walkthrough...');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().click({ timeout: STEP_MS });
  await until('the walkthrough and its first step', async () => {
    const shown = (await page.locator('.gettingStartedContainer').allInnerTexts()).join(' ');
    return shown.includes('Open a sample feed') ? true : `the page shows "${shown.slice(0, 80)}"`;
  });
  // The step's page is Markdown in a webview, a frame of its own.
  await until("the step's page", () => frameShows(page, 'A feed of releases'));
  await page.screenshot({ path: path.join(IMAGES, 'walkthrough.png') });
  log('walkthrough.png: the walkthrough lists its four steps beside the first step page');
}

/** 6. A standard release with its squiggles, its outline of parts, and its format in the status bar. */
async function standardRelease(page: Page): Promise<void> {
  const analysis = lint(fs.readFileSync(STANDARD, 'utf8'));
  const parts = outline(analysis).map((n) => n.name);
  await openFile(page, 'standard.release');
  // The outline needs the sidebar's height: the file tree is folded (the walkthrough hid the Problems panel).
  await page.locator('.pane-header', { hasText: 'workspace' }).first().click();
  await command(page, 'Explorer: Focus on Outline View');
  await until('the outline to list the parts of the release', async () => {
    const shown = await page.locator('.outline-pane .monaco-list-row, [id="outline"] .monaco-list-row').allInnerTexts();
    const missing = parts.filter((p) => !shown.some((s) => s.includes(p)));
    return missing.length === 0 ? true : `missing ${JSON.stringify(missing)} in ${JSON.stringify(shown)}`;
  });
  await until('the status bar to name the format', async () => {
    const items = await page.locator('.statusbar-item').allInnerTexts();
    return items.some((t) => t.includes('Standard release')) ? true : `status bar: ${JSON.stringify(items)}`;
  });
  await until('squiggles on the release', async () =>
    (await page.locator('.squiggly-warning, .squiggly-info').count()) >= analysis.findings.length
      ? true
      : `fewer squiggles than the ${analysis.findings.length} findings`,
  );
  await page.mouse.move(700, 600);
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: STEP_MS });
  await page.screenshot({ path: path.join(IMAGES, 'standard-release-outline.png') });
  log(`standard-release-outline.png: the outline lists ${parts.length} parts, the status bar says Standard release`);
}

/**
 * 7. `inconsistent-name` across files: desk/tuesday.release alone, its one Zhumagaliev hovered, the message naming
 * the spelling of desk/monday.release (closed, read by the workspace index) and a link into that file.
 */
async function workspaceNames(page: Page): Promise<void> {
  const message = '"Zhumagaliev" is also spelled "Zhumagaliyev" (2× in 1 file)';
  await openFile(page, 'tuesday.release');
  const squiggle = page.locator('.squiggly-warning').first();
  await until('the squiggle on Zhumagaliev', async () =>
    (await squiggle.count()) > 0 ? true : 'no .squiggly-warning in tuesday.release',
  );
  // The squiggle is drawn under the text, so the pointer goes to its place rather than onto the element.
  const box = await squiggle.boundingBox();
  if (!box) throw new Error('screenshots: the squiggle on Zhumagaliev has no box');
  await page.mouse.move(1, 1);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await until('the hover on Zhumagaliev', async () => {
    const hover = (
      await page
        .locator('.monaco-hover')
        .allInnerTexts()
        .catch(() => [] as string[])
    ).join(' ');
    return hover.includes(message) && hover.includes('Spelled "Zhumagaliyev" 2× in monday.release')
      ? true
      : `hover shows "${hover.slice(0, 160)}"`;
  });
  await page.screenshot({ path: path.join(IMAGES, 'workspace-names.png') });
  log('workspace-names.png: the hover on Zhumagaliev names Zhumagaliyev, 2× in monday.release, with its link');
}
