using System;
using System.Collections.Generic;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Pcap;
using NetDsl.Tracing;

namespace NetDsl.Lab;

/// <summary>Where `lab test` watches one expect: an interface in a lab namespace, the packet's destination there, and the source trace predicts.</summary>
public sealed record CapturePoint(string Device, string Namespace, string VendorInterface, string Interface, IpAddress WireDestination, IpAddress ExpectedSource);

/// <summary>A masquerade the trace predicts: the conntrack entry it leaves on a Docker host.</summary>
public sealed record ConntrackExpectation(string Device, string Namespace, IpAddress Source, IpAddress Destination, IpAddress Masqueraded)
{
    public override string ToString() => $"src={Source} dst={Destination} reply src={Destination} dst={Masqueraded}";
}

/// <summary>
/// What `lab test` checks for a traced expect, derived from the trace alone (pure): the last lab interface the
/// echo request crosses — the arrival device's ingress, or for a container the host's interface towards it — and
/// the conntrack entries of every masquerade on the way.
/// </summary>
public static class LabProbe
{
    public static CapturePoint? CapturePointFor(TraceResult trace, LabPlan plan)
    {
        var hops = trace.Forward;
        if (hops.Count < 2) return null;   // delivered on the sender itself: nothing crosses a wire
        var last = hops[hops.Count - 1];
        var before = hops[hops.Count - 2];
        if (plan.Device(last.Device) is { } arrival && last.Ingress is not null)
            return new CapturePoint(last.Device, arrival.Namespace, last.Ingress, plan.Linux(last.Device, last.Ingress), before.Destination, last.Source);
        if (plan.Device(before.Device) is { } sender && before.Egress is not null)
            return new CapturePoint(before.Device, sender.Namespace, before.Egress, plan.Linux(before.Device, before.Egress), before.Destination, before.Source);
        return null;
    }

    public static IEnumerable<ConntrackExpectation> ConntrackFor(TraceResult trace, LabPlan plan) =>
        trace.Forward.SelectMany(h => h.Rewrites.Where(r => r.Kind == "masquerade")
            .Select(r => new ConntrackExpectation(h.Device, plan.Device(h.Device)?.Namespace ?? "", r.From, h.Destination, r.To)));

    /// <summary>The sources of ICMPv6 echo requests to <paramref name="destination"/> in a capture, in order.</summary>
    public static IReadOnlyList<IpAddress> EchoRequestSources(PcapFile capture, IpAddress destination)
    {
        var sources = new List<IpAddress>();
        foreach (var record in capture.Records)
        {
            if (!PcapLinkType.TryFindIpv6(capture.Header.LinkType, record.Data, out int offset)) continue;
            var d = record.Data;
            if (d.Length < offset + 41 || d[offset + 6] != 58 || d[offset + 40] != 128) continue;
            if (Address(d, offset + 24) != destination) continue;
            sources.Add(Address(d, offset + 8));
        }
        return sources;
    }

    /// <summary>
    /// Whether `conntrack -L -f ipv6` output has the entry: original src/dst, reply src/dst, read as addresses (the
    /// tool may print them differently compressed).
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

    private static IpAddress Address(byte[] d, int at)
    {
        ulong high = 0, low = 0;
        for (int i = 0; i < 8; i++) high = high << 8 | d[at + i];
        for (int i = 8; i < 16; i++) low = low << 8 | d[at + i];
        return new IpAddress(high, low, false);
    }
}
