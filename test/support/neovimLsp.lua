-- Neovim as a client of the language server, for test/protocol/neovim.test.ts. It is set up the way
-- docs/editors.md tells users to: `.release` files get the filetype `pressrelease`, and an autocmd on that
-- filetype starts the server with vim.lsp.start. It then opens the feed, waits for diagnostics, asks for
-- document symbols, a hover and the code actions of each diagnostic, writes what came back as JSON and quits.
-- Inputs come from the environment: PRL_SERVER_CMD (a JSON list), PRL_FEED, PRL_HOVER ({line, character})
-- and PRL_OUT, the file the JSON goes to.
local out = os.getenv('PRL_OUT')
local feed = os.getenv('PRL_FEED')
local cmd = vim.fn.json_decode(os.getenv('PRL_SERVER_CMD'))
local hover_at = vim.fn.json_decode(os.getenv('PRL_HOVER'))
local TIMEOUT_MS = 15000
local result = { version = vim.fn.execute('version'):match('NVIM v[^\n]*'), errors = {} }
local published = nil

-- Debian 12 ships Neovim 0.7, which has no vim.lsp.start: these are the two calls it makes there.
local start = vim.lsp.start or function(config)
  local id = vim.lsp.start_client(config)
  if id then vim.lsp.buf_attach_client(0, id) end
  return id
end

-- Neovim 0.7 reads vim.filetype.add only when vim.g.do_filetype_lua was set before start-up, which the test
-- does with --cmd; later versions always do.
vim.filetype.add({ extension = { release = 'pressrelease' } })

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'pressrelease',
  callback = function(args)
    start({
      name = 'press-release-lint',
      cmd = cmd,
      root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(args.buf), ':p:h'),
      handlers = {
        -- The raw diagnostics are kept for the code action requests; Neovim's own handler still runs.
        ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
          published = params
          return vim.lsp.handlers['textDocument/publishDiagnostics'](err, params, ctx, config)
        end,
      },
    })
  end,
})

-- One request to the server, answered within the timeout, or an error in the result.
local function request(buf, method, params)
  local answers, err = vim.lsp.buf_request_sync(buf, method, params, TIMEOUT_MS)
  if not answers then
    table.insert(result.errors, method .. ': ' .. tostring(err))
    return nil
  end
  for _, answer in pairs(answers) do
    if answer.err then table.insert(result.errors, method .. ': ' .. vim.inspect(answer.err)) end
    return answer.result
  end
end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(feed))
  local buf = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[buf].filetype
  local arrived = vim.wait(TIMEOUT_MS, function()
    return published ~= nil and #published.diagnostics > 0 and #vim.diagnostic.get(buf) > 0
  end, 50)
  if not arrived then error('no diagnostics within ' .. TIMEOUT_MS .. ' ms') end
  result.diagnostics = published.diagnostics
  result.shown = #vim.diagnostic.get(buf)
  local doc = { uri = vim.uri_from_bufnr(buf) }
  result.symbols = request(buf, 'textDocument/documentSymbol', { textDocument = doc })
  result.hover = request(buf, 'textDocument/hover', { textDocument = doc, position = hover_at })
  result.actions = {}
  for _, d in ipairs(published.diagnostics) do
    local params = { textDocument = doc, range = d.range, context = { diagnostics = { d } } }
    table.insert(result.actions, { code = d.code, actions = request(buf, 'textDocument/codeAction', params) })
  end
end

local ok, err = xpcall(run, debug.traceback)
if not ok then table.insert(result.errors, err) end
vim.fn.writefile({ vim.fn.json_encode(result) }, out)
-- Stop the server the way Neovim does on exit (shutdown, then exit), and wait for it to go.
local clients = vim.lsp.get_clients or vim.lsp.get_active_clients
vim.lsp.stop_client(clients())
vim.wait(3000, function() return #clients() == 0 end, 50)
vim.cmd('qall!')
