using System.Linq;
using System.Text.Json.Nodes;
using NetDsl.Diagnostics;
using NetDsl.LanguageServer.Documents;
using NetDsl.LanguageServer.Protocol;

namespace NetDsl.LanguageServer.Features;

/// <summary>
/// textDocument/publishDiagnostics from an analysis: what <c>netdsl check</c> prints (warnings and errors), with the
/// same id (<c>code</c>, linked to docs/diagnostics.md), span, and message followed by its fix hint.
/// </summary>
public static class DiagnosticsFeature
{
    public static JsonObject Publish(DocumentAnalysis analysis)
    {
        var lines = analysis.Document.Lines;
        var items = new JsonArray();
        foreach (var d in analysis.Result.Diagnostics.Where(d => d.Severity >= Severity.Warning))
        {
            var (start, length) = analysis.Place(d.Span);
            items.Add(new JsonObject
            {
                ["range"] = lines.RangeOf(start, length).ToJson(),
                ["severity"] = d.Severity == Severity.Error ? Lsp.SeverityError : Lsp.SeverityWarning,
                ["code"] = d.Id,
                ["codeDescription"] = new JsonObject { ["href"] = d.Descriptor.HelpLink },
                ["source"] = "netdsl",
                ["message"] = d.MessageWithFix,
            });
        }
        return new JsonObject
        {
            ["uri"] = analysis.Document.Uri,
            ["version"] = analysis.Document.Version,
            ["diagnostics"] = items,
        };
    }
}
