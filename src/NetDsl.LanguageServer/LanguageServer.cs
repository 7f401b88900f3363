using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using NetDsl.LanguageServer.Documents;
using NetDsl.LanguageServer.Features;
using NetDsl.LanguageServer.Protocol;

namespace NetDsl.LanguageServer;

/// <summary>How the server runs: the delay between the last edit and the diagnostics it publishes.</summary>
public sealed record ServerOptions(TimeSpan DiagnosticsDelay)
{
    public static ServerOptions Default => new(TimeSpan.FromMilliseconds(150));
}

/// <summary>
/// The NetDsl language server: reads LSP messages, keeps the open documents, answers requests from their analysis
/// and publishes diagnostics a short while after the last edit (debounced, so typing does not queue compilations).
/// Requests are answered in order on the reading thread; only the diagnostics timer runs beside it. Nothing a client
/// sends makes it throw: a bad request gets an error reply, a bad notification is logged.
/// </summary>
public sealed class LanguageServer
{
    private readonly JsonRpcConnection _connection;
    private readonly ServerOptions _options;
    private readonly Workspace _workspace = new();
    private readonly Dictionary<string, Timer> _pending = new(StringComparer.Ordinal);
    private bool _initialized, _shutdown;

    public LanguageServer(Stream input, Stream output, ServerOptions? options = null)
    {
        _connection = new JsonRpcConnection(input, output);
        _options = options ?? ServerOptions.Default;
    }

    public Workspace Workspace => _workspace;

    /// <summary>Serves until the client sends exit (0 after shutdown, 1 without) or closes the input (1).</summary>
    public int Run()
    {
        while (true)
        {
            var message = _connection.Read(out string? error);
            if (message is null) return 1;
            if (error is not null) Log("ignored " + error);
            if (message["__invalid"] is not null)
            {
                _connection.ReplyError(null, ErrorCodes.ParseError, error ?? "invalid message");
                continue;
            }
            if (message["method"]?.GetValue<string>() == "exit")
            {
                CancelTimers();
                return _shutdown ? 0 : 1;
            }
            Handle(message);
        }
    }

