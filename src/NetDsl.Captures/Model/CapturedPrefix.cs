using System.Collections.Generic;
using System.Globalization;
using NetDsl.Addressing;

namespace NetDsl.Captures.Model;

/// <summary>
/// An address with a prefix length as a capture printed it (<c>fd5a:ceb9:ed8d:1::2/64</c>,
/// <c>ROUTINGPREFIX:ff66:0:0:0:0/64</c>). See <see cref="CapturedAddress"/> for placeholders.
/// </summary>
public sealed record CapturedPrefix(CapturedAddress Address, int Length)
{
    public bool IsResolved => Address.IsResolved;

    /// <summary>The prefix when the capture printed it in full.</summary>
    public IpPrefix? Value => Address.Value is { } value ? new IpPrefix(value, Length) : null;

    public static CapturedPrefix Of(IpPrefix prefix) => new(CapturedAddress.Of(prefix.Address), prefix.Length);

    public static bool TryParse(string? text, out CapturedPrefix prefix)
    {
        prefix = null!;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        int slash = text.LastIndexOf('/');
        if (slash < 0) return false;
        string lengthText = text.Substring(slash + 1);
        if (lengthText.Length is 0 or > 3) return false;
        foreach (char c in lengthText) if (!char.IsAsciiDigit(c)) return false;
        int length = int.Parse(lengthText, CultureInfo.InvariantCulture);
        if (!CapturedAddress.TryParse(text.Substring(0, slash), out var address)) return false;
        int bits = address.Value is { IsV4: true } ? 32 : 128;
        if (length > bits) return false;
        prefix = new CapturedPrefix(address, length);
        return true;
    }

    /// <summary>A bare address (no "/n") as a host prefix, /128 or /32: how `ip route` prints host routes.</summary>
    public static bool TryParseHostOrPrefix(string? text, out CapturedPrefix prefix)
    {
        if (text is not null && text.IndexOf('/') >= 0) return TryParse(text, out prefix);
        prefix = null!;
        if (!CapturedAddress.TryParse(text, out var address)) return false;
        prefix = new CapturedPrefix(address, address.Value is { IsV4: true } ? 32 : 128);
        return true;
    }

    public bool TryResolve(IReadOnlyDictionary<string, IpPrefix> parameters, out IpPrefix resolved)
    {
        resolved = default;
        if (!Address.TryResolve(parameters, out var address)) return false;
        resolved = new IpPrefix(address, Length);
        return true;
    }

    public override string ToString() => Address + "/" + Length.ToString(CultureInfo.InvariantCulture);
}
