using System.Text.Json.Nodes;
using NetDsl.Formatting;
using NetDsl.LanguageServer.Documents;

namespace NetDsl.LanguageServer.Features;

/// <summary>textDocument/formatting: the core's formatter (as <c>netdsl fmt</c>), sent as one edit over the part that changed.</summary>
public static class FormattingFeature
{
    public static JsonArray Format(TextDocument document)
    {
        string before = document.Text;
        string after = NetDslFormatter.Format(before).Text;
        var edits = new JsonArray();
        if (after == before) return edits;
        int prefix = 0;
        int max = System.Math.Min(before.Length, after.Length);
        while (prefix < max && before[prefix] == after[prefix]) prefix++;
        int suffix = 0;
        while (suffix < max - prefix && before[before.Length - 1 - suffix] == after[after.Length - 1 - suffix]) suffix++;
        edits.Add(new JsonObject
        {
            ["range"] = document.Lines.RangeOf(prefix, before.Length - suffix - prefix).ToJson(),
            ["newText"] = after.Substring(prefix, after.Length - suffix - prefix),
        });
        return edits;
    }
}
