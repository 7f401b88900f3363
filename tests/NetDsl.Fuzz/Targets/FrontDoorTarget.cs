using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using NetDsl.Diagnostics;
using NetDsl.Targets;

namespace NetDsl.Fuzz.Targets;

/// <summary>
/// The compiler's front door, as `netdsl check` then `netdsl emit` use it: bytes decoded as the CLI reads a file,
/// compiled, and when the file has no error rendered into every artifact. Promises checked:
/// no internal error (NDSL9001), every span inside the text, no unfilled {n} placeholder in a message or fix,
/// and `check` ok ⇒ `emit` ok (no render diagnostic that is an error).
/// </summary>
public static class FrontDoorTarget
{
    private static readonly Regex Placeholder = new(@"\{[0-9]+\}", RegexOptions.CultureInvariant);

    public static void Run(byte[] input)
    {
        // File.ReadAllText: a BOM picks the encoding, otherwise UTF-8 with invalid bytes as U+FFFD.
        string text = Decode(input);
        var result = NetDslCompiler.Compile(text, "fuzz.netdsl");
        foreach (var d in result.Diagnostics)
        {
            if (d.Id == DiagnosticDefinitions.InternalError.Id) throw new FuzzFinding("internal error: " + d.Message);
            if (d.Span.Start < 0 || d.Span.Length < 0 || d.Span.End > text.Length)
                throw new FuzzFinding($"span {d.Span} ({d.Span.Start}+{d.Span.Length}) outside a text of {text.Length} characters: {d.Id}");
            if (Placeholder.IsMatch(d.MessageWithFix)) throw new FuzzFinding("unfilled placeholder: " + d.MessageWithFix);
        }
        if (result.HasErrors) return;
        if (result.Model is null) throw new FuzzFinding("no error, yet no model");
        var rendered = TargetSet.Render(result.Model, TargetRegistry.All());
        var refused = rendered.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        if (refused.Count > 0) throw new FuzzFinding("check ok, emit failed: " + result.Format(refused[0]));
    }

    public static string Decode(byte[] input)
    {
        using var reader = new System.IO.StreamReader(new System.IO.MemoryStream(input), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
