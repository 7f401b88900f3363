using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using NetDsl.Captures.Model;
using NetDsl.Model;

namespace NetDsl.Captures.Parsers;

/// <summary>
/// Reads PAN-OS `show interface all`. The logical-interface table is what NetDsl checks:
/// <c>ethernet1/1.999  271  1  zUntrust  vr:default  999  192.168.1.250/24</c>, further addresses on continuation lines
/// holding only an address. The hardware table (<c>ethernet1/1  16  1000/full/up  b4:0c:…</c>), headings, dashed rules
/// and "total configured …" lines are skipped. Columns are found by their shape, not position, so an empty zone column
/// or wider names do not shift them.
/// </summary>
public static class PanosShowInterfaceParser
{
    private static readonly Regex Forwarding = new(@"^(vr|lr|vw|vlan|lvs):\S*$|^N/A$|^ha$|^tap$", RegexOptions.CultureInvariant);
    private static readonly Regex SpeedDuplexState = new(@"^[\w\[\]]+/[\w\[\]]+/\w+$", RegexOptions.CultureInvariant);

    public static CaptureParseResult<ObservedPanosInterface> Parse(string text, string fileName) =>
        ParseSink<ObservedPanosInterface>.Run(text, fileName, Read);

    private static void Read(ParseSink<ObservedPanosInterface> sink)
    {
        Row? current = null;
        foreach (var line in sink.Capture.Lines)
        {
            sink.CurrentLine = line.Number;
            if (line.IsBlank || IsChrome(line.Trimmed)) continue;
            var words = Words.Split(line.Text);
            if (line.IsIndented && words.Length == 1)
            {
                if (current is null) sink.Error(line, "An address continuation line must follow an interface row.");
                else AddAddress(sink, current, line, words[0]);
                continue;
            }
            if (current is not null) { sink.Add(current.Build()); current = null; }
            if (IsHardwareRow(words)) continue;
            current = ReadLogicalRow(sink, line, words);
        }
        if (current is not null) sink.Add(current.Build());
    }

    private static bool IsChrome(string text) =>
        text.StartsWith("---", StringComparison.Ordinal) || text.StartsWith("total ", StringComparison.Ordinal)
        || text.StartsWith("name ", StringComparison.Ordinal) || text.StartsWith("aggregation groups", StringComparison.Ordinal);

    private static bool IsHardwareRow(string[] words) =>
        words.Length >= 3 && Words.ParseInt(words[1]) is not null && SpeedDuplexState.IsMatch(words[2]);

    // name id vsys [zone] forwarding tag [address]
    private static Row? ReadLogicalRow(ParseSink<ObservedPanosInterface> sink, CaptureLine line, string[] words)
    {
        int forwarding = Array.FindIndex(words, 1, w => Forwarding.IsMatch(w));
        if (words.Length < 5 || forwarding < 3 || forwarding > 4 || Words.ParseInt(words[1]) is not { } id)
        {
            sink.Error(line, "Expected a logical interface row: name, id, vsys, zone, forwarding (vr:…), tag, address.");
            return null;
        }
        var row = new Row(sink.Device, words[0], id, words[2], forwarding == 4 ? words[3] : null, words[forwarding], sink.At(line));
        int next = forwarding + 1;
        if (next < words.Length && Words.ParseInt(words[next]) is { } tag) { row.Tag = tag; next++; }
        for (; next < words.Length; next++) AddAddress(sink, row, line, words[next]);
        return row;
    }

    private static void AddAddress(ParseSink<ObservedPanosInterface> sink, Row row, CaptureLine line, string word)
    {
        if (word == "N/A") return;
        if (CapturedPrefix.TryParse(word, out var prefix)) row.Addresses.Add(prefix);
        else sink.Error(line, $"'{word}' is not an address with a prefix length.");
    }

    private sealed class Row(string device, string name, int id, string vsys, string? zone, string forwarding, CaptureLocation location)
    {
        public int? Tag { get; set; }
        public List<CapturedPrefix> Addresses { get; } = new();

        public ObservedPanosInterface Build() =>
            new(device, name, id, vsys, zone, forwarding, Tag, Addresses.ToEquatableArray(), location);
    }
}
