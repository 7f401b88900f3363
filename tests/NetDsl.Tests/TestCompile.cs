using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetDsl.Diagnostics;
using NetDsl.Model;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Tests;

/// <summary>Compiling helpers shared by the core tests.</summary>
internal static class TestCompile
{
    public static string ExampleText => File.ReadAllText(RepoPaths.SquidExample);

    public static NetworkModel Example(IReadOnlyDictionary<string, string>? overrides = null)
    {
        var result = NetDslCompiler.Compile(ExampleText, "lab.netdsl", overrides);
        Assert.That(result.Errors.Select(e => e.ToString()), Is.Empty);
        return result.Model!;
    }

    public static CompilationResult Compile(string text, IReadOnlyDictionary<string, string>? overrides = null) =>
        NetDslCompiler.Compile(text, "test.netdsl", overrides);

    public static IEnumerable<string> Ids(this CompilationResult result, Severity minimum = Severity.Warning) =>
        result.Diagnostics.Where(d => d.Severity >= minimum).Select(d => d.Id);
}
