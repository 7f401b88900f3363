using System;
using System.Collections.Generic;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Captures.Model;
using NetDsl.Engines;
using NetDsl.Model;
using NetDsl.Planning;

namespace NetDsl.Captures.Verification;

/// <summary>The outcome of one engine-firewall fact against one listing: passes, fails, or cannot tell.</summary>
public enum RuleVerdict
{
    Holds,
    Broken,
    Unknown,
}

/// <summary>What a listing says about one expected rule, with the line that says it.</summary>
public sealed record RuleFinding(RuleVerdict Verdict, string Observed, CaptureLocation? Location, string? Note = null);

/// <summary>
/// Holds the rules an engine makes in its own firewall (<see cref="EngineFirewallFact"/>) to a listing of the
/// host's firewall: <c>ip6tables-save</c> (dockerd's iptables backend, netavark) or <c>nft list ruleset</c> (dockerd's
/// nftables backend). Semantic, not textual: a masquerade is any nat rule with the subnet as source and MASQUERADE as
/// target (and, for dockerd, <c>! -o BRIDGE</c>), wherever the chain. Used by <c>verify --captures</c>, by live
/// verify (which runs the same commands on the host) and by the tests that hold the table to moby's own listings.
/// </summary>
public static class EngineFirewallChecks
{
    /// <param name="bridge">The bridge's name (declared, or resolved from the engine); null when nobody can tell.</param>
    public static RuleFinding Check(EngineFirewallFact fact, IReadOnlyList<Observation> listing, string? bridge) =>
        fact.Backend == FirewallBackend.Nftables
            ? CheckNft(fact, listing.OfType<ObservedNftRule>().Where(r => FamilyMatches(fact.Family, r.Family)).ToList(), bridge)
            : CheckIptables(fact, listing.OfType<ObservedIptablesRule>().Where(r => r.Family is null || FamilyMatches(fact.Family, r.Family)).ToList(),
                listing.OfType<ObservedChainPolicy>().Where(r => r.Family is null || FamilyMatches(fact.Family, r.Family)).ToList(), bridge);

    private static bool FamilyMatches(IpFamily family, string observed) =>
        observed == "inet" || observed == (family == IpFamily.Ipv6 ? "ip6" : "ip");

    private static RuleFinding CheckIptables(EngineFirewallFact f, List<ObservedIptablesRule> rules, List<ObservedChainPolicy> policies, string? bridge)
    {
        if (rules.Count == 0 && policies.Count == 0) return new(RuleVerdict.Unknown, "(no rules)", null, "the listing has no rules of this family");
        switch (f.Kind)
        {
            case EngineRuleKind.ForwardPolicyDrop:
            {
                var policy = policies.FirstOrDefault(p => p.Table == "filter" && p.Chain == "FORWARD");
                if (policy is null) return new(RuleVerdict.Unknown, "(no FORWARD policy line)", null);
                return new(policy.Policy == "DROP" ? RuleVerdict.Holds : RuleVerdict.Broken, ":FORWARD " + policy.Policy, policy.Location);
            }
            case EngineRuleKind.Masquerade:
            case EngineRuleKind.NoMasquerade:
            {
                var hits = Masquerades(f, rules, bridge).ToList();
                if (f.Kind == EngineRuleKind.Masquerade)
                    return hits.Count > 0
                        ? new(RuleVerdict.Holds, Show(hits[0]), hits[0].Location)
                        : new(RuleVerdict.Broken, "no MASQUERADE of " + f.Subnet, null, AnyMasquerade(rules));
                return hits.Count == 0
                    ? new(RuleVerdict.Holds, "no MASQUERADE of " + f.Subnet, null)
                    : new(RuleVerdict.Broken, Show(hits[0]), hits[0].Location, "the engine masquerades this network");
            }
        }
        if (bridge is null) return new(RuleVerdict.Unknown, "(bridge unknown)", null, "the engine named the bridge; declare bridge-name or capture `ip -6 addr` of the host");
        string icmp = f.Family == IpFamily.Ipv6 ? "ipv6-icmp" : "icmp";
        bool IntoBridge(ObservedIptablesRule r) => r.Table == "filter" && r.Option("-o", "--out-interface") is { Negated: false } o && o.Value == bridge;
        bool NotFromBridge(ObservedIptablesRule r) => r.Option("-i", "--in-interface") is { Negated: true } i && i.Value == bridge;
        switch (f.Kind)
        {
            case EngineRuleKind.DropInbound:
            {
                var hit = rules.FirstOrDefault(r => IntoBridge(r) && NotFromBridge(r) && r.Target == "DROP");
                return hit is not null ? new(RuleVerdict.Holds, Show(hit), hit.Location) : new(RuleVerdict.Broken, $"no DROP into {bridge}", null);
            }
            case EngineRuleKind.AcceptIcmpInbound:
            {
                var hit = rules.FirstOrDefault(r => IntoBridge(r) && r.Target == "ACCEPT" && r.Option("-p", "--protocol") is { Negated: false } p
                    && (p.Value == icmp || p.Value == "icmpv6" || p.Value == "icmp" || p.Value == "58" || p.Value == "1"));
                return hit is not null ? new(RuleVerdict.Holds, Show(hit), hit.Location) : new(RuleVerdict.Broken, $"no ICMP ACCEPT into {bridge}", null);
            }
            case EngineRuleKind.AcceptInbound:
            {
                var drop = rules.FirstOrDefault(r => IntoBridge(r) && NotFromBridge(r) && r.Target == "DROP");
                return drop is null ? new(RuleVerdict.Holds, $"no DROP into {bridge}", null) : new(RuleVerdict.Broken, Show(drop), drop.Location);
            }
            default:
            {
                var hit = rules.FirstOrDefault(r => IntoBridge(r) && r.Option("-i", "--in-interface") is null && r.Target == "DROP"
                    && r.Chain.Contains("ISOLATION", StringComparison.Ordinal));
                return hit is not null ? new(RuleVerdict.Holds, Show(hit), hit.Location) : new(RuleVerdict.Broken, $"no isolation DROP into {bridge}", null);
            }
        }
    }

