using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using NetDsl.Diagnostics;

namespace NetDsl.Cli;

/// <summary>Reading and compiling the .netdsl file every command starts from, with --set overrides.</summary>
public static class SourceFile
{
    public static Option<string[]> SetOption() => new("--set")
    {
        Description = "Override a parameter: --set NAME=VALUE (repeatable).",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>Parses NAME=VALUE pairs; null (with a message written) when one is malformed.</summary>
    public static Dictionary<string, string>? ParseOverrides(IEnumerable<string>? sets, CliConsole console)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var set in sets ?? Array.Empty<string>())
        {
            int eq = set.IndexOf('=');
            if (eq <= 0)
            {
                console.Error.WriteLine($"netdsl: --set '{set}': expected NAME=VALUE");
                return null;
            }
            result[set.Substring(0, eq)] = set.Substring(eq + 1);
        }
        return result;
    }

    /// <summary>Compiles a file and prints its diagnostics (errors and warnings) to stderr. Null when it cannot be read.</summary>
    public static CompilationResult? Compile(string path, IEnumerable<string>? sets, CliConsole console, bool printDiagnostics = true)
    {
        var overrides = ParseOverrides(sets, console);
        if (overrides is null) return null;
        var text = Read(path, console);
        if (text is null) return null;
        var result = NetDslCompiler.Compile(text, path, overrides);
        if (printDiagnostics) Print(result, path, console);
        return result;
    }

    /// <summary>A file's text, or null with a message that names the cause (not found, a directory, no permission).</summary>
    public static string? Read(string path, CliConsole console)
    {
        string shown = MessageText.Cut(path);
        if (Directory.Exists(path))
        {
            console.Error.WriteLine($"netdsl: '{shown}' is a directory; give the .netdsl file in it (e.g. {Path.Combine(shown, "lab.netdsl")}).");
            return null;
        }
        if (!File.Exists(path))
        {
            console.Error.WriteLine($"netdsl: '{shown}': file not found.");
            return null;
        }
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            console.Error.WriteLine($"netdsl: cannot read '{shown}': {e.Message}");
            return null;
        }
    }

    /// <summary>At most this many diagnostics are printed: the first ones (root causes come first), then a count of the rest.</summary>
    public const int MaxPrinted = 100;

    public static void Print(CompilationResult result, string path, CliConsole console) =>
        Print(result.Diagnostics.Where(d => d.Severity >= Severity.Warning), d => result.Format(d, path), console);

    /// <param name="format">How one prints (<see cref="CompilationResult.Format"/>: it places the span in the file).</param>
    public static void Print(IEnumerable<NetDslDiagnostic> diagnostics, Func<NetDslDiagnostic, string> format, CliConsole console)
    {
        int printed = 0, errors = 0, warnings = 0;
        foreach (var d in diagnostics)
        {
            if (printed < MaxPrinted)
            {
                console.Error.WriteLine(format(d));
                printed++;
                continue;
            }
            if (d.IsError) errors++;
            else warnings++;
        }
        if (errors + warnings > 0)
            console.Error.WriteLine($"netdsl: {errors + warnings} more diagnostic(s) not shown ({errors} error(s), {warnings} warning(s)); fix the ones above first.");
    }
}
