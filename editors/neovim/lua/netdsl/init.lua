-- NetDsl for Neovim 0.7 and later: the netdsl filetype for *.netdsl and `netdsl lsp` attached to those buffers.
-- Uses only what Neovim 0.7 has (vim.lsp.start_client, vim.lsp.buf_attach_client; no vim.lsp.start, no lspconfig).
--
--   vim.opt.runtimepath:append('/path/to/netdsl/editors/neovim')
--   require('netdsl').setup({ cmd = { 'netdsl', 'lsp' }, parameters = { ROUTINGPREFIX = '2001:db8:1::/48' } })
local M = {}

function M.setup(opts)
  opts = opts or {}
  local cmd = opts.cmd or { 'netdsl', 'lsp' }
  local settings = { netdsl = { parameters = opts.parameters or vim.empty_dict() } }
  local client_id = nil

  vim.cmd([[
    augroup netdsl_filetype
      autocmd!
      autocmd BufRead,BufNewFile *.netdsl setfiletype netdsl
    augroup END
  ]])

  vim.api.nvim_create_autocmd('FileType', {
    pattern = 'netdsl',
    callback = function(args)
      vim.bo[args.buf].commentstring = '# %s'
      vim.bo[args.buf].comments = ':#'
      if client_id == nil or vim.lsp.get_client_by_id(client_id) == nil then
        client_id = vim.lsp.start_client({
          name = 'netdsl',
          cmd = cmd,
          root_dir = vim.fn.getcwd(),
          init_options = settings.netdsl,
          settings = settings,
        })
      end
      if client_id ~= nil then
        vim.lsp.buf_attach_client(args.buf, client_id)
      end
    end,
  })
end

return M
