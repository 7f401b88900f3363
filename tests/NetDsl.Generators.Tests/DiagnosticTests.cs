using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetDsl.Generators.Tests.Support;
using NUnit.Framework;

namespace NetDsl.Generators.Tests;

/// <summary>The core's diagnostics, reported by the generator at their exact place in the .netdsl file.</summary>
public class DiagnosticTests
{
    private const string Broken = """
        let PREFIX = 2001:db8::/48
        docker-host h {
          interface eth0 address fd00::1/64
        }
        network n on nowhere {
          subnet fd00:1::/64
        }
        """;

    [Test]
    public void Errors_are_located_in_the_netdsl_file()
    {
        var run = GeneratorHarness.RunOn("/work/cfg/broken.netdsl", Broken);
        var lines = run.GeneratorDiagnostics.Select(Format).ToList();
        Assert.That(lines, Is.EqualTo(new[]
        {
            "/work/cfg/broken.netdsl(1,1)-(1,27): warning NDSL1008",
            "/work/cfg/broken.netdsl(5,14)-(5,21): error NDSL1001",
        }), string.Join("\n", run.GeneratorDiagnostics));
        // The class keeps its API on errors (the network that failed is a stand-in), so C# using it still compiles.
        Assert.That(run.Result.Results.Single().GeneratedSources, Has.Length.EqualTo(1), "a file with errors keeps its class");
        Assert.That(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty);
        var error = run.GeneratorDiagnostics.Single(d => d.Id == "NDSL1001");
        Assert.That(error.GetMessage(), Does.Contain("nowhere").And.Contain("Fix:"));
        Assert.That(error.Descriptor.HelpLinkUri, Does.EndWith("docs/diagnostics.md#ndsl1001"));
        Assert.That(error.Location.SourceSpan.Start, Is.EqualTo(Broken.IndexOf("nowhere", StringComparison.Ordinal)));
    }

    [Test]
    public void The_example_reports_its_warnings()
    {
        var run = GeneratorHarness.RunOn(GeneratorHarness.ExamplePath, GeneratorHarness.Example);
        Assert.That(run.GeneratorDiagnostics.Select(d => d.Id + " " + d.Severity), Is.EqualTo(new[] { "NDSL5004 Warning" }));
        Assert.That(run.GeneratorDiagnostics[0].Location.GetLineSpan().StartLinePosition.Line + 1, Is.EqualTo(51));
    }

    [Test]
    public void Every_core_descriptor_has_a_roslyn_descriptor_with_a_help_link()
    {
        foreach (var core in NetDsl.Diagnostics.DiagnosticDefinitions.All)
        {
            var roslyn = Diagnostics.RoslynDiagnostics.ToRoslyn(core);
            Assert.That(roslyn.Id, Is.EqualTo(core.Id));
            Assert.That(roslyn.HelpLinkUri, Is.EqualTo(core.HelpLink));
        }
    }

    [Test]
    public void Two_files_with_one_class_name_are_a_diagnostic_not_a_compile_error()
    {
        var text = GeneratorHarness.Example;
        var run = GeneratorHarness.RunOn(new[]
        {
            new InMemoryAdditionalText("/repo/a/lab.netdsl", text),
            new InMemoryAdditionalText("/repo/b/lab.netdsl", text),
        });
        var clash = run.GeneratorDiagnostics.Single(d => d.Id == "NDSL1009");
        Assert.That(clash.Location.GetLineSpan().Path, Is.EqualTo("/repo/b/lab.netdsl"));
        Assert.That(clash.GetMessage(), Does.Contain("/repo/a/lab.netdsl").And.Contain("'Lab'"));
        Assert.That(run.Result.Results.Single().GeneratedSources, Has.Length.EqualTo(1));
        Assert.That(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty);
    }

    [Test]
    public void Node_names_that_collide_as_identifiers_are_a_diagnostic()
    {
        const string text = """
            docker-host h { interface eth0 address fd00::1/64 }
            network br-x on h { subnet fd00:1::/64 }
            network br_x on h { subnet fd00:2::/64 }
            """;
        var run = GeneratorHarness.RunOn("/x/lab.netdsl", text);
        var clash = run.GeneratorDiagnostics.Single(d => d.Id == "NDSL1009");
        Assert.That(clash.Location.GetLineSpan().StartLinePosition.Line, Is.EqualTo(2));
        Assert.That(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty);
    }

    private static string Format(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})-({span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1}): {d.Severity.ToString().ToLowerInvariant()} {d.Id}";
    }
}
