using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json.Nodes;
using NetDsl.LanguageServer.Features;
using NetDsl.Tests.Diagnostics;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.LanguageServer.Tests;

/// <summary>
/// The VS Code extension (editors/vscode): the fixtures its grammar test reads come from the shapes table and the
/// diagnostic examples (golden files here), the grammar test passes (`node --test`), and the .vsix builds.
/// </summary>
public class VsCodeExtensionTests
{
    private static string Fixtures => Path.Combine(EditorRequirement.VsCodeFolder, "test", "fixtures");

    [Test]
    public void The_grammar_fixtures_are_the_keywords_and_the_diagnostic_examples()
    {
        string folder = Path.Combine(Fixtures, "diagnostics");
        var files = DiagnosticExamples.All.ToDictionary(e => "diagnostics/" + e.Id + ".netdsl", e => e.BadText);
        files["keywords.txt"] = string.Join("\n", ShapeCatalog.Keywords) + "\n";
        if (Golden.Updating)
        {
            // All at once (Golden.AssertMatches stops at the first), stale ones removed.
            if (Directory.Exists(folder)) foreach (var f in Directory.GetFiles(folder)) File.Delete(f);
            Directory.CreateDirectory(folder);
            foreach (var (name, text) in files) File.WriteAllText(Path.Combine(Fixtures, name), text);
            Assert.Fail("editors/vscode/test/fixtures rewritten (NETDSL_UPDATE_GOLDEN=1); also run `NETDSL_UPDATE_GOLDEN=1 npm test` in editors/vscode, then run again without it.");
        }
        foreach (var (name, text) in files) Golden.AssertMatches("editors/vscode/test/fixtures/" + name, text);
        var expected = DiagnosticExamples.All.Select(e => e.Id + ".netdsl").ToHashSet();
        Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName), Is.EquivalentTo(expected), "one fixture per diagnostic example, none stale");
    }

    [Test]
    public void Every_keyword_is_in_the_catalog()
    {
        // The catalog walks the shapes table; a few keywords a reader would look for, to show the walk reaches every block.
        Assert.That(ShapeCatalog.Keywords, Is.SupersetOf(new[] { "let", "expect", "subnet", "fixed-cidr-v6", "out-not", "link-local", "size", "tty", "zone", "from" }));
    }

    [Test]
    public void The_grammar_tests_pass()
    {
        EditorRequirement.RequireNodeModules();
        var (code, output) = EditorRequirement.Run(EditorRequirement.VsCodeFolder, "node", "--test", "test/");
        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Match(@"# pass \d+").And.Contain("# fail 0"), output);
        TestContext.Out.WriteLine(string.Join("\n", output.Split('\n').Where(l => l.StartsWith("# ", StringComparison.Ordinal))));
    }

    [Test]
    public void The_vsix_builds_with_the_client_grammar_and_language_configuration()
    {
        EditorRequirement.RequireNodeModules();
        string vsix = Path.Combine(Path.GetTempPath(), "netdsl-" + Guid.NewGuid().ToString("N") + ".vsix");
        try
        {
            var (code, output) = EditorRequirement.Run(EditorRequirement.VsCodeFolder, "env", "VSIX_OUT=" + vsix, "sh", "scripts/package.sh");
            Assert.That(code, Is.EqualTo(0), output);
            using var zip = ZipFile.OpenRead(vsix);
            var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
            Assert.That(entries, Is.SupersetOf(new[]
            {
                "extension/package.json", "extension/extension.js", "extension/language-configuration.json", "extension/syntaxes/netdsl.tmLanguage.json",
                "extension/node_modules/vscode-languageclient/node.js", "extension.vsixmanifest",
            }));
            Assert.That(entries.Any(e => e.StartsWith("extension/test/", StringComparison.Ordinal) || e.Contains("/@vscode/vsce/")), Is.False, "tests and dev tools stay out");
            using var reader = new StreamReader(zip.GetEntry("extension/package.json")!.Open());
            var manifest = JsonNode.Parse(reader.ReadToEnd())!;
            Assert.That(manifest["contributes"]!["languages"]![0]!["id"]!.GetValue<string>(), Is.EqualTo("netdsl"));
            Assert.That(manifest["contributes"]!["languages"]![0]!["extensions"]![0]!.GetValue<string>(), Is.EqualTo(".netdsl"));
        }
        finally
        {
            File.Delete(vsix);
        }
    }
}
