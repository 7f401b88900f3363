using System;
using NetDsl.Docker.Processes;

namespace NetDsl.Diagrams.Tests.Renderers;

/// <summary>Graphviz's <c>dot -Tsvg</c> on one graph: the SVG, or dot's complaint.</summary>
public static class GraphvizDot
{
    public static (string? Svg, string? Error) Render(string dot)
    {
        var run = ProcessRunner.RunAsync(RendererRequirement.RequireDot(), new[] { "-Tsvg" }, dot, TimeSpan.FromMinutes(2)).GetAwaiter().GetResult();
        // dot reports syntax errors on stderr and exits 1; warnings (a label it cannot place) also go to stderr, with exit 0.
        return run.Succeeded && run.StandardError.Length == 0 ? (run.StandardOutput, null) : (null, $"exit {run.ExitCode}: {run.StandardError}");
    }
}
