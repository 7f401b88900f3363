using System;
using NetDsl.Docker.Processes;

namespace NetDsl.Cli.Commands;

/// <summary>SVG from DOT through Graphviz's own <c>dot</c>: NetDsl writes the graph, Graphviz lays it out.</summary>
internal static class Graphviz
{
    public const string InstallHint =
        "install Graphviz (Debian/Ubuntu: apt-get install graphviz; Fedora: dnf install graphviz; macOS: brew install graphviz), " +
        "or write DOT with --format dot and render it elsewhere";

    /// <summary>The SVG, or an error saying what failed and what to do.</summary>
    public static (string? Svg, string? Error) Svg(string dot)
    {
        var result = ProcessRunner.RunAsync("dot", new[] { "-Tsvg" }, dot, TimeSpan.FromMinutes(5)).GetAwaiter().GetResult();
        if (result.ExitCode == 127 && result.StandardError.StartsWith("cannot start", StringComparison.Ordinal))
            return (null, "--format svg needs Graphviz's `dot` on PATH, and it is not there: " + InstallHint + ".");
        if (!result.Succeeded)
            return (null, $"`dot -Tsvg` failed (exit {result.ExitCode}): {result.StandardError.Trim()}");
        return (result.StandardOutput, null);
    }
}
