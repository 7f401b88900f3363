using System;
using System.Text.RegularExpressions;

namespace NetDsl.Captures.Parsers;

/// <summary>
/// Lines a person put in a capture to say "I cut something here": the seed's <c>(~省略~)</c>, "(snip)", "...",
/// "[...]". They are dropped from the body and make the capture partial.
/// </summary>
internal static class ElisionMarker
{
    private static readonly Regex Marker = new(
        @"^[\(\[<{（【]?\s*[~〜～]?\s*(省略|略|snip|snipped|omitted|omit|cut|\.\.\.|…)\s*[~〜～]?\s*[\)\]>}）】]?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static bool IsElision(string line)
    {
        string trimmed = line.Trim();
        if (trimmed.Length == 0 || trimmed.Length > 40) return false;
        return Marker.IsMatch(trimmed) || trimmed.Contains("省略", StringComparison.Ordinal);
    }
}
