using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using NetDsl.Generators;

namespace NetDsl.Benchmarks;

/// <summary>
/// The generator on the 10,000-container file: a cold run, and a run after a one-line edit (what the IDE pays
/// per keystroke), against the core's plain `check` of the same file as the yardstick.
/// Goal: the one-line edit costs no more than the plain check.
/// </summary>
[MemoryDiagnoser]
// Job mutators, not a job of its own: Program runs every class in process (--inProcess), and a job declared here would
// run beside that one — the default job's up to 100 iterations of a second each then outlast the in-process toolchain's
// time limit on a loaded machine.
[WarmupCount(2)]
[IterationCount(8)]
public class GeneratorBenchmarks
{
    private const int Containers = 10_000;
    private const string Path = "/bench/large.netdsl";

    private string _text = "";
    private Compilation _compilation = null!;
    private AdditionalText _file = null!;
    private AdditionalText _edited = null!;
    private GeneratorDriver _warm = null!;

    [GlobalSetup]
    public void Setup()
    {
        _text = NetDsl.TestSupport.LargeFiles.Generate(networks: 1000, containers: Containers);
        _file = new Text(Path, _text);
        _edited = new Text(Path, NetDsl.TestSupport.LargeFiles.EditOneLine(_text, Containers));
        _compilation = CSharpCompilation.Create("Bench",
            new[] { CSharpSyntaxTree.ParseText("class A { }") },
            Basic.Reference.Assemblies.Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _warm = NewDriver(_file).RunGenerators(_compilation);
        var result = _warm.GetRunResult().Results.Single();
        if (result.Exception is not null || result.GeneratedSources.Length == 0 || result.Diagnostics.Length > 0)
            throw new System.InvalidOperationException("the benchmark file does not generate: " + string.Join("\n", result.Diagnostics));
    }

    [Benchmark(Baseline = true, Description = "core check (parse + bind)")]
    public object PlainCheck() => NetDslCompiler.Compile(_text, Path);

    [Benchmark(Description = "generator, cold")]
    public GeneratorDriver GeneratorCold() => NewDriver(_file).RunGenerators(_compilation);

    [Benchmark(Description = "generator, one-line edit")]
    public GeneratorDriver GeneratorOneLineEdit() => _warm.ReplaceAdditionalText(_file, _edited).RunGenerators(_compilation);

    private static GeneratorDriver NewDriver(AdditionalText file) =>
        CSharpGeneratorDriver.Create(new[] { new NetDslGenerator().AsSourceGenerator() }, new[] { file });

    private sealed class Text : AdditionalText
    {
        private readonly SourceText _text;

        public Text(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(System.Threading.CancellationToken cancellationToken = default) => _text;
    }
}
