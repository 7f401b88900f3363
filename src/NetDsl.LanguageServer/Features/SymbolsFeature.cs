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
        var result = new JsonArray();
        foreach (var s in analysis.Syntax.Statements)
        {
            bool isExpect = s.Name == ExpectSyntax.Keyword;
            var name = isExpect ? null : s.Argument(0);
            string label = isExpect && new ExpectSyntax(s) is var expect ? ExpectSyntax.Keyword + " " + expect.From.Text + " -> " + expect.To.Text : name?.Text ?? s.Name;
            var children = new JsonArray();
            foreach (var part in s.Body)
            {
                int? kind = part.Name switch
                {
                    InterfaceSyntax.Keyword => Lsp.SymbolField,
                    FirewallNptv6Syntax.Keyword or AllowSyntax.Keyword => Lsp.SymbolFunction,
                    HostSyntax.Keyword => Lsp.SymbolConstant,
                    _ => null,
                };
                if (kind is null || part.Argument(0) is not { } partName) continue;
                children.Add(Symbol(analysis, partName.Text, part.Name, kind.Value, part.Span, partName, new JsonArray()));
            }
            int statementKind = s.Name switch
            {
                LetSyntax.Keyword => Lsp.SymbolConstant,
                DockerHostSyntax.Keyword => Lsp.SymbolModule,
                NetworkSyntax.Keyword => Lsp.SymbolNamespace,
                ContainerSyntax.Keyword => Lsp.SymbolObject,
                RouterSyntax.Keyword or FirewallSyntax.Keyword or UpstreamSyntax.Keyword => Lsp.SymbolInterface,
                _ => Lsp.SymbolEvent,
            };
            result.Add(Symbol(analysis, label, s.Name, statementKind, s.Span, name ?? s.Keyword, children));
        }
        return result;
    }

    private static JsonObject Symbol(DocumentAnalysis analysis, string name, string detail, int kind, NetDsl.Text.SourceSpan span, SyntaxNode selection, JsonArray children)
    {
        var lines = analysis.Document.Lines;
        var (start, length) = analysis.Place(span);
        var (selectionStart, selectionLength) = analysis.Place(selection.Span);
        return new JsonObject
        {
            ["name"] = name.Length > 0 ? name : detail,
            ["detail"] = detail,
            ["kind"] = kind,
            ["range"] = lines.RangeOf(start, length).ToJson(),
            ["selectionRange"] = lines.RangeOf(selectionStart, selectionLength).ToJson(),
            ["children"] = children,
        };
    }
}
