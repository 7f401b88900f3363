using NetDsl.Addressing;

namespace NetDsl.Binding;

/// <summary>
/// Prefixes a Docker network (or fixed-cidr-v6, or an address pool) cannot use: its addresses are handed to
/// interfaces, so they must be unicast. A subnet overlapping multicast, loopback, IPv4-mapped space or the whole
/// address space is refused (NDSL2011) instead of being accepted and failing in the engine or on the wire.
/// </summary>
internal static class UnicastRanges
{
    private static readonly (IpPrefix Range, string What)[] Reserved =
    {
        (IpPrefix.Parse("ff00::/8"), "multicast (ff00::/8)"),
        (IpPrefix.Parse("::ffff:0:0/96"), "IPv4-mapped (::ffff:0:0/96)"),
        (IpPrefix.Parse("::1/128"), "the loopback address ::1"),
        (IpPrefix.Parse("::/128"), "the unspecified address ::"),
        (IpPrefix.Parse("224.0.0.0/4"), "multicast (224.0.0.0/4)"),
        (IpPrefix.Parse("127.0.0.0/8"), "loopback (127.0.0.0/8)"),
        (IpPrefix.Parse("0.0.0.0/8"), "\"this network\" (0.0.0.0/8)"),
        (IpPrefix.Parse("240.0.0.0/4"), "reserved (240.0.0.0/4, with the broadcast address)"),
    };

    /// <summary>Null for a usable prefix; else what it is or overlaps, as a message reads it.</summary>
    public static string? Problem(IpPrefix prefix)
    {
        if (prefix.Length == 0) return "the whole address space";
        foreach (var (range, what) in Reserved)
        {
            if (range.IsV4 != prefix.IsV4 || !range.Overlaps(prefix)) continue;
            return range.Contains(prefix) ? what : "overlaps " + what;
        }
        return null;
    }

    /// <summary>Reports NDSL2011 and returns false for a prefix that is not unicast.</summary>
    public static bool Check(BindingContext context, IpPrefix prefix, Syntax.SyntaxNode node, string what, string user)
    {
        if (Problem(prefix) is not { } problem) return true;
        context.Diagnostics.Report(Diagnostics.DiagnosticDefinitions.SubnetNotUnicast, node.Span, what, prefix, problem, user);
        return false;
    }
}
