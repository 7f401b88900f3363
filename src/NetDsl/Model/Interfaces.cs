using NetDsl.Addressing;
using NetDsl.Text;

namespace NetDsl.Model;

/// <summary>
/// A device interface with its addresses (each an address plus prefix length, e.g. fd5a:…:aba5/64),
/// an explicit link-local if one was declared, and, on firewalls, its zone.
/// </summary>
public sealed record NetworkInterface(string Name, EquatableArray<IpPrefix> Addresses, IpAddress? LinkLocal, string? Zone, SourceSpan Span)
{
    /// <summary>The connected subnets (addresses with host bits cleared).</summary>
    public System.Collections.Generic.IEnumerable<IpPrefix> ConnectedSubnets()
    {
        foreach (var a in Addresses) yield return a.Network;
    }
}

/// <summary>Where a route came from: configured statically, or learned from router advertisements (the seed's "proto ra").</summary>
public enum RouteOrigin
{
    Static,
    RouterAdvertisement,
}

/// <summary>
/// A route: destination prefix, next hop (absent for a directly connected route) and the egress interface
/// (required for a link-local next hop, as in "default via fe80::1 dev ens192").
/// </summary>
public sealed record Route(IpPrefix Destination, IpAddress? NextHop, string? Interface, RouteOrigin Origin, SourceSpan Span);
