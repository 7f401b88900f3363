using System;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Captures.Model;
using NetDsl.Planning;

namespace NetDsl.Captures.Verification;

/// <summary>The Docker facts (those live verify also checks) against `docker network inspect`, `ip addr` and `ip -6 route`.</summary>
internal static class DockerChecks
{
    public static CaptureFactResult NetworkField(CaptureContext c, NetworkFieldFact f) =>
        CaptureVerifier.Evaluate(f, c.Covering(f.Device, CaptureFormat.DockerNetworkInspect), file =>
        {
            // `docker network inspect NAME` shows only the networks named: another network's capture says nothing.
            var n = file.OfType<ObservedNetwork>().FirstOrDefault(x => x.Name == f.Network);
            if (n is null) return Finding.Absent("no network " + f.Network, conclusive: false);
            if (f.Field == Planning.NetworkField.EnableIpv6)
            {
                string enabled = n.EnableIPv6 ? "true" : "false";
                return enabled == f.Expected ? Finding.Match(enabled, n.Location) : Finding.Mismatch(enabled, n.Location);
            }
            bool v4 = f.Field is Planning.NetworkField.Subnet4 or Planning.NetworkField.Gateway4;
            var subnets = n.Subnets.Where(s => (s.Subnet.Address.Value?.IsV4 ?? false) == v4).ToList();
            var where = subnets.Count > 0 ? subnets[0].Location : n.Location;
            if (f.Field is Planning.NetworkField.Subnet6 or Planning.NetworkField.Subnet4)
            {
                var expected = IpPrefix.Parse(f.Expected);
                var hit = subnets.FirstOrDefault(s => c.Resolve(s.Subnet) == expected);
                string observed = AddressText.List(subnets.Select(s => s.Subnet.ToString()), "no " + (v4 ? "IPv4" : "IPv6") + " subnet");
                return hit is not null ? Finding.Match(hit.Subnet.ToString(), hit.Location) : Finding.Mismatch(observed, where);
            }
            var gateway = IpAddress.Parse(f.Expected);
            var gateways = subnets.Where(s => s.Gateway is not null).ToList();
            var found = gateways.FirstOrDefault(s => c.Resolve(s.Gateway) == gateway);
            if (found is not null) return Finding.Match(found.Gateway!.ToString(), found.Location);
            // No gateway in the IPAM config means the engine took the subnet's first address: exactly the default the
            // model predicts when the file declares none (the write-up's network was made without --gateway).
            var subnetOfGateway = subnets.FirstOrDefault(s => c.Resolve(s.Subnet) is { } p && p.Contains(gateway));
            if (gateways.Count == 0 && subnetOfGateway is not null && c.Resolve(subnetOfGateway.Subnet) is { } sp && sp.Nth(1) == gateway)
                return Finding.Match("(none: the engine's default, " + gateway + ")", subnetOfGateway.Location,
                    "created without --gateway: the engine uses the subnet's first address");
            return Finding.Mismatch(AddressText.List(gateways.Select(s => s.Gateway!.ToString()), "none"), where,
                gateways.Count == 0 && !v4
                    ? "the IPAM config has no IPv6 gateway: the network was created without --gateway (NetDsl pins it); the bridge address is checked separately"
                    : null);
        }, CaptureVerifier.NoCapture(f.Device, "`docker network inspect " + f.Network + "`"));

    public static CaptureFactResult Address(CaptureContext c, InterfaceAddressFact f)
    {
        var files = c.Covering(f.Device, CaptureFormat.IpAddr);
        string? host = null;
        if (f.IsContainer && f.Network is not null && c.Model.FindNetwork(f.Network) is { } network)
        {
            host = network.Host;
            files = files.Concat(c.Covering(host, CaptureFormat.DockerNetworkInspect));
        }
        string? iface = f.IsContainer ? f.Interface : c.BridgeName(f.Device, f.Interface, f.Network);
        return CaptureVerifier.Evaluate(f, files, file => file.Format == CaptureFormat.DockerNetworkInspect
                ? Endpoint(c, file, f)
                : IpAddr(c, file, iface, f.Address, f.PrefixLength),
            CaptureVerifier.NoCapture(f.Device, "`ip addr`") + (host is null ? "" : " or `docker network inspect " + f.Network + "` from " + host));
    }

    /// <summary>
    /// An address on an interface in `ip addr`: compared by value and prefix length (a null length compares the address
    /// only). Flags such as tentative or nodad do not matter: the address is configured.
    /// </summary>
    internal static Finding IpAddr(CaptureContext c, CaptureFile file, string? iface, IpAddress address, int? length)
    {
        if (iface is null) return Finding.Inconclusive("the bridge's name is unknown (no bridge-name, no inspect of its network)");
        var link = file.OfType<ObservedInterface>().FirstOrDefault(i => i.Name == iface);
        if (link is null) return Finding.Absent("no interface " + iface);
        var family = link.Addresses.Where(a => (c.Resolve(a.Address)?.Address.IsV4 ?? a.Address.Address.Value?.IsV4 ?? false) == address.IsV4).ToList();
        // `ip -4 addr` says nothing about IPv6 addresses, and the other way round.
        if (family.Count == 0) return Finding.Absent("no " + (address.IsV4 ? "IPv4" : "IPv6") + " address on " + iface, conclusive: false);
        var hit = family.FirstOrDefault(a => c.Resolve(a.Address) is { } p && p.Address == address && (length is null || p.Length == length));
        if (hit is not null)
            return Finding.Match(AddressText.Of(hit), hit.Location, hit.HasFlag("tentative") ? "tentative when captured (duplicate address detection not finished)" : null);
        var unresolved = family.Select(a => c.Unresolvable(a.Address.Address)).FirstOrDefault(n => n is not null);
        if (unresolved is not null) return Finding.Inconclusive(unresolved);
        return Finding.Mismatch(AddressText.List(family.Select(AddressText.Of), "none"), family[0].Location);
    }

