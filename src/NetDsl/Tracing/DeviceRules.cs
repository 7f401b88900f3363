using System.Collections.Generic;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Model;
using NetDsl.Nptv6;

namespace NetDsl.Tracing;

/// <summary>
/// Every rule one device applies to packets, in evaluation order: whether it forwards each family, its forward filter
/// with the policies, its translations. The one place these facts are derived from the model: trace walks them and
/// the lab lowers the ones a vendor device carries (<see cref="RuleMaker.File"/>, <see cref="RuleMaker.VendorDefault"/>),
/// so the two cannot drift apart. Rules the Docker engine makes (see <see cref="DockerEngineRules"/>) slot in here too.
/// </summary>
/// <param name="BridgeNetfilter">Non-null (saying why) when traffic bridged between two ports of one of the device's
/// bridges crosses its IP rules, as with br_netfilter and net.bridge.bridge-nf-call-ip(6)tables=1.</param>
public sealed record DeviceRules(
    EquatableArray<ForwardingFact> Forwarding,
    EquatableArray<FilterRule> Filters,
    EquatableArray<FilterPolicy> Policies,
    EquatableArray<NatRule> Nat,
    string? BridgeNetfilter = null)
{
    public static DeviceRules None { get; } = new(EquatableArray<ForwardingFact>.Empty, EquatableArray<FilterRule>.Empty,
        EquatableArray<FilterPolicy>.Empty, EquatableArray<NatRule>.Empty);

    public bool Forwards(IpFamily family) => Forwarding.LastOrDefault(f => f.Family == family)?.On == true;

    public ForwardingFact? ForwardingOf(IpFamily family) => Forwarding.LastOrDefault(f => f.Family == family);

    public FilterPolicy? PolicyOf(IpFamily family) => Policies.LastOrDefault(p => p.Family == family);

    /// <summary>A router or an upstream: forwards both families, filters nothing (Linux and IOS defaults).</summary>
    public static DeviceRules Router(string vendor) => None with
    {
        Forwarding = EquatableArray.Of(
            new ForwardingFact(IpFamily.Ipv6, true, vendor + " routes IPv6", RuleMaker.VendorDefault),
            new ForwardingFact(IpFamily.Ipv4, true, vendor + " routes IPv4", RuleMaker.VendorDefault)),
    };

    /// <summary>
    /// A PAN-OS firewall: interfaces of one zone pass to each other (intrazone-default); an allow rule passes its zones'
    /// interfaces in its direction and the session's replies back; anything else is dropped (interzone-default).
    /// NPTv6 rules are evaluated top-down, first match on the source zone, the egress interface and the source prefix
    /// (one rule per /64 is the usual layout); each rule's mappings are its source addresses.
    /// </summary>
    public static DeviceRules Firewall(Firewall fw)
    {
        var zones = fw.Interfaces.Where(i => i.Zone is not null).GroupBy(i => i.Zone!)
            .ToDictionary(g => g.Key, g => g.Select(i => i.Name).ToArray());
        string[] In(string zone) => zones.TryGetValue(zone, out var names) ? names : new string[0];

        var filters = new List<FilterRule>();
        foreach (var zone in zones)
            filters.Add(new FilterRule(null, InterfaceMatch.Of(zone.Value), InterfaceMatch.Of(zone.Value), PacketMatch.All, FilterAction.Accept,
                $"PAN-OS intrazone-default (zone {zone.Key})", RuleMaker.VendorDefault));
        foreach (var allow in fw.Allows)
        {
            if (In(allow.FromZone).Length == 0 || In(allow.ToZone).Length == 0) continue;
            filters.Add(new FilterRule(null, InterfaceMatch.Of(In(allow.FromZone)), InterfaceMatch.Of(In(allow.ToZone)), PacketMatch.All, FilterAction.Accept,
                "allow " + allow.Name, RuleMaker.File));
            filters.Add(new FilterRule(null, InterfaceMatch.Of(In(allow.ToZone)), InterfaceMatch.Of(In(allow.FromZone)), PacketMatch.Replies, FilterAction.Accept,
                $"allow {allow.Name} (replies of its sessions)", RuleMaker.File));
        }
        var policies = new[] { IpFamily.Ipv6, IpFamily.Ipv4 }
            .Select(f => new FilterPolicy(f, FilterAction.Drop, "PAN-OS interzone-default: deny", RuleMaker.VendorDefault));

        var nat = new List<NatRule>();
        foreach (var rule in fw.Nptv6Rules)
            foreach (var m in rule.Mappings)
                nat.Add(new NatRule(NatKind.Nptv6Outbound, IpFamily.Ipv6, InterfaceMatch.Of(In(rule.FromZone)), InterfaceMatch.Of(rule.Interface),
                    m.Inside, null, new Nptv6PrefixPair(m.Inside, m.Outside), rule.Name, $"nptv6 rule {rule.Name}", RuleMaker.File));
        foreach (var rule in fw.Nptv6Rules)
            foreach (var m in rule.Mappings)
                nat.Add(new NatRule(NatKind.Nptv6Inbound, IpFamily.Ipv6, InterfaceMatch.Of(rule.Interface), InterfaceMatch.Any,
                    null, m.Outside, new Nptv6PrefixPair(m.Inside, m.Outside), rule.Name, $"nptv6 rule {rule.Name} (inbound)", RuleMaker.File));

        return Router("PAN-OS") with { Filters = filters.ToEquatableArray(), Policies = policies.ToEquatableArray(), Nat = nat.ToEquatableArray() };
    }

    /// <summary>
    /// A Docker host: what `netdsl apply` makes (IPv6 forwarding, the file's masquerades as nftables, NetDsl's NPTv6
    /// gateways) and what the
    /// engine makes by itself (<see cref="DockerEngineRules"/>).
    /// </summary>
    public static DeviceRules DockerHost(NetworkModel model, DockerHost host, IReadOnlyList<(DockerNetwork Network, string Bridge)> bridges)
    {
        var forwarding = new List<ForwardingFact>
        {
            new(IpFamily.Ipv6, true, "netdsl apply sets net.ipv6.conf.all.forwarding=1", RuleMaker.Apply),
        };
        // NetDsl's NPTv6 gateway (a host's nptv6 rule) translates before the masquerade sees the packet, and like the
        // firewall's ip6t_NPT it is stateless: requests and replies alike.
        var nat = new List<NatRule>();
        foreach (var rule in host.Nptv6Rules)
            foreach (var m in rule.Mappings)
            {
                var pair = new Nptv6PrefixPair(m.Inside, m.Outside);
                string origin = $"nptv6 rule {rule.Name} (NetDsl's gateway on {host.Name})";
                nat.Add(new NatRule(NatKind.Nptv6Outbound, IpFamily.Ipv6, InterfaceMatch.Any, InterfaceMatch.Of(rule.Interface), m.Inside, null, pair, rule.Name, origin, RuleMaker.Apply));
                nat.Add(new NatRule(NatKind.Nptv6Inbound, IpFamily.Ipv6, InterfaceMatch.Of(rule.Interface), InterfaceMatch.Any, null, m.Outside, pair, rule.Name, origin + " (inbound)", RuleMaker.Apply));
            }
        foreach (var m in host.Masquerades)
            if (MasqueradeRule(m) is { } rule) nat.Add(rule);
        var engine = DockerEngineRules.For(model, host, bridges);
        forwarding.AddRange(engine.Forwarding);
        nat.AddRange(engine.Nat);
        return new DeviceRules(forwarding.ToEquatableArray(), engine.Filters, engine.Policies, nat.ToEquatableArray(), engine.BridgeNetfilter);
    }

    /// <summary>
    /// A host's masquerade as the rule apply installs (<c>oifname != "X" oifname "Y" masquerade</c>), the one place
    /// its interfaces are matched: trace follows it and the diagram draws it on the links it rewrites. <c>out Y</c>:
    /// packets leaving by Y; <c>out-not X</c>: by any other; both: by Y, unless Y is X, when no packet matches and
    /// there is no rule (NDSL3210 warns of it). <see cref="NatRule.Origin"/> is the rule as the file writes it.
    /// </summary>
    private static NatRule? MasqueradeRule(Masquerade m) =>
        MasqueradeOutput(m) is { } output
            ? new NatRule(NatKind.Masquerade, m.Family, InterfaceMatch.Any, output, m.Source, null, null, "masquerade", m.Describe(), RuleMaker.Apply)
            : null;

    /// <summary>
    /// The egress interfaces a masquerade rewrites: all its interface conditions (<c>out</c>, <c>out-not</c>) at once,
    /// or null when they contradict each other and no interface is left.
    /// </summary>
    public static InterfaceMatch? MasqueradeOutput(Masquerade m) =>
        (m.OutputInterface is { } only ? InterfaceMatch.Of(only) : InterfaceMatch.Any)
            .And(m.ExcludedOutputInterface is { } except ? InterfaceMatch.Not(except) : InterfaceMatch.Any);
}
