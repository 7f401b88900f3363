using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Model;
using NetDsl.Tracing;

namespace NetDsl.Lab;

/// <summary>
/// Lowers a model to a <see cref="LabPlan"/>. Links come from <see cref="Topology"/> (shared subnets), so the lab
/// wires exactly what trace walks: two interfaces on a subnet get a veth pair; three or more get a switch namespace
/// with a Linux bridge and one veth per member; an interface alone on its subnet gets a veth whose peer stays in
/// its own namespace (a port with carrier but nobody behind it). Docker bridges and container endpoints are the
/// engine's, not the lab's.
/// </summary>
public static class LabLowering
{
    public static LabPlan Lower(NetworkModel model, LabName name, Translators.LabTranslator translator = Translators.LabTranslator.Kernel)
    {
        var topology = Topology.Build(model);
        var devices = topology.Devices
            .Where(d => d.Kind != DeviceKind.Container)
            .Select(d => new LabDevice(d.Name, d.Kind, name.Namespace(d.Name)))
            .ToList();
        var nsOf = devices.ToDictionary(d => d.Name, d => d.Namespace);

        // Lab-made interfaces: every declared one (a Docker host's bridges are created by its engine).
        var physical = topology.Devices
            .Where(d => d.Kind != DeviceKind.Container)
            .SelectMany(d => d.Interfaces.Where(i => d.Host is null || d.Host.Interfaces.Any(h => h.Name == i.Name)))
            .ToList();
        var map = new List<LabInterfaceName>();
        var taken = new Dictionary<string, HashSet<string>>();
        var linux = new Dictionary<TopologyInterface, string>();
        foreach (var i in physical)
        {
            if (!taken.TryGetValue(i.Device.Name, out var names)) taken[i.Device.Name] = names = new HashSet<string>();
            linux[i] = InterfaceNames.Map(i.Name, names);
            map.Add(new LabInterfaceName(i.Device.Name, i.Name, linux[i]));
        }

        var switches = new List<string>();
        var veths = new List<LabVeth>();
        var steps = new List<LabStep>();
        int lone = 0;
        foreach (var link in physical.GroupBy(i => i.Link))
        {
            var members = link.ToList();
            if (members.Count == 2)
            {
                veths.Add(new LabVeth(new LabLinkEnd(nsOf[members[0].Device.Name], linux[members[0]]), new LabLinkEnd(nsOf[members[1].Device.Name], linux[members[1]])));
            }
            else if (members.Count == 1)
            {
                var m = members[0];
                veths.Add(new LabVeth(new LabLinkEnd(nsOf[m.Device.Name], linux[m]), new LabLinkEnd(nsOf[m.Device.Name], "lone" + (lone++).ToString(CultureInfo.InvariantCulture))));
            }
            else
            {
                string sw = name.Prefix + "sw" + switches.Count.ToString(CultureInfo.InvariantCulture);
                switches.Add(sw);
                // The switch is layer 2 only: no addresses, no router solicitations of its own.
                steps.Add(new LabStep(sw, "switch for " + string.Join(", ", members.Select(m => m.ToString())), new[] { "ip", "link", "add", "br0", "type", "bridge" }));
                steps.Add(new LabStep(sw, "switch up", new[] { "ip", "link", "set", "br0", "up" }));
                for (int p = 0; p < members.Count; p++)
                {
                    string port = "p" + p.ToString(CultureInfo.InvariantCulture);
                    veths.Add(new LabVeth(new LabLinkEnd(nsOf[members[p].Device.Name], linux[members[p]]), new LabLinkEnd(sw, port)));
                    steps.Add(new LabStep(sw, "switch port for " + members[p], new[] { "ip", "link", "set", port, "master", "br0" }));
                }
            }
        }

        foreach (var device in topology.Devices.Where(d => d.Kind != DeviceKind.Container))
            steps.AddRange(DeviceSteps(device, nsOf[device.Name], i => linux.TryGetValue(i, out var l) ? l : i.Name, translator));
        var gateways = topology.Devices.Where(d => d.Firewall is not null)
            .SelectMany(d => Translators.Nptv6Lowering.Gateways(translator, d.Firewall!, nsOf[d.Name])).ToList();
        return new LabPlan(name, devices, switches, veths, map, steps) { Gateways = gateways };
    }

