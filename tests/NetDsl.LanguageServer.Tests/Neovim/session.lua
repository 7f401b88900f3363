-- Driven by NeovimTests: opens a .netdsl file in headless Neovim with editors/neovim's setup, waits for the
-- server's diagnostics, asks for a hover and a completion, and writes what Neovim holds as JSON.
local out = os.getenv('NETDSL_NVIM_OUT')
local function finish(result)
  local f = io.open(out, 'w')
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  vim.opt.runtimepath:append(os.getenv('NETDSL_NVIM_RUNTIME'))
  require('netdsl').setup({
    cmd = { 'dotnet', os.getenv('NETDSL_CLI_DLL'), 'lsp', '--diagnostics-delay', '0' },
    parameters = { DNS_GOOGLE = '2001:4860:4860::8844' },
  })
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('NETDSL_NVIM_FILE')))
  local buf = vim.api.nvim_get_current_buf()
  local result = { filetype = vim.bo[buf].filetype }

  result.attached = vim.wait(30000, function() return #vim.lsp.buf_get_clients(buf) > 0 end, 50)
  result.diagnosed = vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(result.diagnostics, { lnum = d.lnum, col = d.col, severity = d.severity, code = d.code, message = d.message })
  end

  local function request(method, line, character)
    local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = line, character = character } }
    local responses = vim.lsp.buf_request_sync(buf, method, params, 20000)
    for _, r in pairs(responses or {}) do
      if r.result then return r.result end
      if r.err then return { error = r.err.message } end
    end
    return vim.NIL
  end
  local hover = tonumber(os.getenv('NETDSL_NVIM_HOVER_LINE'))
  local hover_col = tonumber(os.getenv('NETDSL_NVIM_HOVER_COL'))
  result.hover = request('textDocument/hover', hover, hover_col)
  local completion_line = tonumber(os.getenv('NETDSL_NVIM_COMPLETION_LINE'))
  local completion_col = tonumber(os.getenv('NETDSL_NVIM_COMPLETION_COL'))
  local completion = request('textDocument/completion', completion_line, completion_col)
  result.completion = {}
  for _, item in ipairs((completion ~= vim.NIL and (completion.items or completion)) or {}) do
    table.insert(result.completion, item.label)
  end
  finish(result)
end)
if not ok then finish({ error = tostring(err) }) end
