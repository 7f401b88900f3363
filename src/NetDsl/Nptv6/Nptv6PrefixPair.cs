using System.Collections.Generic;
using NetDsl.Addressing;

namespace NetDsl.Nptv6;

/// <summary>An NPTv6 mapping as written: inside prefix ↔ outside prefix (RFC 6296 "internal" and "external").</summary>
public sealed record Nptv6PrefixPair(IpPrefix Inside, IpPrefix Outside)
{
    /// <summary>True when the mapping is 1:1 (equal lengths): inbound after outbound gives the address back.</summary>
    public bool IsReversible => Inside.Length == Outside.Length;

    /// <summary>
    /// Checks what the Linux kernel checks when the rule is installed (and one thing it does not: IPv4).
    /// Errors make the rule unusable; warnings describe a mapping that works but is not RFC 6296 1:1.
    /// </summary>
    public Nptv6PrefixPairCheck Check()
    {
        var errors = new List<string>();
        var warnings = new List<string>();
        CheckPrefix("inside", Inside, errors);
        CheckPrefix("outside", Outside, errors);
        if (errors.Count == 0 && !IsReversible)
        {
            warnings.Add($"inside {Inside} and outside {Outside} have different lengths: translated as Linux does " +
                $"(the first {System.Math.Max(Inside.Length, Outside.Length)} bits are replaced), but the mapping is not reversible, " +
                $"and it is checksum-neutral only for addresses whose bits {System.Math.Min(Inside.Length, Outside.Length)}-{System.Math.Max(Inside.Length, Outside.Length) - 1} " +
                "are zero on the shorter side (otherwise TCP/UDP/ICMPv6 checksums break); RFC 6296 maps prefixes of equal length.");
        }
        return new Nptv6PrefixPairCheck(errors, warnings);
    }

    private static void CheckPrefix(string side, IpPrefix prefix, List<string> errors)
    {
        if (prefix.IsV4)
        {
            errors.Add($"{side} prefix {prefix} is IPv4; NPTv6 translates IPv6 prefixes.");
            return;
        }
        if (prefix.Length > 64)
            errors.Add($"{side} prefix {prefix} is longer than /64; RFC 6296 does not define it (Linux refuses it). Use /64 or shorter.");
        else if (prefix.HasHostBits)
            errors.Add($"{side} prefix {prefix} has bits set after /{prefix.Length}; write the network, {prefix.Network}.");
    }

    public override string ToString() => Inside + " <-> " + Outside;
}

/// <summary>The outcome of <see cref="Nptv6PrefixPair.Check"/>.</summary>
public sealed record Nptv6PrefixPairCheck(IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    public bool IsValid => Errors.Count == 0;
}
