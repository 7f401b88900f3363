using System.Linq;
using System.Text.Json.Nodes;
using NetDsl.LanguageServer.Documents;
using NetDsl.LanguageServer.Protocol;
using NetDsl.Syntax;

namespace NetDsl.LanguageServer.Features;

/// <summary>textDocument/documentSymbol: the outline — each statement, and inside devices their interfaces, rules and hosts.</summary>
public static class SymbolsFeature
{
    public static JsonArray Symbols(DocumentAnalysis analysis)
    {
        var lines = analysis.Document.Lines;
        var result = new JsonArray();
        foreach (var s in analysis.Syntax.Statements)
        {
            var name = s.Name == "expect" ? null : s.Argument(0);
            string label = s.Name == "expect" ? "expect " + string.Join(" ", s.Arguments.Select(a => a.Text).Skip(1).Take(1)) + " -> " + string.Join(" ", s.Arguments.Skip(2).Select(a => a.Text)) : name?.Text ?? s.Name;
            var children = new JsonArray();
            foreach (var part in s.Body)
            {
                int? kind = part.Name switch
                {
                    "interface" => Lsp.SymbolField,
                    "nptv6" or "allow" => Lsp.SymbolFunction,
                    "host" => Lsp.SymbolConstant,
                    _ => null,
                };
                if (kind is null || part.Argument(0) is not { } partName) continue;
                children.Add(Symbol(lines, partName.Text, part.Name, kind.Value, part.Span.Start, part.Span.Length, partName, new JsonArray()));
            }
            int statementKind = s.Name switch
            {
                "let" => Lsp.SymbolConstant,
                "docker-host" => Lsp.SymbolModule,
                "network" => Lsp.SymbolNamespace,
                "container" => Lsp.SymbolObject,
                "router" or "firewall" or "upstream" => Lsp.SymbolInterface,
                _ => Lsp.SymbolEvent,
            };
            result.Add(Symbol(lines, label, s.Name, statementKind, s.Span.Start, s.Span.Length, name ?? s.Keyword, children));
        }
        return result;
    }

    private static JsonObject Symbol(LineIndex lines, string name, string detail, int kind, int start, int length, SyntaxNode selection, JsonArray children) => new()
    {
        ["name"] = name.Length > 0 ? name : detail,
        ["detail"] = detail,
        ["kind"] = kind,
        ["range"] = lines.RangeOf(start, length).ToJson(),
        ["selectionRange"] = lines.RangeOf(selection.Span.Start, selection.Span.Length).ToJson(),
        ["children"] = children,
    };
}
