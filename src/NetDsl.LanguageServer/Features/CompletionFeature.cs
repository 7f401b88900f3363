using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using NetDsl.LanguageServer.Documents;
using NetDsl.LanguageServer.Protocol;
using NetDsl.Syntax;

namespace NetDsl.LanguageServer.Features;

/// <summary>
/// textDocument/completion: statement keywords where a statement starts; the settings of the block and the options
/// of the setting from the shapes table; declared names where a name is expected (hosts after a network's <c>on</c>,
/// networks after a container's, endpoints in an expect, the device's interfaces and zones); parameters where a value
/// may stand. Names come from the latest analysis, so completing never waits for a compilation.
/// </summary>
public static class CompletionFeature
{
    public static JsonObject Complete(TextDocument document, DocumentAnalysis? analysis, int offset)
    {
        var context = CompletionContext.At(document.Text, offset);
        var items = new List<JsonObject>();
        var seen = new HashSet<string>();
        void Add(string label, int kind, string detail)
        {
            if (label.Length > 0 && seen.Add(label)) items.Add(new JsonObject { ["label"] = label, ["kind"] = kind, ["detail"] = detail });
        }

        if (context.AtStatementStart)
        {
            foreach (var s in Shapes.TopLevel) Add(s.Keyword, Lsp.CompletionKeyword, ShapeCatalog.Usage(s));
        }
        else
        {
            var symbols = analysis?.Symbols;
            var model = analysis?.Result.PartialModel;
            foreach (var kind in ExpectedNames(context))
                foreach (var key in symbols?.DeclaredOf(kind, Scoped(kind) ? context.Device : "") ?? Enumerable.Empty<SymbolKey>())
                    Add(key.Name, Lsp.CompletionReference, key.Describe());
            if (context.Setting is { } setting)
                foreach (var o in setting.Options) Add(o.Keyword, Lsp.CompletionKeyword, o.Keyword + " ‹" + o.Description + "›");
            if (context.Block is { } block)
                foreach (var s in block.Settings) Add(s.Keyword, Lsp.CompletionKeyword, ShapeCatalog.Usage(s));
            foreach (var p in model?.Parameters ?? default)
                Add(p.Name, Lsp.CompletionVariable, "parameter (" + p.Kind + ") = " + p.Value);
        }
        var range = document.Lines.RangeOf(context.PrefixStart, context.Prefix.Length).ToJson();
        var list = new JsonArray();
        foreach (var item in items)
        {
            item["textEdit"] = new JsonObject { ["range"] = range.DeepClone(), ["newText"] = item["label"]!.GetValue<string>() };
            list.Add(item);
        }
        return new JsonObject { ["isIncomplete"] = false, ["items"] = list };
    }

    private static bool Scoped(SymbolKind kind) => kind is SymbolKind.Interface or SymbolKind.Zone;

    /// <summary>What kind of name the slot under the cursor takes (the meaning of the shapes table's slots).</summary>
    private static IEnumerable<SymbolKind> ExpectedNames(CompletionContext c)
    {
        string? previous = c.PreviousWord;
        switch (c.Statement)
        {
            case "network" when previous == "on" && c.Block is null:
                return new[] { SymbolKind.Host };
            case "container" when c.Block is null && (previous == "on" || c.AfterComma):
                return new[] { SymbolKind.Network };
            case "container" when c.Setting?.Keyword == "address" && previous == "address":
                return new[] { SymbolKind.Network };
            case "expect" when previous == "ping" || c.AfterArrow:
                return new[] { SymbolKind.Host, SymbolKind.Container, SymbolKind.Router, SymbolKind.Firewall, SymbolKind.Upstream, SymbolKind.ExternalHost };
        }
        if (c.Block is null) return System.Array.Empty<SymbolKind>();
        return previous switch
        {
            "dev" or "out" or "out-not" or "via" => new[] { SymbolKind.Interface },
            "interface" when c.Setting?.Keyword == "nptv6" => new[] { SymbolKind.Interface },
            "from" or "to" => new[] { SymbolKind.Zone },
            _ when c.Setting?.Keyword == "allow" && (c.AfterArrow || previous is not null && previous != "allow") => new[] { SymbolKind.Zone },
            _ => System.Array.Empty<SymbolKind>(),
        };
    }
}