    private static IEnumerable<LabStep> DeviceSteps(TopologyDevice device, string ns, System.Func<TopologyInterface, string> linux, Translators.LabTranslator translator)
    {
        var physical = device.Interfaces.Where(i => device.Host is null || device.Host.Interfaces.Any(h => h.Name == i.Name)).ToList();
        // Forwarding as the device's rules say; a Docker host's is its engine's (IPv4) and apply's (IPv6).
        foreach (var f in device.Rules.Forwarding.Where(f => f.Maker is RuleMaker.File or RuleMaker.VendorDefault))
        {
            string key = f.Family == IpFamily.Ipv6 ? "net.ipv6.conf.all.forwarding" : "net.ipv4.ip_forward";
            yield return new LabStep(ns, $"forwarding ({f.Origin})", new[] { "sysctl", "-qw", key + "=" + (f.On ? "1" : "0") });
        }
        if (device.Kind == DeviceKind.Upstream)
        {
            // Every echo gets its reply, however fast a test pings.
            yield return new LabStep(ns, "no ICMPv6 rate limit", new[] { "sysctl", "-qw", "net.ipv6.icmp.ratelimit=0" });
            yield return new LabStep(ns, "no ICMP rate limit", new[] { "sysctl", "-qw", "net.ipv4.icmp_ratelimit=0" });
        }

        foreach (var i in physical)
        {
            string dev = linux(i);
            foreach (var a in i.Addresses)
            {
                var cmd = a.IsV4 ? new[] { "ip", "-4", "addr", "add", a.ToString(), "dev", dev } : new[] { "ip", "-6", "addr", "add", a.ToString(), "dev", dev, "nodad" };
                yield return new LabStep(ns, $"address of {i.Name}", cmd);
            }
            if (i.LinkLocal is { } ll)
            {
                // On IOS and PAN-OS a declared link-local replaces the automatic one (trace knows the source); a Linux
                // host keeps both (trace says the kernel picks).
                if (device.Host is null)
                    yield return new LabStep(ns, $"no automatic link-local on {i.Name} (the declared one replaces it)", new[] { "ip", "-6", "addr", "flush", "dev", dev, "scope", "link" });
                yield return new LabStep(ns, $"declared link-local of {i.Name}", new[] { "ip", "-6", "addr", "add", ll + "/64", "dev", dev, "nodad" });
            }
        }
        foreach (var (hostName, address) in device.Hosted)
        {
            yield return new LabStep(ns, $"external host {hostName}", address.IsV4
                ? new[] { "ip", "-4", "addr", "add", address + "/32", "dev", "lo" }
                : new[] { "ip", "-6", "addr", "add", address + "/128", "dev", "lo" });
        }

        foreach (var r in device.Routes)
        {
            var cmd = new List<string> { "ip", r.Destination.IsV4 ? "-4" : "-6", "route", "replace", r.Destination.ToString() };
            if (r.NextHop is { } hop) cmd.AddRange(new[] { "via", hop.ToString() });
            var egress = r.Interface is null ? null : device.Interface(r.Interface);
            if (egress is not null) cmd.AddRange(new[] { "dev", linux(egress) });
            // A router advertisement cannot be had in the lab: the route it would teach is installed as it would
            // appear, marked proto ra (and without an expiry, which a real RA route has).
            if (r.Origin == RouteOrigin.RouterAdvertisement) cmd.AddRange(new[] { "proto", "ra" });
            yield return new LabStep(ns, r.Origin == RouteOrigin.RouterAdvertisement ? "route (from RA on a real host; static here)" : "route", cmd);
        }

        if (device.Host is not null) yield break;   // apply and the engine make a Docker host's rules
        string Linux(string name) => device.Interface(name) is { } i ? linux(i) : name;
        if (NetfilterRules.Render(device, IpFamily.Ipv6, Linux, translator) is { } v6)
            yield return new LabStep(ns, "filter and NPTv6 rules (IPv6)", new[] { "ip6tables-restore" }, v6);
        if (NetfilterRules.Render(device, IpFamily.Ipv4, Linux, translator) is { } v4)
            yield return new LabStep(ns, "filter rules (IPv4)", new[] { "iptables-restore" }, v4);
    }
}
