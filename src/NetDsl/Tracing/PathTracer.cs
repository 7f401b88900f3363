using System.Collections.Generic;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Model;
using NetDsl.Nptv6;

namespace NetDsl.Tracing;

/// <summary>
/// Traces a packet hop by hop through the model, applying every rewrite on the way: masquerade on a Docker host
/// (with the conntrack entry that undoes it for the reply), NPTv6 on a firewall (RFC 6296 arithmetic from
/// <see cref="Nptv6Translator"/>, never a copy of it), then traces the reply back. A path that cannot work
/// stops at the hop that breaks it, with the reason.
/// </summary>
public sealed class PathTracer
{
    private const int MaxHops = 32;
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
        var destination = ResolveTarget(origin, to, out string? error);
        if (destination is null) return Broken(from, to.ToString(), default, default, from, error!);
        var dst = destination.Value;

        TopologyInterface? egress = null;
        if (to.Zone is { } zone)
        {
            egress = origin.Interface(zone);
            if (egress is null) return Broken(from, to.ToString(), default, dst, from, $"{from} has no interface '{zone}'");
        }
        else if (!origin.Owns(dst))
        {
            var lookup = Lookup(origin, dst);
            if (lookup is null) return Broken(from, to.ToString(), default, dst, from, $"no route to {dst}");
            egress = lookup.Value.Egress;
        }
        var src = egress?.SourceFor(dst) ?? origin.Interfaces.Select(i => i.SourceFor(dst)).FirstOrDefault(a => a is not null);
        if (src is null) return Broken(from, to.ToString(), default, dst, from, $"{from} has no address to send to {dst} from");

        var state = new WalkState();
        var forward = Walk(origin, null, src.Value, dst, to.Zone is null ? null : egress, isReply: false, state);
        if (!forward.Arrived)
            return new TraceResult(from, to.ToString(), src.Value, dst, forward.Hops.ToEquatableArray(), EquatableArray<TraceHop>.Empty, false, forward.BrokenAt, forward.Reason);

