using System;
using System.Collections.Generic;
using System.IO;
using NetDsl.Docker.Processes;

namespace NetDsl.Diagrams.Tests.Renderers;

/// <summary>What Mermaid made of one diagram: the SVG, or the error it raised (a parse error, a layout failure).</summary>
public sealed record MermaidOutcome(string? Svg, string? Error);

/// <summary>
/// Runs <c>mermaid/render.mjs</c> (Mermaid's CLI library in Debian's chromium) over many diagrams at once: one
/// browser session for all of them, which is what keeps a hundred diagrams to seconds.
/// </summary>
public static class MermaidCli
{
    public static IReadOnlyDictionary<string, MermaidOutcome> Render(IReadOnlyDictionary<string, string> diagrams)
    {
        string work = Path.Combine(Path.GetTempPath(), "netdsl-mermaid-" + Guid.NewGuid().ToString("N"));
        string input = Path.Combine(work, "in"), output = Path.Combine(work, "out");
        Directory.CreateDirectory(input);
        try
        {
            foreach (var (name, text) in diagrams) File.WriteAllText(Path.Combine(input, name + ".mmd"), text);
            var run = ProcessRunner.RunAsync("node", new[] { Path.Combine(RendererRequirement.MermaidFolder, "render.mjs"), input, output },
                timeout: TimeSpan.FromMinutes(10)).GetAwaiter().GetResult();
            if (!run.Succeeded) throw new InvalidOperationException($"Mermaid's renderer failed (exit {run.ExitCode}): {run.StandardError}{run.StandardOutput}");
            var outcomes = new Dictionary<string, MermaidOutcome>();
            foreach (var name in diagrams.Keys)
            {
                string svg = Path.Combine(output, name + ".svg"), error = Path.Combine(output, name + ".error");
                outcomes[name] = File.Exists(svg) ? new MermaidOutcome(File.ReadAllText(svg), null)
                    : new MermaidOutcome(null, File.Exists(error) ? File.ReadAllText(error) : "no output at all");
            }
            return outcomes;
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }
}
