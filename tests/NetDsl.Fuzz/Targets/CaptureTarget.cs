using System;
using System.Linq;
using NetDsl.Captures;

namespace NetDsl.Fuzz.Targets;

/// <summary>
/// Every capture parser. The first byte picks the parser (one per <see cref="CaptureFormat"/>, and one more for
/// recognising the format from the header or prompt line as `verify --captures` does); the rest is the text.
/// The parsers catch their own exceptions and report them as "internal error in the capture parser": that is the
/// promise broken here.
/// </summary>
public static class CaptureTarget
{
    private static readonly CaptureFormat[] Formats = Enum.GetValues<CaptureFormat>();

    public const string InternalError = "internal error in the capture parser";

    public static void Run(byte[] input)
    {
        if (input.Length == 0) return;
        int choice = input[0] % (Formats.Length + 1);
        string text = FrontDoorTarget.Decode(input.AsSpan(1).ToArray());
        var result = choice < Formats.Length
            ? CaptureParsers.Parse(Formats[choice], text, "fuzz.txt")
            : CaptureParsers.Parse(text, "fuzz.txt", out _);
        var broken = result.Errors.FirstOrDefault(e => e.Message.Contains(InternalError, StringComparison.Ordinal));
        if (broken is not null) throw new FuzzFinding((choice < Formats.Length ? Formats[choice].ToString() : "recognised") + ": " + broken.Message);
    }

    /// <summary>The first byte that selects <paramref name="format"/> (null: recognise it from the text).</summary>
    public static byte Selector(CaptureFormat? format) => (byte)(format is { } f ? Array.IndexOf(Formats, f) : Formats.Length);
}