        // The reply: from what arrived, back to what was sent.
        var arrival = forward.Device!;
        var replyEgress = forward.Destination.IsLinkLocal ? forward.Ingress : null;
        var back = Walk(arrival, null, forward.Destination, forward.Source, replyEgress, isReply: true, state);
        if (!back.Arrived)
            return new TraceResult(from, to.ToString(), src.Value, dst, forward.Hops.ToEquatableArray(), back.Hops.ToEquatableArray(), false, back.BrokenAt, "reply: " + back.Reason);
        if (back.Device != origin || back.Destination != src.Value)
        {
            return new TraceResult(from, to.ToString(), src.Value, dst, forward.Hops.ToEquatableArray(), back.Hops.ToEquatableArray(), false, back.Device!.Name,
                $"the reply does not come back: it is delivered to {back.Device.Name} as {back.Destination} instead of {from} as {src.Value}" +
                (state.Translations.Count > 0 ? " (the return path does not come back through the same translation)" : ""));
        }
        return new TraceResult(from, to.ToString(), src.Value, dst, forward.Hops.ToEquatableArray(), back.Hops.ToEquatableArray(), true, null, null);
    }

    private static TraceResult Broken(string from, string to, IpAddress src, IpAddress dst, string at, string reason) =>
        new(from, to, src, dst, EquatableArray<TraceHop>.Empty, EquatableArray<TraceHop>.Empty, false, at, reason);

    /// <summary>Where a name points: a container's first address; a host's bridge address as seen from its own containers; a device's first address.</summary>
    private IpAddress? ResolveTarget(TopologyDevice origin, ExpectTarget to, out string? error)
    {
        error = null;
        if (to.Address is { } literal) return literal;
        var name = to.Name!;
        var hosted = _topology.Devices.SelectMany(d => d.Hosted).FirstOrDefault(h => h.Name == name);
        if (hosted.Name is not null) return hosted.Address;
        var container = _model.FindContainer(name);
        if (container is not null && container.Attachments.Count > 0) return container.Attachments[0].Ipv6;
        if (_model.FindHost(name) is not null && _model.FindContainer(origin.Name) is { Attachments.Count: > 0 } c)
        {
            var network = _model.FindNetwork(c.Attachments[0].Network);
            if (network?.Host == name) return network.Gateway6;
        }
        var device = _topology.Find(name);
        var address = device?.Interfaces.SelectMany(i => i.Addresses).Select(a => a.Address).FirstOrDefault(a => !a.IsV4 && !a.IsLinkLocal);
        if (address is { } a && a != default) return a;
        error = $"'{name}' has no IPv6 address to ping";
        return null;
    }

    private sealed class WalkState
    {
        public List<(string Device, IpAddress Original, IpAddress Masqueraded, IpAddress Peer)> Conntrack { get; } = new();

        /// <summary>Outbound NPTv6 translations of the request: (firewall, rule, mapping used).</summary>
        public List<(string Device, string Rule, Nptv6Mapping Mapping)> Translations { get; } = new();
    }

    private sealed record Walked(bool Arrived, List<TraceHop> Hops, TopologyDevice? Device, TopologyInterface? Ingress, IpAddress Source, IpAddress Destination, string? BrokenAt, string? Reason);

    private Walked Walk(TopologyDevice device, TopologyInterface? ingress, IpAddress src, IpAddress dst, TopologyInterface? forcedEgress, bool isReply, WalkState state)
    {
        var hops = new List<TraceHop>();
        Walked Break(string reason, List<Rewrite>? rewrites = null)
        {
            hops.Add(new TraceHop(device.Name, ingress?.Name, null, null, src, dst, (rewrites ?? new List<Rewrite>()).ToEquatableArray(), "broken: " + reason));
            return new Walked(false, hops, device, ingress, src, dst, device.Name, reason);
        }

        for (int count = 0; count < MaxHops; count++)
        {
            var rewrites = new List<Rewrite>();

            // Ingress: undo translations for packets coming back.
            if (ingress is not null && device.Firewall is { } fwIn)
            {
                foreach (var rule in fwIn.Nptv6Rules.Where(r => r.Interface == ingress.Name))
                {
                    var mapping = rule.Mappings.FirstOrDefault(m => m.Outside.Contains(dst));
                    if (mapping is null) continue;
                    var sent = state.Translations.FirstOrDefault(t => t.Device == device.Name && t.Rule == rule.Name && t.Mapping.Outside == mapping.Outside);
                    if (isReply && sent.Mapping is not null && sent.Mapping.Inside != mapping.Inside)
                        return Break($"the return path does not come back through the same translation: {dst} maps back into {mapping.Inside}, " +
                                     $"but the request came from {sent.Mapping.Inside} (both share {mapping.Outside}; RFC 6296 is 1:1)", rewrites);
                    var result = Nptv6Translator.Create(mapping.Inside, mapping.Outside).TranslateInbound(dst);
                    if (!result.IsTranslated) return Break($"NPTv6 rule '{rule.Name}' cannot translate {dst} back: {result.Describe()}", rewrites);
                    rewrites.Add(new Rewrite("nptv6-in", "destination", dst, result.Address, $"rule {rule.Name}: {mapping.Outside} -> {mapping.Inside}"));
                    dst = result.Address;
                    break;
                }
            }
            if (ingress is not null && device.Kind == DeviceKind.DockerHost)
            {
                var entry = state.Conntrack.FirstOrDefault(c => c.Device == device.Name && c.Masqueraded == dst && c.Peer == src);
                if (entry.Device is not null)
                {
                    rewrites.Add(new Rewrite("unmasquerade", "destination", dst, entry.Original, "conntrack reply tuple"));
                    dst = entry.Original;
                }
            }
            if (ingress is not null && device.Kind == DeviceKind.Upstream && src.IsUniqueLocal)
                return Break($"the ULA source {src} reaches the internet untranslated (nothing routes it back)", rewrites);

            // Delivered here?
            bool delivered = dst.IsLinkLocal ? (ingress ?? forcedEgress)?.Owns(dst) == true || (ingress is null && forcedEgress is null && device.Interfaces.Any(i => i.LinkLocal == dst))
                                             : device.Owns(dst);
            if (delivered)
            {
                var hostedName = device.Hosted.FirstOrDefault(h => h.Address == dst).Name;
                hops.Add(new TraceHop(device.Name, ingress?.Name, null, null, src, dst, rewrites.ToEquatableArray(),
                    hostedName is not null ? $"delivered to {hostedName} (behind {device.Name})" : ingress is null ? "delivered locally (own address)" : "delivered"));
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
                if (dst.IsLinkLocal) return Break($"{dst} is link-local and is not on the link it arrived on", rewrites);
                var lookup = Lookup(device, dst);
                if (lookup is null) return Break($"no route to {dst}", rewrites);
                (egress, nextHop, routeText) = lookup.Value;
            }

            // Egress: zone policy and translations.
            if (device.Firewall is { } fw)
            {
                string? inZone = ingress?.Zone, outZone = egress.Zone;
                if (!isReply && ingress is not null && inZone != outZone && !fw.Allows.Any(a => a.FromZone == inZone && a.ToZone == outZone))
                    return Break($"no allow rule passes {inZone} -> {outZone}", rewrites);
                if (!isReply && ingress is not null)
                {
                    foreach (var rule in fw.Nptv6Rules.Where(r => r.FromZone == inZone && r.ToZone == outZone && r.Interface == egress.Name))
                    {
                        var mapping = rule.Mappings.FirstOrDefault(m => m.Inside.Contains(src));
                        if (mapping is null)
                        {
                            if (src.IsUniqueLocal) return Break($"NPTv6 rule '{rule.Name}' does not cover the source {src}, so it would leave untranslated", rewrites);
                            continue;
                        }
                        var result = Nptv6Translator.Create(mapping.Inside, mapping.Outside).TranslateOutbound(src);
                        if (!result.IsTranslated) return Break($"NPTv6 rule '{rule.Name}' drops {src}: {result.Describe()}", rewrites);
                        rewrites.Add(new Rewrite("nptv6-out", "source", src, result.Address, $"rule {rule.Name}: {mapping.Inside} -> {mapping.Outside}"));
                        state.Translations.Add((device.Name, rule.Name, mapping));
                        src = result.Address;
                        break;
                    }
                }
            }
            if (device.Host is { } host && ingress is not null && !isReply)
            {
                var masquerade = host.Masquerades.FirstOrDefault(m => Matches(m, egress, src));
                if (masquerade is not null && egress.SourceFor(dst) is { } masq && masq != src)
                {
                    string tuple = $"src={src} dst={dst} … src={dst} dst={masq}";
                    rewrites.Add(new Rewrite("masquerade", "source", src, masq, "conntrack: " + tuple));
                    state.Conntrack.Add((device.Name, src, masq, dst));
                    src = masq;
                }
            }

            // Next hop on the egress link.
            var target = nextHop ?? dst;
            var neighbor = _topology.OnLink(egress.Link).FirstOrDefault(i => i.Device != device && (i.Owns(target) || i.Device.Hosted.Any(h => h.Address == target)));
            if (neighbor is null)
            {
                return Break(nextHop is null
                    ? $"nothing on the link of {egress.Name} has {dst}"
                    : $"next hop {nextHop} is not on the link of {egress.Name} (no declared device has it)", rewrites);
            }
            hops.Add(new TraceHop(device.Name, ingress?.Name, egress.Name, routeText, src, dst, rewrites.ToEquatableArray(), null));
            device = neighbor.Device;
            ingress = neighbor;
        }
        return Break($"more than {MaxHops} hops (a routing loop)");
    }

    private static bool Matches(Masquerade m, TopologyInterface egress, IpAddress src) =>
        (m.Family == IpFamily.Ipv6) != src.IsV4
        && m.AppliesToOutput(egress.Name)
        && (m.Source is null || m.Source.Value.Contains(src));

    /// <summary>Longest-prefix match over connected subnets and routes; a connected subnet wins a tie.</summary>
    private static (TopologyInterface Egress, IpAddress? NextHop, string Text)? Lookup(TopologyDevice device, IpAddress dst)
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
