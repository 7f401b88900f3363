using NetDsl.Addressing;
using NetDsl.Text;

namespace NetDsl.Model;

public enum ExpectationKind
{
    /// <summary><c>expect ping A -> B</c>: the echo request reaches B and its reply comes back to A.</summary>
    Ping,

    /// <summary><c>expect no-ping A -> B</c>: the path is blocked — no echo request reaches B (and so no reply comes back).</summary>
    NoPing,
}

/// <summary>What an expectation targets: a named node, a literal address, or a link-local with a zone (fe80::1%eth0).</summary>
public sealed record ExpectTarget(string? Name, IpAddress? Address, string? Zone)
{
    public override string ToString() =>
        Name ?? (Address is { } a ? (Zone is null ? a.ToString() : a + "%" + Zone) : "?");

    /// <summary>
    /// Where a name or an address may stand, a word with ':' (or a dotted IPv4 starting with a digit) is an address.
    /// Names never contain ':', so this never depends on which names are declared.
    /// </summary>
    public static bool LooksLikeAddress(string text) =>
        text.IndexOf(':') >= 0 || (text.Length > 0 && char.IsDigit(text[0]) && text.IndexOf('.') > 0);

    /// <summary>Reads a command-line target: an address (optionally with %zone) when it has ':' or is dotted IPv4, else a name.</summary>
    public static ExpectTarget? Parse(string text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (!LooksLikeAddress(text)) return new ExpectTarget(text, null, null);
        int percent = text.IndexOf('%');
        string? zone = percent >= 0 ? text.Substring(percent + 1) : null;
        return IpAddress.TryParse(percent >= 0 ? text.Substring(0, percent) : text, out var a) ? new ExpectTarget(null, a, zone) : null;
    }
}

/// <summary>
/// <c>expect ping FROM -> TO</c> (the path works) or <c>expect no-ping FROM -> TO</c> (it is blocked): the binder traces
/// it, `lab test` pings it for real, verify runs the positive ones.
/// </summary>
public sealed record Expectation(ExpectationKind Kind, string From, ExpectTarget To, SourceSpan Span)
{
    /// <summary>The keyword after <c>expect</c>.</summary>
    public string Verb => Kind == ExpectationKind.NoPing ? "no-ping" : "ping";

    /// <summary>The statement as written (canonical): "expect no-ping web -> db".</summary>
    public override string ToString() => $"expect {Verb} {From} -> {To}";
}
