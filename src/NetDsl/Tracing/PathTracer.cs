using System.Collections.Generic;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Model;
using NetDsl.Nptv6;

namespace NetDsl.Tracing;

/// <summary>
/// Traces a packet hop by hop through the path model (<see cref="Topology"/> and each device's <see cref="DeviceRules"/>),
/// in the order Linux applies them: destination translation and conntrack's reverse NAT as a packet arrives, local
/// delivery or a route, forwarding and the forward filter, source translation as it leaves (masquerade with the
/// conntrack entry that undoes it, NPTv6 with RFC 6296 arithmetic from <see cref="Nptv6Translator"/>). Then it traces
/// the reply back. A path that cannot work stops at the hop that breaks it, with the first real cause.
/// </summary>
public sealed class PathTracer
{
    private const int MaxHops = 64;
    private readonly NetworkModel _model;
    private readonly Topology _topology;

    public PathTracer(NetworkModel model)
    {
        _model = model;
        _topology = Topology.Build(model);
    }

    public Topology Topology => _topology;

    public TraceResult Trace(Expectation expectation) => Trace(expectation.From, expectation.To);

    public TraceResult Trace(string from, ExpectTarget to)
    {
        var origin = _topology.Find(from);
        if (origin is null) return Broken(from, to.ToString(), default, default, from, $"'{from}' is not a host, container or device");
        var target = PathTargets.Resolve(_model, _topology, origin, to);
        if (target.Error is not null) return Broken(from, to.ToString(), default, default, from, target.Error);
        var dst = target.Address;
        // Docker gives a container IPv4 on every network, but picks the subnet itself unless the file declares one.
        if (dst.IsV4 && _model.FindContainer(from) is { Attachments.Count: > 0 } sender && sender.Attachments[0].Ipv4 is null)
            return Broken(from, to.ToString(), default, dst, from, NoSource(origin, dst));

        TopologyInterface? egress = null;
        if (to.Zone is { } zone)
        {
            egress = origin.Interface(zone);
            if (egress is null) return Broken(from, to.ToString(), default, dst, from, $"{from} has no interface '{zone}'");
        }
        else if (!origin.Owns(dst))
        {
            var lookup = Lookup(origin, dst);
            if (lookup is null) return Broken(from, to.ToString(), default, dst, from, NoRoute(origin, dst, null, false));
            egress = lookup.Value.Egress;
        }
        // RFC 6724 rule 1: a packet to one of the sender's own addresses leaves from that address.
        bool own = to.Zone is null ? origin.Owns(dst) : egress!.Owns(dst);
        var src = own ? dst : egress?.SourceFor(dst) ?? origin.Interfaces.Select(i => i.SourceFor(dst)).FirstOrDefault(a => a is not null);
        if (src is null) return Broken(from, to.ToString(), default, dst, from, NoSource(origin, dst));

        // The kernel picks the source too when the sender has equal routes out of different interfaces (Podman's
        // default route per network): trace follows the first, and the source is not claimed.
        bool kernelSource = origin.Interfaces.Any(i => i.KernelLinkLocal == src) || (!own && to.Zone is null && EqualRoutes(origin, dst) > 1);
        var state = new WalkState();
        var forward = Walk(origin, null, src.Value, dst, to.Zone is null ? null : egress, isReply: false, state);
        if (!forward.Arrived)
            return new TraceResult(from, to.ToString(), src.Value, dst, forward.Hops.ToEquatableArray(), EquatableArray<TraceHop>.Empty, false, forward.BrokenAt, forward.Reason);

        // Delivered, but to the device the expect names? Two devices can hold one address (a subnet reused on two hosts).
        var arrival = forward.Device!;
        if (target.Device is { } intended && arrival.Name != intended)
        {
            return new TraceResult(from, to.ToString(), src.Value, dst, forward.Hops.ToEquatableArray(), EquatableArray<TraceHop>.Empty, false, arrival.Name,
                $"{forward.Destination} is delivered to {arrival.Name}, not to {intended}: both have that address" +
                (SharedSubnetHosts(intended, arrival.Name) is { } hosts ? $" (the same subnet on {hosts})" : ""), DeliveredTo: arrival.Name);
        }

        // The reply: from what arrived, back to what was sent.
        var replyEgress = forward.Destination.IsLinkLocal ? forward.Ingress : null;
        var back = Walk(arrival, null, forward.Destination, forward.Source, replyEgress, isReply: true, state);
        if (!back.Arrived)
            return new TraceResult(from, to.ToString(), src.Value, dst, forward.Hops.ToEquatableArray(), back.Hops.ToEquatableArray(), false, back.BrokenAt, "reply: " + back.Reason, Arrived: true, DeliveredTo: arrival.Name, SourceUnknown: kernelSource);
        if (back.Device != origin || back.Destination != src.Value)
        {
            return new TraceResult(from, to.ToString(), src.Value, dst, forward.Hops.ToEquatableArray(), back.Hops.ToEquatableArray(), false, back.Device!.Name,
                $"the reply does not come back: it is delivered to {back.Device.Name} as {back.Destination} instead of {from} as {src.Value}" +
                (state.Translations.Count > 0 ? " (the return path does not come back through the same translation)" : ""), Arrived: true, DeliveredTo: arrival.Name, SourceUnknown: kernelSource);
        }
        return new TraceResult(from, to.ToString(), src.Value, dst, forward.Hops.ToEquatableArray(), back.Hops.ToEquatableArray(), true, null, null, Arrived: true, DeliveredTo: arrival.Name, SourceUnknown: kernelSource);
    }

