using System.Text.Json.Nodes;
using NetDsl.LanguageServer.Protocol;

namespace NetDsl.LanguageServer;

/// <summary>What the server tells the client it can do (the initialize result).</summary>
public static class Capabilities
{
    public static JsonObject Initialize() => new()
    {
        ["capabilities"] = new JsonObject
        {
            ["positionEncoding"] = "utf-16",
            ["textDocumentSync"] = new JsonObject { ["openClose"] = true, ["change"] = Lsp.SyncIncremental, ["save"] = false },
            ["hoverProvider"] = true,
            ["completionProvider"] = new JsonObject { ["triggerCharacters"] = new JsonArray(" ", ",", ">") },
            ["definitionProvider"] = true,
            ["referencesProvider"] = true,
            ["renameProvider"] = new JsonObject { ["prepareProvider"] = true },
            ["documentSymbolProvider"] = true,
            ["documentFormattingProvider"] = true,
            ["codeActionProvider"] = new JsonObject { ["codeActionKinds"] = new JsonArray("quickfix") },
        },
        ["serverInfo"] = new JsonObject { ["name"] = "netdsl", ["version"] = typeof(Capabilities).Assembly.GetName().Version?.ToString() },
    };
}
