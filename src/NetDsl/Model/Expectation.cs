using NetDsl.Addressing;
using NetDsl.Text;

namespace NetDsl.Model;

public enum ExpectationKind
{
    Ping,
}

/// <summary>What an expectation targets: a named node, a literal address, or a link-local with a zone (fe80::1%eth0).</summary>
public sealed record ExpectTarget(string? Name, IpAddress? Address, string? Zone)
{
    public override string ToString() =>
        Name ?? (Address is { } a ? (Zone is null ? a.ToString() : a + "%" + Zone) : "?");
}

/// <summary><c>expect ping FROM -> TO</c>: verify runs it, trace explains it, the binder checks the path exists.</summary>
public sealed record Expectation(ExpectationKind Kind, string From, ExpectTarget To, SourceSpan Span);
