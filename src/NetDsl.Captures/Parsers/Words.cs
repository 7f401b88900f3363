using System;
using System.Globalization;

namespace NetDsl.Captures.Parsers;

/// <summary>Small helpers for splitting and reading the words of a line.</summary>
internal static class Words
{
    public static string[] Split(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    public static int? ParseInt(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : null;
}
