using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NetDsl.Tests.Diagnostics;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.LanguageServer.Tests;

/// <summary>
/// Diagnostics through the real stdio of `netdsl lsp`, against `netdsl check` run on the same text: the same ids,
/// places, severities, messages and fix hints, for every diagnostic example and the examples; and after edits.
/// </summary>
public class DiagnosticsProtocolTests
{
    private string _dir = "";

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), "netdsl-lsp-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private static readonly Regex CheckLine = new(@"^(?<path>.*)\((?<line>\d+),(?<col>\d+)\): (?<sev>error|warning) (?<id>NDSL\d+): (?<msg>.*)$");

    /// <summary>What `netdsl check` prints for a text, as (line, column, severity, id, message with fix), 0-based like LSP.</summary>
    private List<string> Check(string text, IReadOnlyDictionary<string, string>? overrides)
    {
        string path = Path.Combine(_dir, "lab.netdsl");
        File.WriteAllText(path, text);
        var args = new List<string> { "check", path };
        foreach (var o in overrides ?? new Dictionary<string, string>()) { args.Add("--set"); args.Add(o.Key + "=" + o.Value); }
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        NetDsl.Cli.Program.Run(args.ToArray(), stdout, stderr);
        return stderr.ToString().Split('\n').Select(l => CheckLine.Match(l.TrimEnd('\r'))).Where(m => m.Success)
            .Select(m => $"{int.Parse(m.Groups["line"].Value) - 1}:{int.Parse(m.Groups["col"].Value) - 1} {m.Groups["sev"].Value} {m.Groups["id"].Value} {m.Groups["msg"].Value}")
            .ToList();
    }

    private static List<string> Published(JsonObject publish) =>
        ((JsonArray)publish["diagnostics"]!).Select(d => $"{d!["range"]!["start"]!["line"]}:{d["range"]!["start"]!["character"]} " +
            $"{(d["severity"]!.GetValue<int>() == 1 ? "error" : "warning")} {d["code"]} {d["message"]}").ToList();

    [Test]
    public void Every_diagnostic_example_and_example_file_shows_what_check_prints()
    {
        using var client = new LspClient();
        client.Initialize();
        var cases = DiagnosticExamples.All.SelectMany(e => new[] { (Name: e.Id + "-bad", Text: e.BadText, e.Overrides), (Name: e.Id + "-good", Text: e.Good, e.Overrides) })
            .Concat(Directory.GetFiles(RepoPaths.Examples, "*.netdsl", SearchOption.AllDirectories).Select(p => (Name: Path.GetFileName(Path.GetDirectoryName(p))!, Text: File.ReadAllText(p), Overrides: (IReadOnlyDictionary<string, string>?)null)))
            .ToList();
        int compared = 0;
        foreach (var (name, text, overrides) in cases)
        {
            var settings = new JsonObject();
            foreach (var o in overrides ?? new Dictionary<string, string>()) settings[o.Key] = o.Value;
            client.Notify("workspace/didChangeConfiguration", new JsonObject { ["settings"] = new JsonObject { ["netdsl"] = new JsonObject { ["parameters"] = settings } } });
            string uri = "file://" + _dir + "/" + name + "/lab.netdsl";
            client.Open(uri, text);
            var published = Published(client.Notification("textDocument/publishDiagnostics", p => p["uri"]!.GetValue<string>() == uri));
            var expected = Check(text, overrides);
            Assert.That(published, Is.EqualTo(expected), name);
            compared += expected.Count;
            client.Notify("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } });
        }
        Assert.That(compared, Is.GreaterThan(DiagnosticExamples.All.Count), "every bad example reports at least one diagnostic");
        Assert.That(client.Shutdown(), Is.EqualTo(0));
    }

    [Test]
    public void Spans_end_where_the_compiler_says()
    {
        using var client = new LspClient();
        client.Initialize();
        foreach (var example in DiagnosticExamples.All.Where(e => e.Overrides is null))
        {
            string uri = "file:///x/" + example.Id + ".netdsl";
            client.Open(uri, example.BadText);
            var published = (JsonArray)client.Notification("textDocument/publishDiagnostics", p => p["uri"]!.GetValue<string>() == uri)["diagnostics"]!;
            var compiled = NetDslCompiler.Compile(example.BadText, example.Id + ".netdsl");
            Assert.That(published.Select(d => $"{d!["range"]!["end"]!["line"]}:{d["range"]!["end"]!["character"]}"),
                Is.EqualTo(compiled.Diagnostics.Where(d => d.Severity >= Diagnostics.Severity.Warning).Select(d => compiled.Locate(d.Span)).Select(l => $"{l.EndLine - 1}:{l.EndColumn - 1}")), example.Id);
        }
    }

    [Test]
    public void Incremental_edits_publish_the_diagnostics_of_the_edited_text()
    {
        using var client = new LspClient();
        client.Initialize();
        const string uri = "file:///x/lab.netdsl";
        string text = File.ReadAllText(RepoPaths.SquidExample);
        client.Open(uri, text);
        client.Notification("textDocument/publishDiagnostics", p => p["version"]?.GetValue<int>() == 1);

        // Misspell the container's network (line 29: "container cnt01 on br_ipv6_nw {"), then a second change fixes it
        // and breaks a keyword: both edits as ranges, as editors send them.
        int line = text.Split('\n').ToList().FindIndex(l => l.StartsWith("container cnt01 on br_ipv6_nw", StringComparison.Ordinal));
        client.Notify("textDocument/didChange", Change(uri, 2, (line, 28, line, 29, "x")));
        var second = client.Notification("textDocument/publishDiagnostics", p => p["version"]?.GetValue<int>() == 2);
        Assert.That(Published(second).Any(d => d.StartsWith($"{line}:19 error NDSL1001 No network named 'br_ipv6_nx'", StringComparison.Ordinal)), Is.True, string.Join("\n", Published(second)));

        client.Notify("textDocument/didChange", Change(uri, 3, (line, 28, line, 29, "w"), (line, 0, line, 9, "containr")));
        var third = client.Notification("textDocument/publishDiagnostics", p => p["version"]?.GetValue<int>() == 3);
        var lines = text.Split('\n');
        lines[line] = lines[line].Replace("container", "containr");
        Assert.That(Published(third), Is.EqualTo(Check(string.Join("\n", lines), null)));
        Assert.That(client.Shutdown(), Is.EqualTo(0));
    }

    [Test]
    public void Quick_edits_are_debounced_into_one_publication_of_the_last_version()
    {
        using var client = new LspClient(diagnosticsDelayMs: 400);
        client.Initialize();
        const string uri = "file:///x/lab.netdsl";
        client.Open(uri, "let A = 1\n");
        for (int v = 2; v <= 6; v++) client.Notify("textDocument/didChange", Change(uri, v, (0, 8, 0, 9, v.ToString())));
        var published = client.Notification("textDocument/publishDiagnostics");
        Assert.That(published["version"]!.GetValue<int>(), Is.EqualTo(6));
        // Nothing else arrives for the earlier versions.
        Assert.That(client.Request("shutdown")["error"], Is.Null);
        Assert.That(client.Received("textDocument/publishDiagnostics"), Is.Empty);
        client.Notify("exit", new JsonObject());
        Assert.That(client.WaitForExit(10000) && client.ExitCode == 0, Is.True);
    }

    internal static JsonObject Change(string uri, int version, params (int Line, int Col, int EndLine, int EndCol, string Text)[] changes)
    {
        var array = new JsonArray();
        foreach (var c in changes)
            array.Add(new JsonObject
            {
                ["range"] = new JsonObject
                {
                    ["start"] = new JsonObject { ["line"] = c.Line, ["character"] = c.Col },
                    ["end"] = new JsonObject { ["line"] = c.EndLine, ["character"] = c.EndCol },
                },
                ["text"] = c.Text,
            });
        return new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version }, ["contentChanges"] = array };
    }
}
