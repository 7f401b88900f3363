using System;
using System.Collections.Generic;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Model;
using NetDsl.Pcap;
using NetDsl.Tracing;

namespace NetDsl.Lab;

/// <summary>
/// Where `lab test` watches an expect's target: every interface of the target's namespace (a container's is entered
/// through its process, found by its host's engine), for echo requests to <see cref="Address"/> — the target's address
/// as the request arrives there (after any NPTv6 on the way).
/// </summary>
public sealed record TargetWatch(string Device, string? Namespace, string? Container, string? HostNamespace, IpAddress Address)
{
    public override string ToString() => Device;
}

/// <summary>A masquerade the trace predicts: the conntrack entry it leaves on a Docker host.</summary>
public sealed record ConntrackExpectation(string Device, string Namespace, IpAddress Source, IpAddress Destination, IpAddress Masqueraded)
{
    public override string ToString() => $"src={Source} dst={Destination} reply src={Destination} dst={Masqueraded}";
}

/// <summary>
/// What `lab test` checks for an expect, derived from the model and the trace alone (pure): the target it watches and the
/// conntrack entries of every masquerade the trace predicts.
/// </summary>
public static class LabProbe
{
    /// <summary>
    /// The target of an expect: where the trace delivered the request when it reached the target; otherwise the device
    /// the expect names, or the one holding the address (for a link-local, on the sender's link). Null when no device
    /// of the file holds it (an address outside the file, or one only an NPTv6 rule would map).
    /// </summary>
    public static TargetWatch? TargetFor(TraceResult trace, Expectation expect, NetworkModel model, Topology topology, LabPlan plan)
    {
        string? device;
        IpAddress address;
        if (trace.Arrived && trace.DeliveredTo is { } delivered)
        {
            device = delivered;
            address = trace.Forward[trace.Forward.Count - 1].Destination;
        }
        else
        {
            var origin = topology.Find(expect.From);
            if (origin is null) return null;
            var target = PathTargets.Resolve(model, topology, origin, expect.To);
            if (target.Error is not null) return null;
            address = target.Address;
            device = target.Device ?? Owner(topology, origin, expect.To, address)?.Name;
        }
        if (device is null) return null;
        if (model.FindContainer(device) is { Attachments.Count: > 0 } container)
        {
            var host = model.FindNetwork(container.Attachments[0].Network)?.Host;
            return host is null || plan.Device(host) is not { } h ? null : new TargetWatch(device, null, device, h.Namespace, address);
        }
        return plan.Device(device) is { } d ? new TargetWatch(device, d.Namespace, null, null, address) : null;
    }

    private static TopologyDevice? Owner(Topology topology, TopologyDevice origin, ExpectTarget to, IpAddress address)
    {
        if (address.IsLinkLocal)
        {
            var link = to.Zone is null ? null : origin.Interface(to.Zone);
            return link is null ? null : topology.OnLink(link.Link).FirstOrDefault(i => i.LinkLocal == address)?.Device;
        }
        return topology.Devices.FirstOrDefault(d => d.Owns(address));
    }

    public static IEnumerable<ConntrackExpectation> ConntrackFor(TraceResult trace, LabPlan plan) =>
        // A source the kernel picks (trace does not claim it) has no predicted conntrack tuple either.
        trace.SourceUnknown ? Enumerable.Empty<ConntrackExpectation>() : trace.Forward.SelectMany(h => h.Rewrites.Where(r => r.Kind == "masquerade")
            .Select(r => new ConntrackExpectation(h.Device, plan.Device(h.Device)?.Namespace ?? "", r.From, h.Destination, r.To)));

    /// <summary>The sources of ICMP or ICMPv6 echo requests to <paramref name="destination"/> in a capture, in order.</summary>
    public static IReadOnlyList<IpAddress> EchoRequestSources(PcapFile capture, IpAddress destination)
    {
        var sources = new List<IpAddress>();
        foreach (var record in capture.Records)
        {
            if (!PcapLinkType.TryFindIp(capture.Header.LinkType, record.Data, out int offset, out int version)) continue;
            var d = record.Data;
            if (version == 6)
            {
                if (d.Length < offset + 41 || d[offset + 6] != 58 || d[offset + 40] != 128) continue;
                if (Address6(d, offset + 24) != destination) continue;
                sources.Add(Address6(d, offset + 8));
            }
            else
            {
                int header = (d[offset] & 0x0F) * 4;
                if (d.Length < offset + header + 1 || d[offset + 9] != 1 || d[offset + header] != 8) continue;
                if (Address4(d, offset + 16) != destination) continue;
                sources.Add(Address4(d, offset + 12));
            }
        }
        return sources;
    }

    /// <summary>
    /// Whether `conntrack -L` output has the entry: original src/dst, reply src/dst, read as addresses (the tool may
    /// print them differently compressed).
    /// </summary>
    public static bool HasConntrackEntry(string conntrackOutput, ConntrackExpectation expected)
    {
        foreach (var line in conntrackOutput.Split('\n'))
        {
            var addresses = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Where(t => t.StartsWith("src=", StringComparison.Ordinal) || t.StartsWith("dst=", StringComparison.Ordinal))
                .Select(t => IpAddress.TryParse(t.Substring(4), out var a) ? a : (IpAddress?)null)
                .ToList();
            if (addresses.Count >= 4 && addresses[0] == expected.Source && addresses[1] == expected.Destination
                && addresses[2] == expected.Destination && addresses[3] == expected.Masqueraded)
                return true;
        }
        return false;
    }

    private static IpAddress Address6(byte[] d, int at)
    {
        ulong high = 0, low = 0;
        for (int i = 0; i < 8; i++) high = high << 8 | d[at + i];
        for (int i = 8; i < 16; i++) low = low << 8 | d[at + i];
        return new IpAddress(high, low, false);
    }

    private static IpAddress Address4(byte[] d, int at) => IpAddress.V4((uint)(d[at] << 24 | d[at + 1] << 16 | d[at + 2] << 8 | d[at + 3]));
}