    private static TraceResult Broken(string from, string to, IpAddress src, IpAddress dst, string at, string reason) =>
        new(from, to, src, dst, EquatableArray<TraceHop>.Empty, EquatableArray<TraceHop>.Empty, false, at, reason);

    private string? SharedSubnetHosts(string intended, string arrival)
    {
        string? HostOf(string device) => _model.FindContainer(device) is { Attachments.Count: > 0 } c ? _model.FindNetwork(c.Attachments[0].Network)?.Host : device;
        var a = HostOf(intended);
        var b = HostOf(arrival);
        return a is not null && b is not null && a != b ? $"{b} and {a}" : null;
    }

    private string NoSource(TopologyDevice origin, IpAddress dst)
    {
        if (dst.IsV4 && _model.FindContainer(origin.Name) is { } c && c.Attachments.FirstOrDefault(a => a.Ipv4 is null) is { } a)
            return $"{origin.Name}'s IPv4 address cannot be predicted: network {a.Network} declares no IPv4 subnet, so Docker picks one from its pools (declare `subnet` with an IPv4 prefix)";
        return $"{origin.Name} has no {(dst.IsV4 ? "IPv4" : "IPv6")} address to send to {dst} from";
    }

    private sealed class WalkState
    {
        public List<(string Device, IpAddress Original, IpAddress Masqueraded, IpAddress Peer)> Conntrack { get; } = new();

        /// <summary>Outbound NPTv6 translations of the request: (firewall, rule, prefixes used).</summary>
        public List<(string Device, string Rule, Nptv6PrefixPair Prefixes)> Translations { get; } = new();

        /// <summary>Firewalls with NPTv6 rules that a unique-local source left untranslated (no rule matched it).</summary>
        public List<string> Untranslated { get; } = new();

        /// <summary>Devices that sent a packet back out the interface it came in by (a sign they lack a route inward).</summary>
        public List<(string Device, string Interface, string Route, IpAddress Destination)> Hairpins { get; } = new();
    }

    private sealed record Walked(bool Arrived, List<TraceHop> Hops, TopologyDevice? Device, TopologyInterface? Ingress, IpAddress Source, IpAddress Destination, string? BrokenAt, string? Reason);

