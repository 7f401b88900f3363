using NetDsl.Addressing;
using NetDsl.Captures.Model;

namespace NetDsl.Captures.Tests;

/// <summary>Short constructors for expected values.</summary>
internal static class TestValues
{
    public static CapturedPrefix Prefix(string text) =>
        CapturedPrefix.TryParse(text, out var prefix) ? prefix : throw new System.ArgumentException(text);

    public static CapturedAddress Address(string text) =>
        CapturedAddress.TryParse(text, out var address) ? address : throw new System.ArgumentException(text);

    public static MacAddress Mac(string text) => MacAddress.TryParse(text, out var mac) ? mac : throw new System.ArgumentException(text);
}
