using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetDsl.Generators.Tests.Support;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Generators.Tests;

/// <summary>
/// A .netdsl file with errors keeps its generated C# API: every member that bound, and a stand-in of the right type
/// for each statement that did not. So the C# that uses the class compiles, and a build shows the NDSL errors alone —
/// never CS0103/CS0246 in another file.
/// </summary>
public class ApiOnErrorsTests
{
    private static readonly ConfigOptionsProvider SquidNamespace = new(Array.Empty<(string, string)>(), new Dictionary<string, string> { ["NetDslNamespace"] = "Squid.Ipv6" });

    private static string Program => File.ReadAllText(Path.Combine(RepoPaths.Root, "examples", "squid-ipv6", "Program.cs"));

    /// <summary>The example's own Program.cs (which uses networks, containers, NPTv6 rules and parameters), against a broken file.</summary>
    private static List<Diagnostic> CSharpErrors(string netdsl, out GeneratorHarness.Run run)
    {
        var compilation = GeneratorHarness.Compilation("global using System;\nglobal using System.Linq;\n" + "namespace Consumer { }", Program)
            .WithOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        run = GeneratorHarness.RunOn(new[] { new InMemoryAdditionalText(GeneratorHarness.ExamplePath, netdsl) }, SquidNamespace, compilation);
        return run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    }

    [Test]
    public void The_example_program_compiles_against_the_example()
    {
        Assert.That(CSharpErrors(GeneratorHarness.Example, out _), Is.Empty);
    }

    // One mistake in each statement the program uses (and in others), as a user makes them while typing.
    [TestCase("network br_ipv6_nw on dockerhost {", "network br_ipv6_nw on dockerhst {", TestName = "a network on a misspelt host")]
    [TestCase("container cnt01 on br_ipv6_nw {", "container cnt01 on br_ipv6_nx {", TestName = "a container on a misspelt network")]
    [TestCase("  image CNT01_IMAGE", "  imag CNT01_IMAGE", TestName = "a misspelt setting in a container")]
    [TestCase("let ROUTINGPREFIX = 2001:db8:ff00::/48", "let ROUTINGPREFIX = 2001:db8:ff00::/480", TestName = "a parameter with a bad value")]
    [TestCase("    fd5a:ceb9:ed8d:fe0a::/64 -> ROUTINGPREFIX:ff66::/64", "    fd5a:ceb9:ed8d:fe0a::/64 -> ROUTINGPREFIX:ff66::/96", TestName = "an NPTv6 mapping of different lengths")]
    [TestCase("  interface ethernet1/1.999 zone zUntrust", "  interface ethernet1/1.999 zone zUntrusted", TestName = "an NPTv6 rule's zone that no interface has")]
    [TestCase("docker-host dockerhost {", "docker-hostt dockerhost {", TestName = "a misspelt statement keyword")]
    [TestCase("  host dns.google DNS_GOOGLE", "  host dns.google DNS_GOGLE", TestName = "an external host with a misspelt parameter")]
    public void A_typo_gives_NDSL_errors_and_no_CSharp_error(string line, string typo)
    {
        string text = GeneratorHarness.Example;
        Assert.That(text, Does.Contain(line));
        var errors = CSharpErrors(text.Replace(line, typo), out var run);
        Assert.That(run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id), Is.Not.Empty.And.All.StartsWith("NDSL"));
        Assert.That(run.GeneratorDiagnostics.Select(d => d.Id), Has.None.EqualTo("NDSL9001"));
        Assert.That(errors.Where(d => !d.Id.StartsWith("NDSL", StringComparison.Ordinal)), Is.Empty,
            string.Join("\n", errors) + "\n" + string.Join("\n", run.GeneratorDiagnostics));
    }

    [Test]
    public void Every_bad_diagnostic_example_keeps_a_class_that_compiles()
    {
        foreach (var example in NetDsl.Tests.Diagnostics.DiagnosticExamples.All)
        {
            var run = GeneratorHarness.RunOn("/x/lab.netdsl", example.BadText);
            var csharp = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.That(csharp, Is.Empty, example.Id + ":\n" + string.Join("\n", csharp));
            Assert.That(run.GeneratorDiagnostics.Select(d => d.Id), Has.None.EqualTo("NDSL9001"), example.Id);
            // The class is there unless the file's only statement is one that never parsed.
            Assert.That(run.Result.Results.Single().GeneratedSources, Has.Length.GreaterThanOrEqualTo(1), example.Id);
        }
    }
}