    private Walked Walk(TopologyDevice device, TopologyInterface? ingress, IpAddress src, IpAddress dst, TopologyInterface? forcedEgress, bool isReply, WalkState state)
    {
        var hops = new List<TraceHop>();
        var seen = new HashSet<(string, string?, IpAddress, IpAddress)>();
        var rewrites = new List<Rewrite>();
        Walked Break(string reason)
        {
            hops.Add(new TraceHop(device.Name, ingress?.Name, null, null, src, dst, rewrites.ToEquatableArray(), "broken: " + reason));
            return new Walked(false, hops, device, ingress, src, dst, device.Name, reason);
        }

        for (int count = 0; count < MaxHops; count++)
        {
            rewrites = new List<Rewrite>();
            if (!seen.Add((device.Name, ingress?.Name, src, dst)))
            {
                int first = hops.FindIndex(h => h.Device == device.Name && h.Ingress == ingress?.Name);
                var loop = hops.Skip(first < 0 ? 0 : first).Select(h => h.Device).Append(device.Name);
                return Break($"routing loop: {string.Join(" -> ", loop)} (each sends {dst} to the next)");
            }
            var family = dst.IsV4 ? IpFamily.Ipv4 : IpFamily.Ipv6;

            // Arriving: stateless destination translation (NPTv6 inbound), then conntrack's reverse NAT for replies.
            if (ingress is not null)
            {
                var inbound = device.Rules.Nat.FirstOrDefault(r => r.Kind == NatKind.Nptv6Inbound && r.Matches(src, dst, ingress.Name, null));
                if (inbound?.Prefixes is { } pair)
                {
                    var sent = state.Translations.FirstOrDefault(t => t.Device == device.Name && t.Prefixes.Outside == pair.Outside);
                    if (isReply && sent.Prefixes is not null && sent.Prefixes.Inside != pair.Inside)
                        return Break($"the return path does not come back through the same translation: {dst} maps back into {pair.Inside}, " +
                                     $"but the request came from {sent.Prefixes.Inside} (both share {pair.Outside}; RFC 6296 is 1:1)");
                    var result = Nptv6Translator.Create(pair.Inside, pair.Outside).TranslateInbound(dst);
                    if (!result.IsTranslated) return Break($"NPTv6 rule '{inbound.Rule}' cannot translate {dst} back: {result.Describe()}");
                    rewrites.Add(new Rewrite("nptv6-in", "destination", dst, result.Address, $"rule {inbound.Rule}: {pair.Outside} -> {pair.Inside}"));
                    dst = result.Address;
                }
                var entry = state.Conntrack.FirstOrDefault(c => c.Device == device.Name && c.Masqueraded == dst && c.Peer == src);
                if (entry.Device is not null)
                {
                    rewrites.Add(new Rewrite("unmasquerade", "destination", dst, entry.Original, "conntrack reply tuple"));
                    dst = entry.Original;
                }
            }

            // Delivered here?
            bool delivered = dst.IsLinkLocal ? (ingress ?? forcedEgress)?.Owns(dst) == true || (ingress is null && forcedEgress is null && device.Interfaces.Any(i => i.Owns(dst)))
                                             : device.Owns(dst);
            if (delivered)
            {
                var hostedName = device.Hosted.FirstOrDefault(h => h.Address == dst).Name;
                string note = hostedName is not null ? $"delivered to {hostedName} (behind {device.Name})" : ingress is null ? "delivered locally (own address)" : "delivered";
                if (device.Kind == DeviceKind.Upstream && src.IsUniqueLocal)
                    note += $"; the unique-local source {src} is routed back here, which the real internet would not do";
                hops.Add(new TraceHop(device.Name, ingress?.Name, null, null, src, dst, rewrites.ToEquatableArray(), note));
                return new Walked(true, hops, device, ingress, src, dst, null, null);
            }

            // Route.
            TopologyInterface egress;
            IpAddress? nextHop;
            string routeText;
            if (forcedEgress is not null && count == 0)
            {
                egress = forcedEgress;
                nextHop = null;
                routeText = $"{dst} on link {egress.Name}";
            }
            else
            {
                if (dst.IsLinkLocal) return Break($"{dst} is link-local and is not on the link it arrived on");
                var lookup = Lookup(device, dst);
                if (lookup is null) return Break(NoRoute(device, dst, state, isReply));
                (egress, nextHop, routeText) = lookup.Value;
            }

            // Forwarding: the device must forward the family, and its filter must accept the packet.
            if (ingress is not null)
            {
                if (!device.Rules.Forwards(family))
                {
                    string why = device.Rules.ForwardingOf(family)?.Origin
                                 ?? (device.Kind == DeviceKind.Container ? "a container does not route" : "forwarding is off");
                    return Break($"{device.Name} does not forward {(family == IpFamily.Ipv4 ? "IPv4" : "IPv6")} ({why})");
                }
                var rule = device.Rules.Filters.FirstOrDefault(r => r.Matches(family, ingress.Name, egress.Name, isReply));
                var policy = device.Rules.PolicyOf(family);
                if ((rule?.Action ?? policy?.Action ?? FilterAction.Accept) == FilterAction.Drop)
                    return Break(rule is not null ? $"dropped by {rule.Origin} ({ingress.Name} -> {egress.Name})" : Refused(ingress, egress, policy!));
            }

            // Leaving: the first source translation that matches a new packet. Replies are translated back by conntrack,
            // except NPTv6, which is stateless (RFC 6296): a reply leaving by the rule's interface is translated like a request.
            {
                var nat = device.Rules.Nat.FirstOrDefault(r => (isReply ? r.Kind == NatKind.Nptv6Outbound : r.Kind != NatKind.Nptv6Inbound)
                                                               && r.Matches(src, dst, ingress?.Name, egress.Name));
                if (nat?.Kind == NatKind.Masquerade)
                {
                    var masq = egress.SourceFor(dst);
                    if (masq is null) return Break($"{nat.Origin} has no {(family == IpFamily.Ipv4 ? "IPv4" : "IPv6")} address on {egress.Name} to masquerade {src} to");
                    if (masq != src)
                    {
                        string tuple = $"src={src} dst={dst} … src={dst} dst={masq}";
                        rewrites.Add(new Rewrite("masquerade", "source", src, masq.Value, "conntrack: " + tuple + $" ({nat.Origin})"));
                        state.Conntrack.Add((device.Name, src, masq.Value, dst));
                        src = masq.Value;
                    }
                }
                else if (nat?.Kind == NatKind.Nptv6Outbound && nat.Prefixes is { } pair)
                {
                    var result = Nptv6Translator.Create(pair.Inside, pair.Outside).TranslateOutbound(src);
                    if (!result.IsTranslated) return Break($"NPTv6 rule '{nat.Rule}' drops {src}: {result.Describe()}");
                    rewrites.Add(new Rewrite("nptv6-out", "source", src, result.Address, $"rule {nat.Rule}: {pair.Inside} -> {pair.Outside}"));
                    state.Translations.Add((device.Name, nat.Rule, pair));
                    src = result.Address;
                }
                else if (nat is null && !isReply && src.IsUniqueLocal && ingress is not null
                         && device.Rules.Nat.Any(r => r.Kind == NatKind.Nptv6Outbound && r.Out.Matches(egress.Name)))
                {
                    state.Untranslated.Add(device.Name);
                }
            }

            if (ingress is not null && egress == ingress && egress.BridgeOf is null) state.Hairpins.Add((device.Name, egress.Name, routeText, dst));

            // Next hop on the egress link.
            var target = nextHop ?? dst;
            var neighbor = _topology.OnLink(egress.Link).FirstOrDefault(i => i.Device != device && (i.Owns(target) || i.Device.Hosted.Any(h => h.Address == target)));
            if (neighbor is null)
            {
                return Break(nextHop is null
                    ? $"nothing on the link of {egress.Name} has {dst}"
                    : $"next hop {nextHop} is not on the link of {egress.Name} (no declared device has it)");
            }
            hops.Add(new TraceHop(device.Name, ingress?.Name, egress.Name, routeText, src, dst, rewrites.ToEquatableArray(),
                device.Interfaces.Any(i => i.KernelLinkLocal == src) && ingress is null ? $"source: a link-local the kernel picks ({src} stands for it)" : null));
            if (BridgedThrough(device, egress, neighbor) is { } host)
            {
                // Container to container on one bridge: with br_netfilter the host's ip(6)tables and nftables see the frame
                // (in and out the bridge), so its filter and its masquerade apply, as they do to routed packets.
                rewrites = new List<Rewrite>();
                var bridge = host.Interfaces.First(i => i.BridgeOf == egress.BridgeOf);
                var entry = state.Conntrack.FirstOrDefault(c => c.Device == host.Name && c.Masqueraded == dst && c.Peer == src);
                if (entry.Device is not null)
                {
                    rewrites.Add(new Rewrite("unmasquerade", "destination", dst, entry.Original, "conntrack reply tuple"));
                    dst = entry.Original;
                }
                var rule = host.Rules.Filters.FirstOrDefault(r => r.Matches(family, bridge.Name, bridge.Name, isReply));
                if ((rule?.Action ?? host.Rules.PolicyOf(family)?.Action ?? FilterAction.Accept) == FilterAction.Drop)
                {
                    device = host;
                    ingress = bridge;
                    return Break($"dropped on the bridge by {rule?.Origin ?? host.Rules.PolicyOf(family)!.Origin} ({host.Rules.BridgeNetfilter})");
                }
                if (!isReply && host.Rules.Nat.FirstOrDefault(r => r.Kind == NatKind.Masquerade && r.Matches(src, dst, bridge.Name, bridge.Name)) is { } masquerade
                    && bridge.SourceFor(dst) is { } masq && masq != src)
                {
                    rewrites.Add(new Rewrite("masquerade", "source", src, masq, $"conntrack: src={src} dst={dst} … src={dst} dst={masq} ({masquerade.Origin}, on the bridge)"));
                    state.Conntrack.Add((host.Name, src, masq, dst));
                    src = masq;
                }
                hops.Add(new TraceHop(host.Name, bridge.Name, bridge.Name, $"bridged to {neighbor.Device.Name} ({host.Rules.BridgeNetfilter})", src, dst, rewrites.ToEquatableArray(), null));
                // A reply addressed to the host's own bridge address (after a masquerade) is the host's to deliver.
                if (host.Owns(dst))
                {
                    device = host;
                    ingress = bridge;
                    continue;
                }
            }
            device = neighbor.Device;
            ingress = neighbor;
        }
        return Break($"more than {MaxHops} hops (a routing loop)");
    }

