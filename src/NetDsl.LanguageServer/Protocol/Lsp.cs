using System.Text.Json.Nodes;

namespace NetDsl.LanguageServer.Protocol;

/// <summary>A zero-based line and UTF-16 column, as LSP counts them (C# strings count the same way).</summary>
public readonly record struct LspPosition(int Line, int Character)
{
    public JsonObject ToJson() => new() { ["line"] = Line, ["character"] = Character };

    public static LspPosition? From(JsonNode? node) =>
        node is JsonObject o && o["line"] is JsonValue l && o["character"] is JsonValue c && l.TryGetValue(out int line) && c.TryGetValue(out int character)
            ? new LspPosition(line, character) : null;
}

public readonly record struct LspRange(LspPosition Start, LspPosition End)
{
    public JsonObject ToJson() => new() { ["start"] = Start.ToJson(), ["end"] = End.ToJson() };

    public static LspRange? From(JsonNode? node) =>
        node is JsonObject o && LspPosition.From(o["start"]) is { } s && LspPosition.From(o["end"]) is { } e ? new LspRange(s, e) : null;
}

/// <summary>Numbers the protocol fixes (LSP 3.17).</summary>
public static class Lsp
{
    public const int SeverityError = 1, SeverityWarning = 2, SeverityInformation = 3, SeverityHint = 4;
    public const int SyncIncremental = 2;
    public const int CompletionKeyword = 14, CompletionVariable = 6, CompletionReference = 18, CompletionModule = 9, CompletionValue = 12;
    public const int SymbolModule = 2, SymbolNamespace = 3, SymbolClass = 5, SymbolField = 8, SymbolInterface = 11, SymbolFunction = 12,
        SymbolVariable = 13, SymbolConstant = 14, SymbolObject = 19, SymbolEvent = 24, SymbolStruct = 23;
}
