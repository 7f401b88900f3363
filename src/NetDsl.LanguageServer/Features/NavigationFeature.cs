using System.Linq;
using System.Text.Json.Nodes;
using NetDsl.LanguageServer.Documents;
using NetDsl.LanguageServer.Protocol;
using NetDsl.Syntax;

namespace NetDsl.LanguageServer.Features;

/// <summary>Go to definition, find references and rename, for every declared name and parameter (from the <see cref="SymbolIndex"/>).</summary>
public static class NavigationFeature
{
    public static JsonNode? Definition(DocumentAnalysis analysis, int offset)
    {
        if (analysis.Symbols.At(offset) is not { Resolved: true } occurrence) return null;
        return Locations(analysis, analysis.Symbols.OccurrencesOf(occurrence.Key).Where(o => o.IsDeclaration));
    }

    public static JsonNode? References(DocumentAnalysis analysis, int offset, bool includeDeclaration)
    {
        if (analysis.Symbols.At(offset) is not { } occurrence) return null;
        return Locations(analysis, analysis.Symbols.OccurrencesOf(occurrence.Key).Where(o => includeDeclaration || !o.IsDeclaration));
    }

    public static JsonNode? PrepareRename(DocumentAnalysis analysis, int offset)
    {
        if (analysis.Symbols.At(offset) is not { Resolved: true } occurrence) return null;
        return new JsonObject
        {
            ["range"] = analysis.Document.Lines.RangeOf(occurrence.Start, occurrence.Length).ToJson(),
            ["placeholder"] = occurrence.Key.Name,
        };
    }

    public static JsonNode? Rename(DocumentAnalysis analysis, int offset, string newName)
    {
        if (analysis.Symbols.At(offset) is not { Resolved: true } occurrence)
            throw new RequestException(ErrorCodes.RequestFailed, "nothing to rename here: put the cursor on a declared name or parameter");
        if (newName.Length == 0 || newName.Any(c => NodeGrammar.IsDelimiter(c) || c is ':' or '%' or '/') || newName.Contains("->"))
            throw new RequestException(ErrorCodes.InvalidParams, $"'{newName}' is not a name: use letters, digits, '-', '_' or '.' (no spaces, ':' or brackets)");
        var edits = new JsonArray();
        foreach (var o in analysis.Symbols.OccurrencesOf(occurrence.Key))
            edits.Add(new JsonObject { ["range"] = analysis.Document.Lines.RangeOf(o.Start, o.Length).ToJson(), ["newText"] = newName });
        return new JsonObject { ["changes"] = new JsonObject { [analysis.Document.Uri] = edits } };
    }

    private static JsonArray Locations(DocumentAnalysis analysis, System.Collections.Generic.IEnumerable<Occurrence> occurrences)
    {
        var result = new JsonArray();
        foreach (var o in occurrences)
            result.Add(new JsonObject { ["uri"] = analysis.Document.Uri, ["range"] = analysis.Document.Lines.RangeOf(o.Start, o.Length).ToJson() });
        return result;
    }
}