    /// <summary>The Docker host whose bridge carries a frame from one container to another, when its rules see bridged traffic.</summary>
    private TopologyDevice? BridgedThrough(TopologyDevice device, TopologyInterface egress, TopologyInterface neighbor) =>
        egress.BridgeOf is { } network && device.Kind == DeviceKind.Container && neighbor.Device.Kind == DeviceKind.Container
            ? _topology.Devices.FirstOrDefault(d => d.Kind == DeviceKind.DockerHost && d.Rules.BridgeNetfilter is not null && d.Interfaces.Any(i => i.BridgeOf == network))
            : null;

    /// <summary>Why the policy dropped a packet: on a firewall, the zones no allow rule passes; elsewhere the policy's origin.</summary>
    private static string Refused(TopologyInterface ingress, TopologyInterface egress, FilterPolicy policy) =>
        ingress.Zone is not null || egress.Zone is not null || ingress.Device.Kind == DeviceKind.Firewall
            ? $"no allow rule passes {ingress.Zone ?? $"(no zone: {ingress.Name})"} -> {egress.Zone ?? $"(no zone: {egress.Name})"}"
            : $"nothing accepts {ingress.Name} -> {egress.Name}: {policy.Origin}";

    private static string NoRoute(TopologyDevice device, IpAddress dst, WalkState? state, bool isReply)
    {
        string reason = $"no route to {dst}";
        // The first real cause: a device before this one sent the packet back where it came from.
        var hairpin = state?.Hairpins.LastOrDefault(h => h.Destination == dst) ?? default;
        if (hairpin.Device is not null && hairpin.Device != device.Name)
            return reason + $" ({hairpin.Device} sent it back out {hairpin.Interface} by its route {hairpin.Route}: it has no route towards {dst} inside)";
        // A reply to a unique-local source that an upstream cannot route: the request left the site untranslated.
        if (device.Kind == DeviceKind.Upstream && dst.IsUniqueLocal && isReply && state is not null && state.Translations.Count == 0)
        {
            reason += $": the unique-local address reached the internet untranslated";
            if (state.Untranslated.Count > 0) reason += $" (no NPTv6 rule of {string.Join(", ", state.Untranslated.Distinct())} matched it)";
            reason += $" and {device.Name} has no route back";
        }
        return reason;
    }

