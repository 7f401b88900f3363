using System;
using System.Collections.Generic;
using NetDsl.Captures.Model;
using NetDsl.Model;

namespace NetDsl.Captures.Parsers;

/// <summary>
/// Reads `conntrack -E` event lines (<c>[NEW] icmpv6 58 30 src=… dst=… type=128 … [UNREPLIED] src=… dst=…</c>) and
/// `conntrack -L` table lines (<c>tcp 6 431999 ESTABLISHED src=… dst=… sport=… dport=… src=… … [ASSURED] mark=0 use=1</c>),
/// also with the layer-3 columns of <c>-o extended</c> (<c>ipv6 10 tcp 6 …</c>). The first <c>src=</c> starts the
/// original tuple, the second the reply tuple; key=value pairs after the reply tuple's fields (mark, use, zone…) are
/// kept with the reply's fields.
/// </summary>
public static class ConntrackParser
{
    public static CaptureParseResult<ObservedConntrackEntry> Parse(string text, string fileName) =>
        ParseSink<ObservedConntrackEntry>.Run(text, fileName, Read);

    private static void Read(ParseSink<ObservedConntrackEntry> sink)
    {
        foreach (var line in sink.Capture.Lines)
        {
            sink.CurrentLine = line.Number;
            if (line.IsBlank) continue;
            // The summary `conntrack -L` prints on stderr, often pasted along.
            if (line.Trimmed.StartsWith("conntrack v", StringComparison.Ordinal)) continue;
            var entry = ReadEntry(sink, line);
            if (entry is not null) sink.Add(entry);
        }
    }

    private static ObservedConntrackEntry? ReadEntry(ParseSink<ObservedConntrackEntry> sink, CaptureLine line)
    {
        var words = Words.Split(line.Text);
        int i = 0;
        string? eventName = null;
        if (IsBracketed(words[i]))
        {
            eventName = words[i].Trim('[', ']');
            i++;
        }
        if (i + 1 < words.Length && words[i] is "ipv4" or "ipv6" && Words.ParseInt(words[i + 1]) is not null) i += 2;
        if (i >= words.Length || words[i].Contains('='))
        {
            sink.Error(line, "Expected a protocol name (tcp, udp, icmpv6…) before the addresses.");
            return null;
        }
        string protocol = words[i++];
        int? protocolNumber = i < words.Length ? Words.ParseInt(words[i]) : null;
        if (protocolNumber is not null) i++;
        int? timeout = i < words.Length ? Words.ParseInt(words[i]) : null;
        if (timeout is not null) i++;
        string? state = i < words.Length && !words[i].Contains('=') && !IsBracketed(words[i]) ? words[i++] : null;

        var flags = new List<string>();
        var tuples = new List<List<(string Key, string Value)>>();
        for (; i < words.Length; i++)
        {
            string word = words[i];
            if (IsBracketed(word)) { flags.Add(word.Trim('[', ']')); continue; }
            int equals = word.IndexOf('=');
            if (equals <= 0)
            {
                sink.Error(line, $"Expected key=value or [FLAG]; found '{word}'.");
                return null;
            }
            string key = word.Substring(0, equals);
            if (key == "src" && tuples.Count < 2) tuples.Add(new List<(string, string)>());
            if (tuples.Count == 0)
            {
                sink.Error(line, $"'{key}=' comes before the first 'src='.");
                return null;
            }
            tuples[^1].Add((key, word.Substring(equals + 1)));
        }
        if (tuples.Count == 0)
        {
            sink.Error(line, "No 'src=… dst=…' tuple on this conntrack line.");
            return null;
        }
        var original = ReadTuple(sink, line, tuples[0]);
        var reply = tuples.Count > 1 ? ReadTuple(sink, line, tuples[1]) : null;
        if (original is null || (tuples.Count > 1 && reply is null)) return null;
        return new ObservedConntrackEntry(sink.Device, eventName, protocol, protocolNumber, timeout, state, original, reply,
            flags.ToEquatableArray(), sink.At(line));
    }

    private static ConntrackTuple? ReadTuple(ParseSink<ObservedConntrackEntry> sink, CaptureLine line, List<(string Key, string Value)> pairs)
    {
        CapturedAddress? source = null, destination = null;
        int? sourcePort = null, destinationPort = null;
        var fields = new List<ConntrackField>();
        foreach (var (key, value) in pairs)
        {
            switch (key)
            {
                case "src" or "dst":
                    if (!CapturedAddress.TryParse(value, out var address))
                    {
                        sink.Error(line, $"'{key}={value}' is not an address.");
                        return null;
                    }
                    if (key == "src") source = address; else destination = address;
                    break;
                case "sport": sourcePort = Words.ParseInt(value); break;
                case "dport": destinationPort = Words.ParseInt(value); break;
                default: fields.Add(new ConntrackField(key, value)); break;
            }
        }
        if (source is null || destination is null)
        {
            sink.Error(line, "A conntrack tuple needs both src= and dst=.");
            return null;
        }
        return new ConntrackTuple(source, destination, sourcePort, destinationPort, fields.ToEquatableArray());
    }

    private static bool IsBracketed(string word) => word.Length > 2 && word[0] == '[' && word[^1] == ']';
}
