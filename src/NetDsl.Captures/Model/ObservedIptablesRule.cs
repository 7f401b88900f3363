using System;
using System.Linq;
using NetDsl.Model;

namespace NetDsl.Captures.Model;

/// <summary>
/// One rule of an iptables/ip6tables chain as <c>ip6tables-save</c> (or <c>ip6tables -S</c>) prints it:
/// <c>-A POSTROUTING -s fd00:1::/64 ! -o br1 -j MASQUERADE</c> in table nat. <see cref="Tokens"/> are the rule's words
/// after <c>-A CHAIN</c>, quotes removed (<c>--comment "netavark firewall plugin rules"</c> is one token).
/// <see cref="Family"/> is "ip6" or "ip" when the capture says which (its command or the save header), else null.
/// </summary>
public sealed record ObservedIptablesRule(string Device, string? Family, string Table, string Chain, string Rule, EquatableArray<string> Tokens, CaptureLocation Location)
    : Observation(Device, Location)
{
    /// <summary>The value after an option (-s, -o, -j…) and whether a '!' negates it; null when the rule has no such option.</summary>
    public (string Value, bool Negated)? Option(params string[] names)
    {
        for (int i = 0; i < Tokens.Count - 1; i++)
        {
            if (!names.Contains(Tokens[i], StringComparer.Ordinal)) continue;
            bool negated = i > 0 && Tokens[i - 1] == "!";
            return (Tokens[i + 1], negated);
        }
        return null;
    }

    /// <summary>The jump target (-j / -g), or null.</summary>
    public string? Target => Option("-j", "--jump", "-g", "--goto")?.Value;
}

/// <summary>A built-in chain's policy: <c>:FORWARD DROP [0:0]</c> or <c>-P FORWARD DROP</c>.</summary>
public sealed record ObservedChainPolicy(string Device, string? Family, string Table, string Chain, string Policy, CaptureLocation Location)
    : Observation(Device, Location);
