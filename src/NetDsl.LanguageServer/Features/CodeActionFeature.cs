using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using NetDsl.Diagnostics;
using NetDsl.LanguageServer.Documents;
using NetDsl.LanguageServer.Protocol;
using NetDsl.Syntax;

namespace NetDsl.LanguageServer.Features;

/// <summary>
/// textDocument/codeAction: quick fixes where the fix is mechanical — a misspelt name becomes a declared name of the
/// kind the slot takes (unknown host, network, parameter, endpoint, interface, zone), a misspelt keyword a keyword
/// of the statement or block. The closest candidates by edit distance are offered, the closest one preferred.
/// </summary>
public static class CodeActionFeature
{
    private static readonly HashSet<string> NameIds = new(StringComparer.Ordinal)
    {
        DiagnosticDefinitions.UnknownName.Id, DiagnosticDefinitions.ExpectUnknownEndpoint.Id, DiagnosticDefinitions.UnknownInterface.Id, DiagnosticDefinitions.UnknownZone.Id,
    };

    public static JsonArray Actions(DocumentAnalysis analysis, LspRange range)
    {
        var lines = analysis.Document.Lines;
        int from = lines.OffsetOf(range.Start), to = lines.OffsetOf(range.End);
        var actions = new JsonArray();
        foreach (var d in analysis.Result.Diagnostics)
        {
            var (spanStart, spanLength) = analysis.Place(d.Span);
            if (spanStart > to || spanStart + spanLength < from) continue;
            spanStart = Math.Min(spanStart, analysis.Document.Text.Length);
            string written = analysis.Document.Text.Substring(spanStart, Math.Min(spanLength, analysis.Document.Text.Length - spanStart));
            IEnumerable<string> candidates;
            int replaceStart = spanStart, replaceLength = spanLength;
            if (NameIds.Contains(d.Id) && analysis.Symbols.At(spanStart) is { } occurrence)
            {
                written = occurrence.Key.Name;
                (replaceStart, replaceLength) = (occurrence.Start, occurrence.Length);
                candidates = Declared(analysis.Symbols, occurrence.Key);
            }
            else if (d.Id == DiagnosticDefinitions.UnknownStatement.Id)
            {
                candidates = Shapes.TopLevelKeywords;
            }
            else if (d.Id == DiagnosticDefinitions.UnknownSetting.Id)
            {
                var context = CompletionContext.At(analysis.Document.Text, spanStart);
                candidates = context.Block?.Settings.Select(s => s.Keyword) ?? Enumerable.Empty<string>();
            }
            else continue;
            bool first = true;
            foreach (var candidate in Closest(written, candidates))
            {
                actions.Add(new JsonObject
                {
                    ["title"] = $"Change '{written}' to '{candidate}'",
                    ["kind"] = "quickfix",
                    ["isPreferred"] = first,
                    ["diagnostics"] = new JsonArray(new JsonObject
                    {
                        ["range"] = lines.RangeOf(spanStart, spanLength).ToJson(),
                        ["code"] = d.Id,
                        ["message"] = d.MessageWithFix,
                    }),
                    ["edit"] = new JsonObject
                    {
                        ["changes"] = new JsonObject
                        {
                            [analysis.Document.Uri] = new JsonArray(new JsonObject { ["range"] = lines.RangeOf(replaceStart, replaceLength).ToJson(), ["newText"] = candidate }),
                        },
                    },
                });
                first = false;
            }
        }
        return actions;
    }

    private static IEnumerable<string> Declared(SymbolIndex symbols, SymbolKey wanted)
    {
        var kinds = wanted.Kind == SymbolKind.Endpoint
            ? new[] { SymbolKind.Host, SymbolKind.Container, SymbolKind.Router, SymbolKind.Firewall, SymbolKind.Upstream, SymbolKind.ExternalHost }
            : new[] { wanted.Kind };
        return symbols.Declared.Where(k => kinds.Contains(k.Kind) && k.Scope == wanted.Scope).Select(k => k.Name);
    }

    /// <summary>Up to three candidates close to what was written (all of them when there are at most three).</summary>
    public static IEnumerable<string> Closest(string written, IEnumerable<string> candidates)
    {
        var all = candidates.Distinct().Where(c => c != written).ToList();
        int limit = Math.Max(2, (written.Length + 1) / 2);
        return all.Select(c => (Name: c, Distance: Distance(written, c)))
            .Where(c => all.Count <= 3 || c.Distance <= limit)
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(3).Select(c => c.Name);
    }

    /// <summary>Edit distance with transpositions (optimal string alignment); a change of case costs nothing.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] || char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