    /// <summary>One message (a request is answered before this returns; with no delay, so are the diagnostics of an edit).</summary>
    public void Handle(JsonObject message)
    {
        var id = message["id"];
        string? method = message["method"] is JsonValue m && m.TryGetValue(out string? name) ? name : null;
        if (method is null)
        {
            if (id is not null) return;   // a response to a request of ours: the server sends none that need one
            _connection.ReplyError(null, ErrorCodes.InvalidRequest, "a message without a method");
            return;
        }
        var parameters = message["params"] as JsonObject ?? new JsonObject();
        try
        {
            if (!_initialized && method != "initialize")
            {
                if (id is not null) _connection.ReplyError(id, ErrorCodes.ServerNotInitialized, "initialize first");
                return;
            }
            JsonNode? result = Dispatch(method, parameters, out bool known);
            if (id is null) return;
            if (known) _connection.Reply(id, result);
            else _connection.ReplyError(id, ErrorCodes.MethodNotFound, "unsupported method " + method);
        }
        catch (RequestException e)
        {
            if (id is not null) _connection.ReplyError(id, e.Code, e.Message);
            else Log(method + ": " + e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug in the server, not in the client: say so, keep serving.
            if (id is not null) _connection.ReplyError(id, ErrorCodes.InternalError, "netdsl lsp: internal error in " + method + ": " + e.Message);
            else Log("internal error in " + method + ": " + e);
        }
    }

    private JsonNode? Dispatch(string method, JsonObject p, out bool known)
    {
        known = true;
        switch (method)
        {
            case "initialize":
                _initialized = true;
                ApplySettings(p["initializationOptions"]);
                return Capabilities.Initialize();
            case "initialized":
            case "$/cancelRequest":
            case "$/setTrace":
            case "workspace/didChangeWatchedFiles":
                return null;
            case "shutdown":
                _shutdown = true;
                CancelTimers();
                return null;
            case "workspace/didChangeConfiguration":
                ApplySettings(p["settings"]);
                foreach (var uri in _workspace.Uris) ScheduleDiagnostics(uri);
                return null;
            case "textDocument/didOpen":
            {
                var item = p["textDocument"] as JsonObject ?? throw new RequestException(ErrorCodes.InvalidParams, "textDocument missing");
                string uri = Required(item, "uri");
                _workspace.Open(new TextDocument(uri, item["version"]?.GetValue<int>() ?? 0, Required(item, "text")));
                ScheduleDiagnostics(uri);
                return null;
            }
            case "textDocument/didChange":
                DidChange(p);
                return null;
            case "textDocument/didClose":
            {
                string uri = Uri(p);
                _workspace.Close(uri);
                CancelTimer(uri);
                _connection.Notify("textDocument/publishDiagnostics", new JsonObject { ["uri"] = uri, ["diagnostics"] = new JsonArray() });
                return null;
            }
            case "textDocument/didSave":
                return null;
            case "textDocument/formatting":
                return FormattingFeature.Format(Document(p));
            case "textDocument/hover":
                return HoverFeature.Hover(Analysis(p), Offset(p));
            case "textDocument/completion":
                return CompletionFeature.Complete(Document(p), _workspace.Analysis(Uri(p)), Offset(p));
            case "textDocument/definition":
                return NavigationFeature.Definition(Analysis(p), Offset(p));
            case "textDocument/references":
                return NavigationFeature.References(Analysis(p), Offset(p), p["context"]?["includeDeclaration"]?.GetValue<bool>() ?? true);
            case "textDocument/prepareRename":
                return NavigationFeature.PrepareRename(Analysis(p), Offset(p));
            case "textDocument/rename":
                return NavigationFeature.Rename(Analysis(p), Offset(p), Required(p, "newName"));
            case "textDocument/documentSymbol":
                return SymbolsFeature.Symbols(Analysis(p));
            case "textDocument/codeAction":
                return CodeActionFeature.Actions(Analysis(p), LspRange.From(p["range"]) ?? throw new RequestException(ErrorCodes.InvalidParams, "range missing"));
            default:
                known = method.StartsWith("$/", StringComparison.Ordinal);   // optional notifications may be ignored
                return null;
        }
    }

    private void DidChange(JsonObject p)
    {
        string uri = Uri(p);
        var document = _workspace.Document(uri) ?? throw new RequestException(ErrorCodes.InvalidParams, "didChange for a document that is not open: " + uri);
        int version = p["textDocument"]?["version"]?.GetValue<int>() ?? document.Version + 1;
        foreach (var change in p["contentChanges"] as JsonArray ?? new JsonArray())
        {
            if (change is not JsonObject c) continue;
            document = document.WithChange(version, LspRange.From(c["range"]), Required(c, "text"));
        }
        _workspace.Set(document);
        ScheduleDiagnostics(uri);
    }

    private void ScheduleDiagnostics(string uri)
    {
        if (_options.DiagnosticsDelay <= TimeSpan.Zero)
        {
            PublishDiagnostics(uri);
            return;
        }
        lock (_pending)
        {
            if (_pending.TryGetValue(uri, out var timer)) timer.Change(_options.DiagnosticsDelay, Timeout.InfiniteTimeSpan);
            else _pending[uri] = new Timer(_ => PublishDiagnostics(uri), null, _options.DiagnosticsDelay, Timeout.InfiniteTimeSpan);
        }
    }

    private void PublishDiagnostics(string uri)
    {
        try
        {
            var analysis = _workspace.Analysis(uri);
            // Published only if still the latest version: a newer edit has its own publication scheduled.
            if (analysis is null || _workspace.Document(uri)?.Version != analysis.Document.Version) return;
            _connection.Notify("textDocument/publishDiagnostics", DiagnosticsFeature.Publish(analysis));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Log("diagnostics of " + uri + ": " + e);
        }
    }

    private void CancelTimer(string uri)
    {
        lock (_pending)
        {
            if (_pending.Remove(uri, out var timer)) timer.Dispose();
        }
    }

    private void CancelTimers()
    {
        lock (_pending)
        {
            foreach (var t in _pending.Values) t.Dispose();
            _pending.Clear();
        }
    }

    /// <summary>Settings: <c>{ "parameters": { "NAME": "VALUE" } }</c>, also accepted under a <c>netdsl</c> key (VS Code's section).</summary>
    private void ApplySettings(JsonNode? settings)
    {
        var section = settings?["netdsl"] ?? settings;
        if (section?["parameters"] is not JsonObject parameters) return;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in parameters)
            if (pair.Value is JsonValue v) values[pair.Key] = v.ToString();
        _workspace.Parameters = values;
    }

    private static string Required(JsonObject o, string key) =>
        o[key] is JsonValue v && v.TryGetValue(out string? s) ? s : throw new RequestException(ErrorCodes.InvalidParams, key + " missing");

    private static string Uri(JsonObject p) =>
        p["textDocument"] is JsonObject t ? Required(t, "uri") : throw new RequestException(ErrorCodes.InvalidParams, "textDocument missing");

    private TextDocument Document(JsonObject p) =>
        _workspace.Document(Uri(p)) ?? throw new RequestException(ErrorCodes.InvalidParams, "document not open: " + Uri(p));

    private DocumentAnalysis Analysis(JsonObject p) =>
        _workspace.Analysis(Uri(p)) ?? throw new RequestException(ErrorCodes.InvalidParams, "document not open: " + Uri(p));

    private int Offset(JsonObject p) =>
        Document(p).Lines.OffsetOf(LspPosition.From(p["position"]) ?? throw new RequestException(ErrorCodes.InvalidParams, "position missing"));

    private void Log(string text) =>
        _connection.Notify("window/logMessage", new JsonObject { ["type"] = 4, ["message"] = "netdsl lsp: " + text });
}

/// <summary>A request the server cannot answer, with the error code to reply.</summary>
public sealed class RequestException : Exception
{
    public RequestException(int code, string message) : base(message) => Code = code;

    public int Code { get; }
}
