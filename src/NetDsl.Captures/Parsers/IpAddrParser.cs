using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using NetDsl.Addressing;
using NetDsl.Captures.Model;
using NetDsl.Model;

namespace NetDsl.Captures.Parsers;

/// <summary>
/// Reads `ip addr` / `ip -6 addr` / `ip add` output: a line per link (<c>82: eth0@if83: &lt;…&gt; mtu 1500 … state UP</c>),
/// then indented <c>link/ether</c>, <c>inet</c>/<c>inet6</c> and <c>valid_lft</c> lines. Tolerates detail lines it does
/// not know (<c>altname</c>, <c>vlan protocol …</c> from <c>-d</c>), extra words, any hex case and <c>%zone</c> suffixes.
/// </summary>
public static class IpAddrParser
{
    private static readonly Regex LinkLine = new(@"^(?<index>\d+):\s+(?<name>[^\s:@]+)(?:@(?<peer>[^\s:]+))?:\s*(?:<(?<flags>[^>]*)>)?(?<rest>.*)$",
        RegexOptions.CultureInvariant);

    // Words that follow "scope X" on an address line and are flags, not the IPv4 label.
    private static readonly HashSet<string> KnownFlags = new(StringComparer.Ordinal)
    {
        "dynamic", "noprefixroute", "tentative", "nodad", "deprecated", "secondary", "temporary", "mngtmpaddr",
        "dadfailed", "optimistic", "home", "permanent", "stable-privacy", "autojoin", "primary", "noserialize",
    };

    public static CaptureParseResult<ObservedInterface> Parse(string text, string fileName) =>
        ParseSink<ObservedInterface>.Run(text, fileName, Read);

    private static void Read(ParseSink<ObservedInterface> sink)
    {
        LinkBuilder? link = null;
        foreach (var line in sink.Capture.Lines)
        {
            sink.CurrentLine = line.Number;
            if (line.IsBlank) continue;
            var match = LinkLine.Match(line.Text);
            if (match.Success && !line.IsIndented)
            {
                if (link is not null) sink.Add(link.Build());
                link = StartLink(sink, line, match);
                continue;
            }
            if (link is null || !line.IsIndented)
            {
                sink.Error(line, "Expected a link line such as '2: ens192: <BROADCAST,UP> mtu 1500 …' before this line.");
                continue;
            }
            ReadDetail(sink, link, line);
        }
        if (link is not null) sink.Add(link.Build());
    }

    private static LinkBuilder StartLink(ParseSink<ObservedInterface> sink, CaptureLine line, Match match)
    {
        var link = new LinkBuilder(sink.Device, match.Groups["name"].Value, Words.ParseInt(match.Groups["index"].Value) ?? 0,
            match.Groups["peer"].Success ? match.Groups["peer"].Value : null, sink.At(line));
        if (match.Groups["flags"].Success)
            link.Flags = match.Groups["flags"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries).ToEquatableArray();
        var words = Words.Split(match.Groups["rest"].Value);
        for (int i = 0; i + 1 < words.Length; i++)
        {
            switch (words[i])
            {
                case "mtu": link.Mtu = Words.ParseInt(words[++i]); break;
                case "state": link.State = words[++i]; break;
            }
        }
        return link;
    }

    private static void ReadDetail(ParseSink<ObservedInterface> sink, LinkBuilder link, CaptureLine line)
    {
        var words = Words.Split(line.Text);
        string keyword = words[0];
        if (keyword.StartsWith("link/", StringComparison.Ordinal))
        {
            link.LinkType = keyword.Substring("link/".Length);
            if (words.Length > 1 && keyword != "link/none")
            {
                if (MacAddress.TryParse(words[1], out var mac)) link.Mac = mac;
                else if (keyword is "link/ether" or "link/loopback") sink.Error(line, $"'{words[1]}' is not a MAC address.");
            }
            return;
        }
        if (keyword is "inet" or "inet6")
        {
            ReadAddress(sink, link, line, words);
            return;
        }
        // valid_lft/preferred_lft, altname, and the details of `ip -d addr` say nothing a verifier checks.
    }

    private static void ReadAddress(ParseSink<ObservedInterface> sink, LinkBuilder link, CaptureLine line, string[] words)
    {
        if (words.Length < 2 || !CapturedPrefix.TryParseHostOrPrefix(words[1], out var address))
        {
            sink.Error(line, $"'{(words.Length > 1 ? words[1] : "")}' is not an address with a prefix length (as in {words[0]} fd5a:ceb9:ed8d:1::1/64).");
            return;
        }
        string? scope = null;
        var flags = new List<string>();
        for (int i = 2; i < words.Length; i++)
        {
            string word = words[i];
            if (word is "brd" or "peer" or "metric") { i++; continue; }
            if (word == "scope" && i + 1 < words.Length) { scope = words[++i]; continue; }
            if (word == "label" && i + 1 < words.Length) { i++; continue; }
            // IPv4 lines end with the label (the interface name, or "eth0:1"); it is not a flag.
            if (i == words.Length - 1 && words[0] == "inet" && !KnownFlags.Contains(word)
                && word.StartsWith(link.Name, StringComparison.Ordinal)) continue;
            flags.Add(word);
        }
        link.Addresses.Add(new ObservedAddress(sink.Device, link.Name, address, scope, flags.ToEquatableArray(), sink.At(line)));
    }

    private sealed class LinkBuilder(string device, string name, int index, string? peer, CaptureLocation location)
    {
        public string Name => name;
        public EquatableArray<string> Flags { get; set; } = EquatableArray<string>.Empty;
        public int? Mtu { get; set; }
        public string? State { get; set; }
        public string? LinkType { get; set; }
        public MacAddress? Mac { get; set; }
        public List<ObservedAddress> Addresses { get; } = new();

        public ObservedInterface Build() =>
            new(device, name, index, peer, Flags, Mtu, State, LinkType, Mac, Addresses.ToEquatableArray(), location);
    }
}
