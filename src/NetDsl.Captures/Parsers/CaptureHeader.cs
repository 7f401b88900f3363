using System;
using System.Collections.Generic;
using NetDsl.Captures.Model;

namespace NetDsl.Captures.Parsers;

/// <summary>
/// <c># netdsl-capture: device=FWdc01 command="show interface all" partial=true</c>: says where a capture came from
/// when the file name cannot (a name kept from a ticket, several devices with dots in their names).
/// </summary>
internal sealed record CaptureHeader(int Line, string? Device, string? Command, bool Partial)
{
    public static CaptureHeader Parse(CaptureLine line, CaptureText capture)
    {
        string rest = line.Trimmed.Substring(CaptureText.HeaderMarker.Length);
        string? device = null, command = null;
        bool partial = false;
        foreach (var (key, value) in ReadPairs(rest, line, capture))
        {
            switch (key)
            {
                case "device": device = value; break;
                case "command": command = value; break;
                case "partial": partial = value is "true" or "yes" or "1"; break;
                default:
                    capture.Errors.Add(new CaptureError(capture.FileName, line.Number,
                        $"Unknown header key '{key}'; the header knows device=, command= and partial=."));
                    break;
            }
        }
        return new CaptureHeader(line.Number, device, command, partial);
    }

    private static IEnumerable<(string Key, string Value)> ReadPairs(string text, CaptureLine line, CaptureText capture)
    {
        var pairs = new List<(string, string)>();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) break;
            int equals = text.IndexOf('=', i);
            int space = text.IndexOfAny(new[] { ' ', '\t' }, i);
            if (equals < 0 || (space >= 0 && space < equals))
            {
                capture.Errors.Add(new CaptureError(capture.FileName, line.Number,
                    "Header entries are key=value (quote values with spaces: command=\"ip -6 route\")."));
                break;
            }
            string key = text.Substring(i, equals - i).ToLowerInvariant();
            i = equals + 1;
            string value;
            if (i < text.Length && text[i] == '"')
            {
                int close = text.IndexOf('"', i + 1);
                if (close < 0)
                {
                    capture.Errors.Add(new CaptureError(capture.FileName, line.Number, $"The value of '{key}' has no closing quote."));
                    value = text.Substring(i + 1);
                    i = text.Length;
                }
                else
                {
                    value = text.Substring(i + 1, close - i - 1);
                    i = close + 1;
                }
            }
            else
            {
                int end = text.IndexOfAny(new[] { ' ', '\t' }, i);
                if (end < 0) end = text.Length;
                value = text.Substring(i, end - i);
                i = end;
            }
            pairs.Add((key, value));
        }
        return pairs;
    }
}
