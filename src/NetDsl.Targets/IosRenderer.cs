using System.Collections.Generic;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Model;

namespace NetDsl.Targets;

/// <summary>
/// <c>&lt;router&gt;/&lt;router&gt;.ios</c>: Cisco IOS configuration for each router of dialect ios — interfaces
/// with their addresses and explicit link-locals, then static routes, e.g. the seed's
/// <c>ipv6 route ::/0 Vlan252 FD5A:CEB9:ED8D:FEFC::1</c>. IPv6 hex is upper case, as <c>show running-config</c>
/// prints it, so the file can be compared with a device's running configuration line by line.
/// </summary>
public sealed class IosRenderer : IArtifactRenderer
{
    public const string Extension = ".ios";

    public string Name => "ios";

    public RenderResult Render(NetworkModel model)
    {
        var guard = new TextGuard("an IOS configuration");
        var artifacts = new List<Artifact>();
        foreach (var router in model.Routers.Where(r => r.Dialect == Dialect.Ios))
        {
            var interfaces = router.Interfaces.Select(i => Interface(i, guard)).ToList();
            var routes = router.Routes.Where(r => r.Origin == RouteOrigin.Static).Select(r => Route(r, guard)).ToList();
            var view = new IosView(guard.Text(router.Name, "router", router.Span), interfaces, routes);
            artifacts.Add(new Artifact(router.Name, router.Name + Extension, TemplateLibrary.Render("ios.scriban", view)));
        }
        return guard.Result(artifacts);
    }

    private static IosInterface Interface(NetworkInterface i, TextGuard guard)
    {
        string name = guard.Text(i.Name, "interface", i.Span);
        // The user's value is judged, not the line format: "192.0.2.1 255.255.255.0" has a space by design.
        var v4 = i.Addresses.Where(a => a.IsV4).Select(a => guard.Text(a.Address.ToString(), "address", i.Span) + " " + Netmask(a.Length)).ToList();
        var v6 = i.Addresses.Where(a => !a.IsV4).Select(a => guard.Text(a.ToUpperString(), "address", i.Span)).ToList();
        string? linkLocal = i.LinkLocal is { } ll ? guard.Text(ll.ToUpperString(), "link-local address", i.Span) : null;
        return new IosInterface(name, v4, v6, linkLocal);
    }

    /// <summary><c>ipv6 route PREFIX [INTERFACE] [NEXT-HOP]</c>; IPv4 as <c>ip route NETWORK MASK [INTERFACE] [NEXT-HOP]</c>.</summary>
    private static IosRoute Route(Route r, TextGuard guard)
    {
        bool v4 = r.Destination.IsV4;
        string destination = v4
            ? guard.Text(r.Destination.Address.ToString(), "route destination", r.Span) + " " + Netmask(r.Destination.Length)
            : guard.Text(r.Destination.ToUpperString(), "route destination", r.Span);
        return new IosRoute(
            v4 ? "ip route" : "ipv6 route",
            destination,
            r.Interface is { } dev ? guard.Text(dev, "interface", r.Span) : null,
            r.NextHop is { } hop ? guard.Text(hop.ToUpperString(), "next hop", r.Span) : null);
    }

    private static string Netmask(int length)
    {
        uint mask = length <= 0 ? 0u : length >= 32 ? uint.MaxValue : uint.MaxValue << (32 - length);
        return IpAddress.V4(mask).ToString();
    }

    private sealed record IosView(string Device, IReadOnlyList<IosInterface> Interfaces, IReadOnlyList<IosRoute> Routes);

    private sealed record IosInterface(string Name, IReadOnlyList<string> Ipv4, IReadOnlyList<string> Ipv6, string? LinkLocal);

    private sealed record IosRoute(string Command, string Destination, string? Interface, string? NextHop);
}
