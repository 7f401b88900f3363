using System.Globalization;
using NetDsl.Diagnostics;
using NetDsl.Syntax;
using NetDsl.Text;

namespace NetDsl.Binding;

/// <summary>
/// Checks of the file as text, whatever its statements say: bytes that were not UTF-8 (decoded as U+FFFD, by the CLI
/// and by the compiler's AdditionalText alike), bidirectional control characters (what an editor shows is not what
/// is read: CVE-2021-42574, so they are refused even in comments, as rustc does), and a file with nothing in it.
/// </summary>
internal static class SourceChecks
{
    private const char Replacement = '\uFFFD';

    public static void Run(FileSyntax file, DiagnosticBag diagnostics)
    {
        string text = file.Layout.Text.Text;
        int invalidOnLine = 0, firstInvalid = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                if (invalidOnLine > 0) diagnostics.Report(DiagnosticDefinitions.InvalidUtf8, SourceSpan.InFile(firstInvalid, 1), invalidOnLine);
                invalidOnLine = 0;
                continue;
            }
            char c = text[i];
            if (c < '\u061C') continue;
            if (c == Replacement)
            {
                if (invalidOnLine++ == 0) firstInvalid = i;
            }
            else if (BidiName(c) is { } name)
            {
                diagnostics.Report(DiagnosticDefinitions.BidiControl, SourceSpan.InFile(i, 1), "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + " (" + name + ")");
            }
        }
        if (file.Statements.Count == 0 && file.Diagnostics.Count == 0)
            diagnostics.Report(DiagnosticDefinitions.EmptyFile, SourceSpan.None, text.Trim().Length == 0 ? "" : " (only comments)");
    }

    /// <summary>The Unicode name of a bidirectional formatting character (UAX #9), or null.</summary>
    private static string? BidiName(char c) => c switch
    {
        '\u061C' => "ARABIC LETTER MARK",
        '\u200E' => "LEFT-TO-RIGHT MARK",
        '\u200F' => "RIGHT-TO-LEFT MARK",
        '\u202A' => "LEFT-TO-RIGHT EMBEDDING",
        '\u202B' => "RIGHT-TO-LEFT EMBEDDING",
        '\u202C' => "POP DIRECTIONAL FORMATTING",
        '\u202D' => "LEFT-TO-RIGHT OVERRIDE",
        '\u202E' => "RIGHT-TO-LEFT OVERRIDE",
        '\u2066' => "LEFT-TO-RIGHT ISOLATE",
        '\u2067' => "RIGHT-TO-LEFT ISOLATE",
        '\u2068' => "FIRST STRONG ISOLATE",
        '\u2069' => "POP DIRECTIONAL ISOLATE",
        _ => null,
    };
}
