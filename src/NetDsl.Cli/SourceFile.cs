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
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            console.Error.WriteLine($"netdsl: cannot read '{path}': {e.Message}");
            return null;
        }
        var result = NetDslCompiler.Compile(text, path, overrides);
        if (printDiagnostics) Print(result, path, console);
        return result;
    }

    public static void Print(CompilationResult result, string path, CliConsole console)
    {
        foreach (var d in result.Diagnostics.Where(d => d.Severity >= Severity.Warning))
            console.Error.WriteLine(result.Format(d, path));
    }
}
