using System;
using System.Collections.Generic;
using System.Linq;
using NetDsl.Captures.Model;
using NetDsl.Model;

namespace NetDsl.Captures.Parsers;

/// <summary>
/// Reads `ip route` / `ip -6 route` output, one route per line
/// (<c>default via fe80::1 dev ens192 proto ra metric 100 pref medium</c>), with multipath continuation lines
/// (<c>nexthop via … dev … weight 1</c>). Unknown key words are kept in <see cref="ObservedRoute.Extra"/>.
/// </summary>
public static class IpRouteParser
{
    private static readonly HashSet<string> RouteTypes = new(StringComparer.Ordinal)
    {
        "unicast", "local", "broadcast", "multicast", "unreachable", "prohibit", "blackhole", "throw", "anycast", "nat",
    };

    // Keys followed by one value; "via" may carry an address family word first ("via inet6 fe80::1").
    private static readonly HashSet<string> ValueKeys = new(StringComparer.Ordinal)
    {
        "dev", "proto", "scope", "src", "metric", "pref", "expires", "mtu", "advmss", "table", "from", "hoplimit",
        "weight", "realm", "realms", "rtt", "rttvar", "window", "cwnd", "initcwnd", "initrwnd", "features", "quickack",
        "congctl", "fastopen_no_cookie", "tos", "dsfield", "error", "nhid", "ttl-propagate", "encap", "rto_min", "ssthresh",
        "reordering", "priority",
    };

    public static CaptureParseResult<ObservedRoute> Parse(string text, string fileName) =>
        ParseSink<ObservedRoute>.Run(text, fileName, Read);

    private static void Read(ParseSink<ObservedRoute> sink)
    {
        bool ipv4 = IsIpv4Command(sink.Capture.Command);
        // A route is held back until the next line shows whether it is a multipath head: a head is reported once
        // per "nexthop" line instead of on its own.
        ObservedRoute? pending = null;
        bool pendingHasNexthops = false;
        foreach (var line in sink.Capture.Lines)
        {
            sink.CurrentLine = line.Number;
            if (line.IsBlank) continue;
            var words = Words.Split(line.Text);
            if (line.IsIndented && words[0] == "nexthop")
            {
                if (pending is null) sink.Error(line, "A 'nexthop' line must follow the route it belongs to.");
                else { ReadNexthop(sink, pending, line, words); pendingHasNexthops = true; }
                continue;
            }
            if (pending is not null && !pendingHasNexthops) sink.Add(pending);
            pending = ReadRoute(sink, line, words, ipv4);
            pendingHasNexthops = false;
        }
        if (pending is not null && !pendingHasNexthops) sink.Add(pending);
    }

    private static bool IsIpv4Command(string? command)
    {
        if (command is null) return false;
        var words = Words.Split(command.Split('|')[0]);
        return Array.IndexOf(words, "-4") >= 0;
    }

    private static ObservedRoute? ReadRoute(ParseSink<ObservedRoute> sink, CaptureLine line, string[] words, bool ipv4)
    {
        int i = 0;
        string type = "unicast";
        if (RouteTypes.Contains(words[0]) && words.Length > 1) type = words[i++];
        string destinationText = words[i++];
        CapturedPrefix destination;
        if (destinationText == "default")
        {
            // "default" is ::/0 unless the command or the gateway says IPv4.
            bool v4 = ipv4 || (Array.IndexOf(words, "via") is int v and >= 0 && v + 1 < words.Length && words[v + 1].Contains('.') && !words[v + 1].Contains(':'));
            destination = v4 ? CapturedPrefix.Of(NetDsl.Addressing.IpPrefix.Parse("0.0.0.0/0")) : CapturedPrefix.Of(NetDsl.Addressing.IpPrefix.Parse("::/0"));
        }
        else if (!CapturedPrefix.TryParseHostOrPrefix(destinationText, out destination))
        {
            sink.Error(line, $"'{destinationText}' is not a route destination (a prefix, an address or 'default').");
            return null;
        }
        var fields = new RouteFields();
        if (!ReadFields(sink, line, words, i, fields)) return null;
        return new ObservedRoute(sink.Device, type, destination, fields.Via, fields.Interface, fields.Proto, fields.Metric,
            fields.Scope, fields.Source, fields.Pref, fields.Extra.ToEquatableArray(), sink.At(line));
    }

    private static void ReadNexthop(ParseSink<ObservedRoute> sink, ObservedRoute head, CaptureLine line, string[] words)
    {
        var fields = new RouteFields();
        if (!ReadFields(sink, line, words, 1, fields)) return;
        sink.Add(head with
        {
            Via = fields.Via ?? head.Via,
            Interface = fields.Interface ?? head.Interface,
            Extra = head.Extra.Concat(fields.Extra).ToEquatableArray(),
            Location = sink.At(line),
        });
    }

    private static bool ReadFields(ParseSink<ObservedRoute> sink, CaptureLine line, string[] words, int start, RouteFields fields)
    {
        for (int i = start; i < words.Length; i++)
        {
            string word = words[i];
            if (word == "via")
            {
                if (i + 1 < words.Length && words[i + 1] is "inet6" or "inet") i++;
                if (i + 1 >= words.Length || !CapturedAddress.TryParse(words[i + 1], out var via))
                {
                    sink.Error(line, $"'via' must be followed by an address; found '{(i + 1 < words.Length ? words[i + 1] : "")}'.");
                    return false;
                }
                fields.Via = via;
                i++;
                continue;
            }
            if (!ValueKeys.Contains(word) || i + 1 >= words.Length)
            {
                fields.Extra.Add(word);
                continue;
            }
            string value = words[++i];
            switch (word)
            {
                case "dev": fields.Interface = value; break;
                case "proto": fields.Proto = value; break;
                case "scope": fields.Scope = value; break;
                case "pref": fields.Pref = value; break;
                case "metric":
                    fields.Metric = Words.ParseInt(value);
                    if (fields.Metric is null) sink.Error(line, $"The metric '{value}' is not a number.");
                    break;
                case "src":
                    if (CapturedAddress.TryParse(value, out var source)) fields.Source = source;
                    else sink.Error(line, $"'src' must be followed by an address; found '{value}'.");
                    break;
                default: fields.Extra.Add(word + " " + value); break;
            }
        }
        return true;
    }

    private sealed class RouteFields
    {
        public CapturedAddress? Via;
        public string? Interface;
        public string? Proto;
        public int? Metric;
        public string? Scope;
        public CapturedAddress? Source;
        public string? Pref;
        public List<string> Extra { get; } = new();
    }
}