    /// <summary>
    /// dockerd: <c>-s SUBNET ! -o BRIDGE -j MASQUERADE</c>. netavark: <c>-s SUBNET -j NETAVARK-…</c> in POSTROUTING, whose chain
    /// masquerades (after accepting the subnet itself).
    /// </summary>
    private static IEnumerable<ObservedIptablesRule> Masquerades(EngineFirewallFact f, List<ObservedIptablesRule> rules, string? bridge)
    {
        var nat = rules.Where(r => r.Table == "nat").ToList();
        bool FromSubnet(ObservedIptablesRule r) => r.Option("-s", "--source") is { Negated: false } s && IpPrefix.TryParse(s.Value, out var p) && p == f.Subnet;
        foreach (var r in nat.Where(FromSubnet))
        {
            if (r.Target == "MASQUERADE")
            {
                if (f.Backend == FirewallBackend.Netavark || bridge is null || r.Option("-o", "--out-interface") is { Negated: true } o && o.Value == bridge)
                    yield return r;
            }
            else if (r.Target is { } chain && nat.Any(x => x.Chain == chain && x.Target == "MASQUERADE"))
                yield return r;
        }
    }

    private static string? AnyMasquerade(List<ObservedIptablesRule> rules)
    {
        var any = rules.Where(r => r.Table == "nat" && r.Target == "MASQUERADE").Select(Show).ToList();
        return any.Count == 0 ? "no MASQUERADE rule at all" : "masquerades: " + string.Join(" | ", any.Take(4));
    }

    private static string Show(ObservedIptablesRule r) => "-A " + r.Chain + " " + r.Rule + (r.Table == "filter" ? "" : " (" + r.Table + ")");

    private static RuleFinding CheckNft(EngineFirewallFact f, List<ObservedNftRule> rules, string? bridge)
    {
        if (rules.Count == 0) return new(RuleVerdict.Unknown, "(no rules)", null, "the listing has no nftables rules of this family");
        string family = f.Family == IpFamily.Ipv6 ? "ip6" : "ip";
        var ours = rules.Where(r => r.Table == "docker-bridges").ToList();
        switch (f.Kind)
        {
            case EngineRuleKind.Masquerade:
            case EngineRuleKind.NoMasquerade:
            {
                var hits = ours.Where(r => r.IsMasquerade && r.Rule.Contains(family + " saddr " + f.Subnet, StringComparison.Ordinal)
                    && (bridge is null || r.Rule.Contains("oifname != \"" + bridge + "\"", StringComparison.Ordinal))).ToList();
                if (f.Kind == EngineRuleKind.Masquerade)
                    return hits.Count > 0 ? new(RuleVerdict.Holds, hits[0].Rule + " in " + hits[0].Chain, hits[0].Location) : new(RuleVerdict.Broken, "no masquerade of " + f.Subnet, null);
                return hits.Count == 0 ? new(RuleVerdict.Holds, "no masquerade of " + f.Subnet, null) : new(RuleVerdict.Broken, hits[0].Rule, hits[0].Location);
            }
            case EngineRuleKind.ForwardPolicyDrop:
                return new(RuleVerdict.Unknown, "(not in docker-bridges)", null, "with firewall-backend nftables dockerd sets no policy");
        }
        if (bridge is null) return new(RuleVerdict.Unknown, "(bridge unknown)", null, "the engine named the bridge; declare bridge-name");
        var into = ours.Where(r => r.Chain == "filter-forward-in__" + bridge).ToList();
        if (into.Count == 0) return new(RuleVerdict.Broken, "no chain filter-forward-in__" + bridge, null);
        // The chain's verdict for a new connection from elsewhere: its first rule that is not about replies or the bridge itself.
        var decisive = into.Where(r => !r.Rule.Contains("ct state", StringComparison.Ordinal) && !r.Rule.Contains("iifname \"" + bridge + "\"", StringComparison.Ordinal)).ToList();
        bool IsIcmp(ObservedNftRule r) => r.Rule.Contains("icmp", StringComparison.Ordinal);
        switch (f.Kind)
        {
            case EngineRuleKind.AcceptIcmpInbound:
            {
                var hit = decisive.FirstOrDefault(r => IsIcmp(r) && r.Rule.Contains("accept", StringComparison.Ordinal));
                return hit is not null ? new(RuleVerdict.Holds, hit.Rule, hit.Location) : new(RuleVerdict.Broken, "no ICMP accept in filter-forward-in__" + bridge, null);
            }
            case EngineRuleKind.AcceptInbound:
            {
                var first = decisive.FirstOrDefault(r => !IsIcmp(r));
                return first is not null && first.Rule.Contains("accept", StringComparison.Ordinal)
                    ? new(RuleVerdict.Holds, first.Rule, first.Location)
                    : new(RuleVerdict.Broken, first?.Rule ?? "(no verdict)", first?.Location);
            }
            default:
            {
                var first = decisive.FirstOrDefault(r => !IsIcmp(r));
                return first is not null && first.Rule.Contains("drop", StringComparison.Ordinal)
                    ? new(RuleVerdict.Holds, first.Rule, first.Location)
                    : new(RuleVerdict.Broken, first?.Rule ?? "(no verdict)", first?.Location);
            }
        }
    }
}
