using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NetDsl.Model;

namespace NetDsl.Generators.Tests.Support;

/// <summary>Runs the generator the way the compiler does (CSharpGeneratorDriver) on a small consumer compilation.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>.NET 10 reference assemblies (from a package, so nothing is downloaded) plus the NetDsl core.</summary>
    public static readonly ImmutableArray<MetadataReference> References =
        Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(NetworkModel).Assembly.Location))
            .ToImmutableArray();

    public static CSharpCompilation Compilation(params string[] sources) =>
        CSharpCompilation.Create("Consumer",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: "Consumer" + i + ".cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999));

    public static GeneratorDriver Driver(IEnumerable<AdditionalText> files, AnalyzerConfigOptionsProvider? options = null, bool trackSteps = true) =>
        CSharpGeneratorDriver.Create(
            new[] { new NetDslGenerator().AsSourceGenerator() },
            files,
            ParseOptions,
            options ?? ConfigOptionsProvider.Empty,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    public sealed record Run(GeneratorDriver Driver, GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics);

    public static Run RunOn(IEnumerable<AdditionalText> files, AnalyzerConfigOptionsProvider? options = null, CSharpCompilation? compilation = null)
    {
        var driver = Driver(files, options);
        compilation ??= Compilation("namespace Consumer { public static class Marker { } }");
        if (options is ConfigOptionsProvider config) compilation = config.ApplyTo(compilation);
        return Continue(driver, compilation);
    }

    public static Run Continue(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new Run(driver, driver.GetRunResult(), output, diagnostics);
    }

    public static Run RunOn(string path, string text, AnalyzerConfigOptionsProvider? options = null) =>
        RunOn(new[] { new InMemoryAdditionalText(path, text) }, options);

    public static string Example => File.ReadAllText(NetDsl.TestSupport.RepoPaths.SquidExample);

    public static string ExamplePath => "/repo/examples/squid-ipv6/lab.netdsl";
}
