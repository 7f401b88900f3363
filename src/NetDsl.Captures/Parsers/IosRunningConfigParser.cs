using System;
using System.Collections.Generic;
using NetDsl.Captures.Model;
using NetDsl.Model;

namespace NetDsl.Captures.Parsers;

/// <summary>
/// Reads a Cisco IOS `show running-config` (whole, or filtered as in the seed's <c>sh run | in ::/0</c>):
/// <c>interface</c> blocks (ipv6 address, link-local, ip address, description, shutdown) and top-level
/// <c>ipv6 route</c> / <c>ip route</c> statics. Every other line (the rest of the config) is skipped: a running-config
/// has hundreds of statements NetDsl does not check. Addresses are accepted in upper case, as IOS prints them.
/// </summary>
public static class IosRunningConfigParser
{
    public static CaptureParseResult<Observation> Parse(string text, string fileName) =>
        ParseSink<Observation>.Run(text, fileName, Read);

    private static void Read(ParseSink<Observation> sink)
    {
        InterfaceBuilder? current = null;
        foreach (var line in sink.Capture.Lines)
        {
            sink.CurrentLine = line.Number;
            if (line.IsBlank) continue;
            var words = Words.Split(line.Text);
            if (!line.IsIndented)
            {
                if (current is not null) { sink.Add(current.Build()); current = null; }
                if (words[0] == "interface" && words.Length >= 2)
                    current = new InterfaceBuilder(sink.Device, string.Join("", words[1..]), sink.At(line));
                else if (words.Length >= 2 && words[0] is "ipv6" or "ip" && words[1] == "route")
                    ReadRoute(sink, line, words);
                continue;
            }
            if (current is not null) ReadInterfaceLine(sink, current, line, words);
        }
        if (current is not null) sink.Add(current.Build());
    }

    // ipv6 route [vrf V] PREFIX [INTERFACE] [NEXTHOP] [DISTANCE] [name N] [tag T] [permanent]
    // ip route [vrf V] NETWORK MASK [INTERFACE] [NEXTHOP] [DISTANCE] [name N]
    private static void ReadRoute(ParseSink<Observation> sink, CaptureLine line, string[] words)
    {
        bool v6 = words[0] == "ipv6";
        int i = 2;
        string? vrf = null;
        if (i + 1 < words.Length && words[i] == "vrf") { vrf = words[i + 1]; i += 2; }
        if (i >= words.Length) { sink.Error(line, "A static route needs a destination."); return; }
        CapturedPrefix? destination = v6 ? ParseV6Prefix(words[i++]) : ParseV4Network(words, ref i);
        if (destination is null)
        {
            sink.Error(line, $"'{string.Join(" ", words[2..])}' does not start with a destination prefix.");
            return;
        }
        string? iface = null;
        CapturedAddress? nextHop = null;
        int? distance = null;
        string? name = null;
        for (; i < words.Length; i++)
        {
            string word = words[i];
            if (word is "name" or "tag" or "track" && i + 1 < words.Length)
            {
                if (word == "name") name = words[i + 1];
                i++;
                continue;
            }
            if (word is "permanent" or "multicast" or "unicast" or "global") continue;
            if (nextHop is null && CapturedAddress.TryParse(word, out var address)) { nextHop = address; continue; }
            if (Words.ParseInt(word) is { } number) { distance = number; continue; }
            if (iface is null && nextHop is null) { iface = word; continue; }
            sink.Error(line, $"Unexpected '{word}' in a static route.");
            return;
        }
        sink.Add(new ObservedStaticRoute(sink.Device, destination, iface, nextHop, distance, name, vrf, sink.At(line)));
    }

    private static CapturedPrefix? ParseV6Prefix(string text) => CapturedPrefix.TryParse(text, out var prefix) ? prefix : null;

    private static CapturedPrefix? ParseV4Network(string[] words, ref int i)
    {
        if (i + 1 >= words.Length || !NetDsl.Addressing.IpAddress.TryParse(words[i], out var network)
            || !NetDsl.Addressing.IpAddress.TryParse(words[i + 1], out var mask) || !network.IsV4 || !mask.IsV4) return null;
        int length = System.Numerics.BitOperations.PopCount((uint)mask.Low);
        i += 2;
        return CapturedPrefix.Of(new NetDsl.Addressing.IpPrefix(network, length));
    }

    private static void ReadInterfaceLine(ParseSink<Observation> sink, InterfaceBuilder current, CaptureLine line, string[] words)
    {
        switch (words[0])
        {
            case "shutdown": current.Shutdown = true; return;
            case "description": current.Description = line.Trimmed.Substring("description".Length).Trim(); return;
            case "ipv6" when words.Length >= 3 && words[1] == "address":
                if (words.Length >= 4 && words[3] == "link-local" && CapturedAddress.TryParse(words[2], out var linkLocal))
                    current.LinkLocal = linkLocal;
                else if (CapturedPrefix.TryParse(words[2], out var v6)) current.Ipv6.Add(v6);
                else if (words[2] != "autoconfig" && words[2] != "dhcp")
                    sink.Error(line, $"'{words[2]}' is not an IPv6 address with a prefix length.");
                return;
            case "ip" when words.Length >= 4 && words[1] == "address":
                int i = 2;
                if (ParseV4Network(words, ref i) is { } v4)
                    current.Ipv4 = new CapturedPrefix(CapturedAddress.Of(NetDsl.Addressing.IpAddress.Parse(words[2])), v4.Length);
                else sink.Error(line, $"'{words[2]} {words[3]}' is not an IPv4 address and mask.");
                return;
        }
    }

    private sealed class InterfaceBuilder(string device, string name, CaptureLocation location)
    {
        public List<CapturedPrefix> Ipv6 { get; } = new();
        public CapturedAddress? LinkLocal { get; set; }
        public CapturedPrefix? Ipv4 { get; set; }
        public string? Description { get; set; }
        public bool Shutdown { get; set; }

        public ObservedIosInterface Build() =>
            new(device, name, Ipv6.ToEquatableArray(), LinkLocal, Ipv4, Description, Shutdown, location);
    }
}
