using System.Linq;
using Microsoft.CodeAnalysis;
using NetDsl.Generators.Tests.Support;
using NUnit.Framework;

namespace NetDsl.Generators.Tests;

/// <summary>
/// Severity configuration for NetDsl diagnostics. Roslyn does not apply editorconfig severities to diagnostics
/// located in additional files (dotnet/roslyn#31916) and hides dotnet_diagnostic keys from generators, so the
/// generator reads per-file netdsl_diagnostic keys from .editorconfig sections; .globalconfig severities are
/// applied by the generator driver itself (it filters generator diagnostics through the compilation options). These tests parse real config text with Roslyn's own parser.
/// </summary>
public class SeverityConfigurationTests
{
    [Test]
    public void Editorconfig_section_for_netdsl_files_turns_a_warning_off()
    {
        var options = new ConfigOptionsProvider(new[] { ("/repo/.editorconfig", "root = true\n[*.netdsl]\nnetdsl_diagnostic.NDSL5004.severity = none\n") });
        var run = GeneratorHarness.RunOn(GeneratorHarness.ExamplePath, GeneratorHarness.Example, options);
        Assert.That(run.GeneratorDiagnostics, Is.Empty);
        Assert.That(run.Result.Results.Single().GeneratedSources, Has.Length.EqualTo(1));
    }

    [Test]
    public void Editorconfig_section_for_other_files_does_not_apply()
    {
        var options = new ConfigOptionsProvider(new[] { ("/repo/.editorconfig", "root = true\n[*.cs]\nnetdsl_diagnostic.NDSL5004.severity = none\n") });
        var run = GeneratorHarness.RunOn(GeneratorHarness.ExamplePath, GeneratorHarness.Example, options);
        Assert.That(run.GeneratorDiagnostics.Select(d => d.Id), Is.EqualTo(new[] { "NDSL5004" }));
    }

    [Test]
    public void Globalconfig_raises_a_warning_to_an_error()
    {
        var options = new ConfigOptionsProvider(new[] { ("/repo/.globalconfig", "is_global = true\ndotnet_diagnostic.ndsl5004.severity = error\n") });
        var run = GeneratorHarness.RunOn(GeneratorHarness.ExamplePath, GeneratorHarness.Example, options);
        Assert.That(run.GeneratorDiagnostics.Single().Severity, Is.EqualTo(DiagnosticSeverity.Error));
    }

    [Test]
    public void Globalconfig_turns_a_warning_off_and_applies_after_a_file_section()
    {
        var off = new ConfigOptionsProvider(new[] { ("/repo/.globalconfig", "is_global = true\ndotnet_diagnostic.NDSL5004.severity = none\n") });
        Assert.That(GeneratorHarness.RunOn(GeneratorHarness.ExamplePath, GeneratorHarness.Example, off).GeneratorDiagnostics, Is.Empty);

        var both = new ConfigOptionsProvider(new[]
        {
            ("/repo/.globalconfig", "is_global = true\ndotnet_diagnostic.NDSL5004.severity = none\n"),
            ("/repo/.editorconfig", "root = true\n[*.netdsl]\nnetdsl_diagnostic.NDSL5004.severity = error\n"),
        });
        // The driver filters generator diagnostics through the global options last, so the .globalconfig wins.
        Assert.That(GeneratorHarness.RunOn(GeneratorHarness.ExamplePath, GeneratorHarness.Example, both).GeneratorDiagnostics, Is.Empty);
    }

    [TestCase("suggestion", DiagnosticSeverity.Info)]
    [TestCase("silent", DiagnosticSeverity.Hidden)]
    [TestCase("warning", DiagnosticSeverity.Warning)]
    [TestCase("default", DiagnosticSeverity.Warning)]
    public void Every_editorconfig_severity_is_understood(string value, DiagnosticSeverity expected)
    {
        var options = new ConfigOptionsProvider(new[] { ("/repo/.editorconfig", $"root = true\n[*.netdsl]\nnetdsl_diagnostic.NDSL5004.severity = {value}\n") });
        var run = GeneratorHarness.RunOn(GeneratorHarness.ExamplePath, GeneratorHarness.Example, options);
        Assert.That(run.GeneratorDiagnostics.Single().Severity, Is.EqualTo(expected));
    }

    [Test]
    public void An_error_lowered_to_a_warning_is_reported_as_a_warning()
    {
        const string text = "docker-host h { interface eth0 address fd00::1/64 }\nnetwork n on nowhere { subnet fd00:1::/64 }\n";
        var options = new ConfigOptionsProvider(new[] { ("/x/.editorconfig", "root = true\n[*.netdsl]\nnetdsl_diagnostic.NDSL1001.severity = warning\n") });
        var run = GeneratorHarness.RunOn("/x/lab.netdsl", text, options);
        Assert.That(run.GeneratorDiagnostics.Single().Severity, Is.EqualTo(DiagnosticSeverity.Warning));
    }
}
