using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using NetDsl.LanguageServer;
using NetDsl.TestSupport;

namespace NetDsl.Benchmarks;

/// <summary>
/// The language server on the 10,000-container file, in process, diagnostics not debounced: a one-line edit from
/// didChange to the published diagnostics (JSON written), a hover and a completion, against `netdsl check` of the whole
/// file in the same run (the baseline). Goals (issue 15): the edit ≤ 0.25× the check, hover and completion ≤ 0.05×.
/// </summary>
[MemoryDiagnoser]
public class LanguageServerBenchmarks
{
    private const string Uri = "file:///bench/large.netdsl";
    private string _text = "";
    private NetDsl.LanguageServer.LanguageServer _server = null!;
    private JsonObject _edit = null!, _undo = null!, _hover = null!, _completion = null!;
    private bool _edited;

    [GlobalSetup]
    public void Setup()
    {
        _text = LargeFiles.Generate(networks: 1000, containers: 10000);
        _server = new NetDsl.LanguageServer.LanguageServer(Stream.Null, Stream.Null, new ServerOptions(TimeSpan.Zero));
        _server.Handle(Message("initialize", new JsonObject { ["capabilities"] = new JsonObject() }, id: 1));
        _server.Handle(Message("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri, ["languageId"] = "netdsl", ["version"] = 1, ["text"] = _text },
        }));
        // The middle container's command, as LargeFiles.EditOneLine changes it: "/bin/sh" → "/bin/ash" and back.
        var lines = _text.Split('\n');
        int line = Array.FindIndex(lines, l => l.StartsWith("container c5000 ", StringComparison.Ordinal));
        int column = lines[line].IndexOf("/bin/sh", StringComparison.Ordinal);
        _edit = Change(line, column, column + "/bin/sh".Length, "/bin/ash");
        _undo = Change(line, column, column + "/bin/ash".Length, "/bin/sh");
        _hover = Message("textDocument/hover", At(line, "container c".Length + 1), id: 2);
        _completion = Message("textDocument/completion", At(line, lines[line].IndexOf("tty", StringComparison.Ordinal)), id: 3);
        if (_server.Workspace.Analysis(Uri)?.Result.HasErrors != false) throw new InvalidOperationException("the generated file does not compile");
    }

    [Benchmark(Baseline = true, Description = "netdsl check of the whole file")]
    public CompilationResult Check() => NetDslCompiler.Compile(_text, "large.netdsl");

    [Benchmark(Description = "one-line edit: didChange → publishDiagnostics")]
    public void Edit()
    {
        _server.Handle(_edited ? _undo : _edit);
        _edited = !_edited;
    }

    [Benchmark(Description = "hover on a container")]
    public void Hover() => _server.Handle(_hover);

    [Benchmark(Description = "completion in a container's block")]
    public void Completion() => _server.Handle(_completion);

    private static JsonObject Change(int line, int from, int to, string text) => Message("textDocument/didChange", new JsonObject
    {
        ["textDocument"] = new JsonObject { ["uri"] = Uri, ["version"] = 2 },
        ["contentChanges"] = new JsonArray(new JsonObject
        {
            ["range"] = new JsonObject
            {
                ["start"] = new JsonObject { ["line"] = line, ["character"] = from },
                ["end"] = new JsonObject { ["line"] = line, ["character"] = to },
            },
            ["text"] = text,
        }),
    });

    private static JsonObject At(int line, int character) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = Uri },
        ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
    };

    private static JsonObject Message(string method, JsonObject parameters, int? id = null)
    {
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters };
        if (id is { } i) message["id"] = i;
        return message;
    }
}
