using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.LanguageServer.Tests;

/// <summary>
/// A real editor NetDsl did not write: Debian's Neovim 0.7, headless, with editors/neovim's setup
/// (vim.lsp.start_client + vim.lsp.buf_attach_client) starting `netdsl lsp` for a .netdsl buffer. What Neovim then
/// holds — vim.diagnostic.get(), a hover, a completion — is read back and checked against the core.
/// </summary>
public class NeovimTests
{
    [Test]
    public void Neovim_shows_diagnostics_hover_and_completion_from_netdsl_lsp()
    {
        string nvim = EditorRequirement.RequireNeovim();
        string dir = Path.Combine(Path.GetTempPath(), "netdsl-nvim-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            // The seed example with one typo: the container's network.
            var lines = File.ReadAllText(RepoPaths.SquidExample).Split('\n');
            int container = Array.FindIndex(lines, l => l.StartsWith("container cnt01 on br_ipv6_nw", StringComparison.Ordinal));
            lines[container] = lines[container].Replace("br_ipv6_nw", "br_ipv6_nx");
            string text = string.Join("\n", lines);
            string file = Path.Combine(dir, "lab.netdsl");
            File.WriteAllText(file, text);
            int network = Array.FindIndex(lines, l => l.StartsWith("network br_ipv6_nw", StringComparison.Ordinal));

            var start = new ProcessStartInfo(nvim) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
            foreach (var a in new[] { "--headless", "--clean", "-n", "-i", "NONE", "-c", "luafile " + Path.Combine(RepoPaths.Root, "tests", "NetDsl.LanguageServer.Tests", "Neovim", "session.lua") })
                start.ArgumentList.Add(a);
            string output = Path.Combine(dir, "result.json");
            var env = new Dictionary<string, string>
            {
                ["NETDSL_NVIM_OUT"] = output,
                ["NETDSL_NVIM_RUNTIME"] = Path.Combine(RepoPaths.Root, "editors", "neovim"),
                ["NETDSL_CLI_DLL"] = LspClient.CliDll,
                ["NETDSL_NVIM_FILE"] = file,
                ["NETDSL_NVIM_HOVER_LINE"] = network.ToString(),
                ["NETDSL_NVIM_HOVER_COL"] = "10",
                ["NETDSL_NVIM_COMPLETION_LINE"] = (container + 1).ToString(),
                ["NETDSL_NVIM_COMPLETION_COL"] = "2",
            };
            foreach (var (k, v) in env) start.Environment[k] = v;
            using var process = Process.Start(start)!;
            process.StandardInput.Close();
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            bool exited = process.WaitForExit(180_000);
            if (!exited) process.Kill(entireProcessTree: true);
            Assert.That(exited, Is.True, "Neovim did not finish: " + stdout.Result + stderr.Result);
            Assert.That(File.Exists(output), Is.True, "Neovim wrote no result: " + stdout.Result + stderr.Result);
            var result = JsonNode.Parse(File.ReadAllText(output))!;
            Assert.That(result["error"], Is.Null, result.ToJsonString());
            Assert.That(result["filetype"]!.GetValue<string>(), Is.EqualTo("netdsl"));
            Assert.That(result["attached"]!.GetValue<bool>() && result["diagnosed"]!.GetValue<bool>(), Is.True, result.ToJsonString());

            // vim.diagnostic.get() holds exactly what the core reports (warnings and errors), where it reports them.
            var compiled = NetDslCompiler.Compile(text, "lab.netdsl");
            var expected = compiled.Diagnostics.Where(d => d.Severity >= Diagnostics.Severity.Warning)
                .Select(d => (Where: compiled.Locate(d.Span), d)).Select(x => $"{x.Where.Line - 1}:{x.Where.Column - 1} {x.d.Id} {x.d.MessageWithFix}");
            var seen = ((JsonArray)result["diagnostics"]!).Select(d => $"{d!["lnum"]}:{d["col"]} {d["code"]} {d["message"]}");
            Assert.That(seen, Is.EquivalentTo(expected));
            Assert.That(seen.Any(s => s.StartsWith($"{container}:19 NDSL1001 No network named 'br_ipv6_nx'", StringComparison.Ordinal)), Is.True);

            Assert.That(result["hover"]!["contents"]!["value"]!.GetValue<string>(), Does.Contain("gateway `fd5a:ceb9:ed8d:1::1`"), result.ToJsonString());
            Assert.That(((JsonArray)result["completion"]!).Select(c => c!.GetValue<string>()), Is.SupersetOf(new[] { "image", "command", "tty", "CNT01_IMAGE" }));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
