using System.Collections.Generic;
using System.Linq;
using NetDsl.Model;
using NetDsl.Tracing;

namespace NetDsl.Planning;

/// <summary>
/// The facts beyond the Docker engine: the host's uplink addresses and masquerade, the conntrack entries that
/// masqueraded pings leave, and the router's and firewall's interfaces, zones, static routes and NAT rules. They
/// come after the Docker facts so the Docker facts keep their order. Captures observe them; live verify cannot
/// log into routers and firewalls.
/// </summary>
internal static class DeviceFactPlanner
{
    public static void Add(NetworkModel model, List<VerifyFact> facts)
    {
        foreach (var host in model.Hosts)
        {
            Interfaces(host.Name, DeviceRole.DockerHost, host.Interfaces, facts);
            foreach (var m in host.Masquerades)
                facts.Add(new MasqueradeFact(host.Name, m.Family, NftablesRuleset.RuleText(m)));
        }
        Conntrack(model, facts);
        foreach (var router in model.Routers)
        {
            Interfaces(router.Name, DeviceRole.Router, router.Interfaces, facts);
            Routes(router.Name, DeviceRole.Router, router.Routes, facts);
        }
        foreach (var firewall in model.Firewalls)
        {
            Interfaces(firewall.Name, DeviceRole.Firewall, firewall.Interfaces, facts);
            foreach (var i in firewall.Interfaces.Where(i => i.Zone is not null))
                facts.Add(new ZoneFact(firewall.Name, i.Name, i.Zone!));
            Routes(firewall.Name, DeviceRole.Firewall, firewall.Routes, facts);
            foreach (var rule in firewall.Nptv6Rules) NatRules(firewall.Name, rule, facts);
        }
    }

    private static void Interfaces(string device, DeviceRole role, EquatableArray<NetworkInterface> interfaces, List<VerifyFact> facts)
    {
        foreach (var i in interfaces)
        {
            foreach (var a in i.Addresses) facts.Add(new DeviceAddressFact(device, role, i.Name, a.Address, a.Length));
            if (i.LinkLocal is { } ll && !i.Addresses.Any(a => a.Address == ll))
                facts.Add(new DeviceAddressFact(device, role, i.Name, ll, null));
        }
    }

    private static void Routes(string device, DeviceRole role, EquatableArray<Route> routes, List<VerifyFact> facts)
    {
        foreach (var r in routes) facts.Add(new StaticRouteFact(device, role, r.Destination, r.Interface, r.NextHop));
    }

    /// <summary>
    /// Mirrors the PAN-OS renderer: one NAT rule per outside prefix (the first keeps the name, later ones get -2, -3…),
    /// so the facts name the rules a firewall configured from `netdsl emit` has.
    /// </summary>
    private static void NatRules(string device, Nptv6Rule rule, List<VerifyFact> facts)
    {
        var groups = rule.Mappings.GroupBy(m => m.Outside).ToList();
        for (int n = 0; n < groups.Count; n++)
        {
            string name = n == 0 ? rule.Name : rule.Name + "-" + (n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            facts.Add(NatRuleFact.Text(device, name, NatRuleField.Type, "nptv6"));
            facts.Add(NatRuleFact.Text(device, name, NatRuleField.FromZone, rule.FromZone));
            facts.Add(NatRuleFact.Text(device, name, NatRuleField.ToZone, rule.ToZone));
            facts.Add(NatRuleFact.Text(device, name, NatRuleField.ToInterface, rule.Interface));
            facts.Add(NatRuleFact.Of(device, name, NatRuleField.Sources, groups[n].Select(m => m.Inside)));
            facts.Add(NatRuleFact.Of(device, name, NatRuleField.TranslatedSource, new[] { groups[n].Key }));
        }
    }

    /// <summary>
    /// For each <c>expect ping</c> the tracer masquerades on a Docker host: the entry conntrack shows there
    /// (seed: src=fd5a:ceb9:ed8d:1::2 dst=2001:4860:4860::8888 … src=2001:4860:4860::8888 dst=&lt;host's ens192 address&gt;).
    /// </summary>
    private static void Conntrack(NetworkModel model, List<VerifyFact> facts)
    {
        var pings = model.Expectations.Where(e => e.Kind == ExpectationKind.Ping).ToList();
        if (pings.Count == 0 || model.Hosts.All(h => h.Masquerades.IsEmpty)) return;
        var tracer = new PathTracer(model);
        var keys = new HashSet<string>();
        foreach (var e in pings)
        {
            var trace = tracer.Trace(e);
            foreach (var hop in trace.Forward)
            {
                foreach (var rw in hop.Rewrites.Where(r => r.Kind == "masquerade"))
                {
                    var fact = new ConntrackFact(hop.Device, e.From, e.To.ToString(), rw.From.IsV4 ? "icmp" : "icmpv6",
                        rw.From, hop.Destination, hop.Destination, rw.To);
                    if (keys.Add(fact.Key)) facts.Add(fact);
                }
            }
        }
    }
}