    /// <summary>Longest-prefix match over connected subnets and routes; a connected subnet wins a tie.</summary>
    /// <summary>How many interfaces the device's most specific route to <paramref name="dst"/> could leave by (routes of equal length).</summary>
    private static int EqualRoutes(TopologyDevice device, IpAddress dst)
    {
        var matching = device.Routes.Where(r => r.Destination.Contains(dst)).ToList();
        if (matching.Count == 0 || device.Interfaces.Any(i => i.Addresses.Any(a => !a.Address.IsLinkLocal && a.Network.Contains(dst) && a.Length >= matching.Max(r => r.Destination.Length))))
            return 1;
        int best = matching.Max(r => r.Destination.Length);
        return matching.Where(r => r.Destination.Length == best).Select(r => r.Interface ?? r.NextHop?.ToString()).Distinct().Count();
    }

    internal static (TopologyInterface Egress, IpAddress? NextHop, string Text)? Lookup(TopologyDevice device, IpAddress dst)
    {
        (TopologyInterface, IpAddress?, string)? best = null;
        int bestLength = -1;
        foreach (var i in device.Interfaces)
        {
            foreach (var a in i.Addresses)
            {
                if (a.Address.IsLinkLocal || !a.Network.Contains(dst) || a.Length <= bestLength) continue;
                best = (i, null, $"{a.Network} dev {i.Name} (connected)");
                bestLength = a.Length;
            }
        }
        foreach (var r in device.Routes)
        {
            if (!r.Destination.Contains(dst) || r.Destination.Length <= bestLength) continue;
            var egress = r.Interface is not null
                ? device.Interface(r.Interface)
                : r.NextHop is { } hop ? device.Interfaces.FirstOrDefault(i => i.Addresses.Any(a => a.Network.Contains(hop))) : null;
            if (egress is null) continue;
            best = (egress, r.NextHop, $"{r.Destination}" + (r.NextHop is { } h2 ? $" via {h2}" : "") + $" dev {egress.Name}");
            bestLength = r.Destination.Length;
        }
        return best;
    }
}
