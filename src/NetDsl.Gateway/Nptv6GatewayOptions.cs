using System;
using System.Collections.Generic;
using NetDsl.Nptv6;

namespace NetDsl.Gateway;

/// <summary>
/// What a gateway translates (a rule's mappings, in order: generic translators or the generated ones) and where its
/// packets come from (<see cref="GatewayDataPath"/>).
/// </summary>
public sealed record Nptv6GatewayOptions(IReadOnlyList<INptv6Translator> Mappings, GatewayDataPath DataPath)
{
    /// <summary>Packets read before one call into the translators and one round of writes (or one send of verdicts).</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Send ICMPv6 Parameter Problem for untranslatable packets (RFC 6296 §3.7, as Linux's targets do).</summary>
    public bool ParameterProblems { get; init; } = true;

    /// <summary>The first problem with these options, or null: checked before anything is opened.</summary>
    public string? Validate()
    {
        if (Mappings.Count == 0) return "the rule has no mapping";
        if (BatchSize < 1 || BatchSize > 1024) return $"batch size {BatchSize}: use 1-1024";
        return DataPath.Validate();
    }
}

/// <summary>Where the gateway meets the kernel.</summary>
public abstract record GatewayDataPath
{
    internal abstract string? Validate();

    /// <summary>A short description for logs.</summary>
    public abstract string Describe();
}

/// <summary>
/// tayga's design: routes send the packets to translate into a TUN device (the outside prefixes, and what comes from
/// the inside prefixes); the gateway reads them, translates, writes them back, and the kernel routes them on and does
/// neighbour discovery. Each packet crosses the kernel's forwarding twice, so by default the gateway adds one to the
/// hop limit of a packet it writes back: kernel and gateway together count as the one router hop that the kernel's own
/// NPTv6 is (the hop limit is in no checksum).
/// </summary>
/// <param name="Device">The TUN device to create (1-15 characters).</param>
/// <param name="Queues">Queues (IFF_MULTI_QUEUE), one reader thread each.</param>
/// <param name="Mtu">The device's MTU: at least that of every interface the translated traffic uses, so the device itself never asks for a smaller packet.</param>
/// <param name="CompensateHopLimit">Add one to the hop limit of each packet written back (see above).</param>
public sealed record TunDataPath(string Device, int Queues = 1, int Mtu = 65535, bool CompensateHopLimit = true) : GatewayDataPath
{
    internal override string? Validate()
    {
        if (Device.Length == 0 || Device.Length > 15 || Device.IndexOfAny(new[] { '/', ' ', '\0' }) >= 0) return $"TUN device name '{Device}': use 1-15 characters, no '/' or spaces";
        if (Queues < 1 || Queues > 64) return $"{Queues} TUN queues: use 1-64";
        if (Mtu < 1280 || Mtu > 65535) return $"TUN MTU {Mtu}: IPv6 needs 1280-65535";
        return null;
    }

    public override string Describe() => $"TUN device {Device} ({Queues} queue{(Queues == 1 ? "" : "s")}, MTU {Mtu})";
}

/// <summary>
/// Netfilter's NFQUEUE where SNPT and DNPT would sit: <see cref="FirstQueue"/> receives what SNPT would translate
/// (the source is rewritten), <c>FirstQueue + 1</c> what DNPT would (the destination). Every filter rule, route and
/// hop-limit decrement stays where it is with the kernel's own NPTv6: only the rewrite moves to the gateway.
/// </summary>
public sealed record NfQueueDataPath(ushort FirstQueue) : GatewayDataPath
{
    public ushort OutboundQueue => FirstQueue;

    public ushort InboundQueue => (ushort)(FirstQueue + 1);

    internal override string? Validate() =>
        FirstQueue == ushort.MaxValue ? "NFQUEUE 65535 has no room for the inbound queue after it: use 0-65534" : null;

    public override string Describe() => $"NFQUEUE {OutboundQueue} (outbound, SNPT's place) and {InboundQueue} (inbound, DNPT's place)";
}

/// <summary>
/// AF_XDP between two interfaces (copy mode, queue 0): XDP programs hand the rule's packets straight from the inside and
/// outside interfaces to the gateway, which translates them and sends them out of the other one itself, with the next
/// hop's link-layer address from the kernel's neighbour table: no forwarding by the kernel for them, so the fastest
/// path. The kernel still routes (the gateway asks it) and does neighbour discovery; what the fast path cannot send
/// goes to the kernel's output. The interfaces' filter rules (FORWARD) do not see the fast path's packets.
/// </summary>
/// <param name="InsideInterface">Where the inside prefixes' hosts are (outbound packets arrive here).</param>
/// <param name="OutsideInterface">Where the outside prefixes are routed to this host (inbound packets arrive here).</param>
public sealed record XdpDataPath(string InsideInterface, string OutsideInterface) : GatewayDataPath
{
    internal override string? Validate() =>
        InsideInterface.Length is 0 or > 15 || OutsideInterface.Length is 0 or > 15 ? "--xdp INSIDE,OUTSIDE: two interface names of 1-15 characters"
        : InsideInterface == OutsideInterface ? "--xdp needs two different interfaces (inside, outside)"
        : null;

    public override string Describe() => $"AF_XDP on {InsideInterface} (inside) and {OutsideInterface} (outside)";
}
