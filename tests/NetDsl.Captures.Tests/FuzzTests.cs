using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using NetDsl.Captures.Model;
using NetDsl.Captures.Parsers;
using NUnit.Framework;

namespace NetDsl.Captures.Tests;

/// <summary>
/// No input makes a parser throw. The parsers catch unexpected exceptions themselves and report them as an
/// "internal error" CaptureError, so these tests look for that text as well as for exceptions.
/// </summary>
public class FuzzTests
{
    private static IEnumerable<TestCaseData> Seeds() =>
        SeedCaptures.All.Select(name => new TestCaseData(name).SetName("Fuzz_" + name.Replace('.', '_')));

    [TestCaseSource(nameof(Seeds))]
    public void EveryPrefixTruncation_ParsesWithoutInternalError(string name)
    {
        string text = SeedCaptures.Text(name);
        var format = FormatOf(name);
        for (int length = 0; length <= text.Length; length++)
            AssertNoInternalError(CaptureParsers.Parse(format, text.Substring(0, length), name), name, $"truncated to {length} chars");
    }

    [TestCaseSource(nameof(Seeds))]
    public void RandomByteMutations_ParseWithoutInternalError(string name)
    {
        byte[] original = Encoding.UTF8.GetBytes(SeedCaptures.Text(name));
        var random = new Random(name.GetHashCode(StringComparison.Ordinal) ^ 7);
        var format = FormatOf(name);
        byte[] interesting = Encoding.ASCII.GetBytes(":/%[]{}\"=;.-# \n\t0fFzZ");
        for (int round = 0; round < 300; round++)
        {
            byte[] bytes = (byte[])original.Clone();
            int mutations = 1 + random.Next(8);
            for (int m = 0; m < mutations; m++)
            {
                int at = random.Next(bytes.Length);
                bytes[at] = random.Next(3) == 0 ? (byte)random.Next(256) : interesting[random.Next(interesting.Length)];
            }
            string text = Encoding.UTF8.GetString(bytes);
            AssertNoInternalError(CaptureParsers.Parse(format, text, name), name, $"mutation round {round}");
            AssertNoInternalError(CaptureParsers.Parse(text, name, out _), name, $"auto-detected, mutation round {round}");
        }
    }

    [Test]
    public void EveryParser_AcceptsGarbageAndEmptyInputWithoutThrowing()
    {
        string[] inputs = { "", "\n\n", "\0\0\0", "}", "{", "[", "]", "\"", "::::", "1:", "table", "chain x {", "nexthop via",
            "src=", "[NEW]", "inet6", "set", "set rulebase nat rules", "interface", " ipv6 address", new string('x', 10000),
            "# netdsl-capture: device=\"", "# netdsl-capture: command=", "\uFEFF", "\r\n\r" };
        foreach (CaptureFormat format in Enum.GetValues<CaptureFormat>())
        {
            foreach (var input in inputs)
                AssertNoInternalError(CaptureParsers.Parse(format, input, "x.txt"), "x.txt", $"{format} on '{input}'");
        }
    }

    private static CaptureFormat FormatOf(string name) =>
        CaptureFileName.TryParse(name, out var fileName) && fileName.Format is { } format ? format : throw new ArgumentException(name);

    private static void AssertNoInternalError(CaptureParseResult<Observation> result, string name, string what)
    {
        var internalError = result.Errors.FirstOrDefault(e => e.Message.Contains(ParseSink<Observation>.InternalErrorText, StringComparison.Ordinal));
        Assert.That(internalError, Is.Null, $"{name}, {what}: {internalError}");
        Assert.That(result.Errors.All(e => e.File == name), Is.True, $"{name}, {what}: every error names the file");
    }
}