    private static Finding Endpoint(CaptureContext c, CaptureFile file, InterfaceAddressFact f)
    {
        var n = file.OfType<ObservedNetwork>().FirstOrDefault(x => x.Name == f.Network);
        if (n is null) return Finding.Absent("no network " + f.Network, conclusive: false);
        var e = n.Containers.FirstOrDefault(x => x.Name == f.Device);
        // A stopped container is not listed under Containers: its absence is not a wrong address.
        if (e is null) return Finding.Absent("no container " + f.Device + " on " + f.Network, conclusive: false);
        if (e.IPv6 is null) return Finding.Mismatch("(no IPv6Address)", e.Location);
        var p = c.Resolve(e.IPv6);
        if (p is null) return Finding.Inconclusive(c.Unresolvable(e.IPv6.Address) ?? "unreadable address");
        bool ok = p.Value.Address == f.Address && p.Value.Length == f.PrefixLength;
        return ok ? Finding.Match(e.IPv6.ToString(), e.Location) : Finding.Mismatch(e.IPv6.ToString(), e.Location);
    }

    public static CaptureFactResult LinkLocal(CaptureContext c, LinkLocalFact f)
    {
        var files = c.Covering(f.Device, CaptureFormat.IpAddr);
        if (f.Predicted is not null && c.Model.FindNetwork(f.Network) is { } network)
            files = files.Concat(c.Covering(network.Host, CaptureFormat.DockerNetworkInspect));
        return CaptureVerifier.Evaluate(f, files, file => file.Format == CaptureFormat.DockerNetworkInspect
                ? MacOnNetwork(file, f)
                : LinkLocalInIpAddr(c, file, f),
            CaptureVerifier.NoCapture(f.Device, "`ip addr`"));
    }

    private static Finding LinkLocalInIpAddr(CaptureContext c, CaptureFile file, LinkLocalFact f)
    {
        var link = file.OfType<ObservedInterface>().FirstOrDefault(i => i.Name == f.Interface);
        if (link is null) return Finding.Absent("no interface " + f.Interface);
        // Without a prediction the expectation is the EUI-64 of the MAC the same capture shows.
        var expected = f.Predicted ?? link.Mac?.LinkLocal();
        if (expected is null) return Finding.Inconclusive("the capture shows no MAC for " + f.Interface);
        var linkLocals = link.Addresses.Where(a => c.Resolve(a.Address)?.Address.IsLinkLocal == true).ToList();
        var hit = linkLocals.FirstOrDefault(a => c.Resolve(a.Address)!.Value.Address == expected);
        if (hit is not null) return Finding.Match(AddressText.Of(hit) + (link.Mac is { } m ? " with MAC " + m : ""), hit.Location);
        if (linkLocals.Count == 0 && link.Addresses.All(a => c.Resolve(a.Address)?.Address.IsV4 == true))
            return Finding.Absent("no IPv6 address on " + f.Interface, conclusive: false);
        return Finding.Mismatch(AddressText.List(linkLocals.Select(AddressText.Of), "no link-local") + (link.Mac is { } mac ? " with MAC " + mac : ""),
            linkLocals.Count > 0 ? linkLocals[0].Location : link.Location);
    }

    private static Finding MacOnNetwork(CaptureFile file, LinkLocalFact f)
    {
        var e = file.OfType<ObservedNetwork>().FirstOrDefault(x => x.Name == f.Network)?.Containers.FirstOrDefault(x => x.Name == f.Device);
        if (e is null) return Finding.Absent("no container " + f.Device + " on " + f.Network, conclusive: false);
        if (e.Mac is not { } mac) return Finding.Inconclusive("no MacAddress for " + f.Device);
        var eui64 = mac.LinkLocal();
        return eui64 == f.Predicted ? Finding.Match(eui64 + " (EUI-64 of MAC " + mac + ")", e.Location)
            : Finding.Mismatch(eui64 + " (EUI-64 of MAC " + mac + ")", e.Location, "the engine gave another MAC than Docker 20.10 derives from the IPv4 address");
    }

    public static CaptureFactResult Route(CaptureContext c, RouteFact f)
    {
        string? dev = f.Dev ?? (f.Network is null ? null : c.BridgeName(f.Device, null, f.Network));
        return CaptureVerifier.Evaluate(f, c.Covering(f.Device, CaptureFormat.IpRoute), file =>
        {
            var routes = file.OfType<ObservedRoute>().ToList();
            if (!routes.Any(r => c.Resolve(r.Destination)?.IsV4 == f.Destination.IsV4))
                return Finding.Absent("no " + (f.Destination.IsV4 ? "IPv4" : "IPv6") + " routes", conclusive: false);
            var candidates = routes.Where(r => c.Resolve(r.Destination) == f.Destination).ToList();
            if (candidates.Count == 0) return Finding.Absent("no route to " + f.Destination);
            var hit = candidates.FirstOrDefault(r => c.Resolve(r.Via) == f.Via && (r.Via is null) == (f.Via is null)
                                                     && (dev is null || string.Equals(r.Interface, dev, StringComparison.Ordinal)));
            return hit is not null ? Finding.Match(Text(hit), hit.Location)
                : Finding.Mismatch(string.Join(" | ", candidates.Select(Text)), candidates[0].Location);
        }, CaptureVerifier.NoCapture(f.Device, "`ip -6 route`"));
    }

    private static string Text(ObservedRoute r) =>
        r.Destination + (r.Via is null ? "" : " via " + r.Via) + (r.Interface is null ? "" : " dev " + r.Interface) + (r.Proto is null ? "" : " proto " + r.Proto);
}
