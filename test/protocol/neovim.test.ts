/**
 * Neovim as a real client of the built server, set up as docs/editors.md tells users (`test/support/neovimLsp.lua`
 * does the editor's side). Debian's `neovim` is installed when it is missing, as root; without it the test fails
 * and says how to install it, rather than skipping.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, DocumentSymbol, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { ensureDebianPackages } from '../support/apt';
import { SERVER } from '../support/lspClient';
import { COURT_FEED, NAMES_RELEASE } from '../support/protocolFeeds';

const ROOT = path.join(__dirname, '..', '..', '..');
const LUA = path.join(ROOT, 'test', 'support', 'neovimLsp.lua');
const FEED = `${NAMES_RELEASE}\n${COURT_FEED}\n`;

interface NeovimResult {
  version: string;
  errors: string[];
  filetype: string;
  diagnostics: Diagnostic[];
  shown: number;
  symbols: DocumentSymbol[] | null;
  hover: Hover | null;
  actions: Array<{ code: string; actions: CodeAction[] | null }>;
}

/** The zero-based position of the first `word` in `text`, in UTF-16 units as LSP counts them. */
function positionOf(text: string, word: string): { line: number; character: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(word));
  return { line, character: lines[line].indexOf(word) + 1 };
}

function runNeovim(dir: string): NeovimResult {
  const feed = path.join(dir, 'feed.release');
  const out = path.join(dir, 'result.json');
  fs.writeFileSync(feed, FEED);
  const env = {
    ...process.env,
    PRL_SERVER_CMD: JSON.stringify([process.execPath, SERVER, '--stdio']),
    PRL_FEED: feed,
    PRL_HOVER: JSON.stringify(positionOf(FEED, 'Nurgaliev')),
    PRL_OUT: out,
  };
  // Neovim 0.7 (Debian 12's) detects filetypes added with vim.filetype.add only when told so before start-up.
  const args = ['--headless', '--clean', '--cmd', 'lua vim.g.do_filetype_lua = 1', '-c', `luafile ${LUA}`];
  const nvim = spawnSync('nvim', args, {
    cwd: dir,
    env,
    encoding: 'utf8',
    timeout: 45_000,
  });
  const said = `nvim exited with ${nvim.status ?? nvim.signal}; stdout: ${nvim.stdout}; stderr: ${nvim.stderr}`;
  assert.ok(fs.existsSync(out), `Neovim wrote no result. ${said}`);
  return JSON.parse(fs.readFileSync(out, 'utf8')) as NeovimResult;
}

describe('Neovim as a client', function () {
  this.timeout(60_000);
  let dir: string;
  let result: NeovimResult;

  before(function () {
    // Installing Debian's neovim (and updating apt's lists first) can take minutes on a fresh machine.
    this.timeout(600_000);
    ensureDebianPackages(['neovim'], 'The Neovim protocol test', (line) => console.log(`      [neovim] ${line}`));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prl-neovim-'));
    result = runNeovim(dir);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('starts the server on the pressrelease filetype without errors', () => {
    assert.deepEqual(result.errors, [], result.version);
    assert.equal(result.filetype, 'pressrelease');
  });

  it('gets the diagnostics, and shows them', () => {
    const codes = result.diagnostics.map((d) => d.code);
    assert.deepEqual([...new Set(codes)].sort(), ['date-format', 'inconsistent-name', 'sentence-spacing']);
    assert.equal(result.shown, result.diagnostics.length);
  });

  it('gets the outline with the release titles', () => {
    const names = JSON.stringify(result.symbols);
    assert.match(names, /S\. Nurgaliyev opened the pumping station/);
    assert.match(names, /Court opens on Saturdays/);
  });

  it('gets a hover on a name', () => {
    const contents = result.hover?.contents as MarkupContent | undefined;
    assert.match(contents?.value ?? '', /\*\*Serik Nurgaliev\*\* · person/);
    assert.match(contents?.value ?? '', /Spellings: Nurgaliyev \(1×\), \*\*Nurgaliev\*\* \(2×\)/);
  });

  it('gets a quick fix for a diagnostic', () => {
    const titles = result.actions.flatMap((a) => (a.actions ?? []).map((x) => `${a.code}: ${x.title}`));
    assert.ok(titles.includes('inconsistent-name: Replace with "Nurgaliev"'), titles.join('\n'));
    assert.ok(titles.includes('date-format: Rewrite as 05.02.2025'), titles.join('\n'));
  });
});
