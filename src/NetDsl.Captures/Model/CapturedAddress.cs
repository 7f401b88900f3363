using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetDsl.Addressing;

namespace NetDsl.Captures.Model;

/// <summary>
/// An address as a capture printed it. Usually a literal (<see cref="Value"/>), compared by value so upper- and
/// lower-case hex or compressed and uncompressed forms are equal. Write-ups and tickets often redact part of an
/// address with a word (the seed prints <c>ROUTINGPREFIX:ffff:192:168:1:250</c>); such an address keeps that word as
/// <see cref="Placeholder"/> and a normalised <see cref="Template"/>, and <see cref="TryResolve"/> substitutes the
/// value the .netdsl file gives the parameter of that name.
/// </summary>
public sealed record CapturedAddress
{
    private CapturedAddress(IpAddress? value, string? placeholder, string? template, string? zone)
    {
        Value = value;
        Placeholder = placeholder;
        Template = template;
        Zone = zone;
    }

    /// <summary>The address, when the capture printed it in full.</summary>
    public IpAddress? Value { get; }

    /// <summary>The redaction word standing for leading bits (e.g. <c>ROUTINGPREFIX</c>), or null.</summary>
    public string? Placeholder { get; }

    /// <summary>
    /// For a placeholder address: its text with hex groups normalised (lower case, no leading zeros, the longest run of
    /// zero groups as "::"), so that the forms different devices print compare equal.
    /// </summary>
    public string? Template { get; }

    /// <summary>The <c>%zone</c> suffix of a link-local address (<c>fe80::1%eth0</c>), without the percent sign.</summary>
    public string? Zone { get; }

    public bool IsResolved => Value is not null;

    public static CapturedAddress Of(IpAddress value, string? zone = null) => new(value, null, null, zone);

    /// <summary>Reads a literal address or one with a single placeholder group; tolerates a <c>%zone</c> suffix.</summary>
    public static bool TryParse(string? text, out CapturedAddress address)
    {
        address = null!;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        string? zone = null;
        int percent = text.IndexOf('%');
        if (percent >= 0)
        {
            zone = text.Substring(percent + 1);
            text = text.Substring(0, percent);
            if (zone.Length == 0) return false;
        }
        if (IpAddress.TryParse(text, out var literal))
        {
            address = new CapturedAddress(literal, null, null, zone);
            return true;
        }
        if (!TryNormaliseTemplate(text, out string? placeholder, out string? template)) return false;
        address = new CapturedAddress(null, placeholder, template, zone);
        return true;
    }

    /// <summary>
    /// The address with the placeholder replaced by the first bits of <paramref name="parameters"/>[placeholder]
    /// (whole 16-bit groups, e.g. 2001:db8:ff00::/48 stands for "2001:db8:ff00"). False when the parameter is missing,
    /// its length is not a multiple of 16, or the result is not an address.
    /// </summary>
    public bool TryResolve(IReadOnlyDictionary<string, IpPrefix> parameters, out IpAddress resolved)
    {
        resolved = default;
        if (Value is { } value)
        {
            resolved = value;
            return true;
        }
        if (Placeholder is null || Template is null || !parameters.TryGetValue(Placeholder, out var prefix)) return false;
        if (prefix.IsV4 || prefix.Length % 16 != 0 || prefix.Length == 0 || prefix.Length == 128) return false;
        var words = prefix.Address.Words().Take(prefix.Length / 16)
            .Select(w => w.ToString("x", CultureInfo.InvariantCulture));
        string text = Template.Replace(Placeholder, string.Join(":", words), StringComparison.Ordinal);
        return IpAddress.TryParse(text, out resolved);
    }

    public override string ToString() => (Value?.ToString() ?? Template ?? "") + (Zone is null ? "" : "%" + Zone);

    // Accepts colon-separated groups where exactly one is a capitalised word that is not hex (the redaction), the others
    // hex words or empty (for "::"). Rejects anything else, so typos in real addresses stay errors.
    private static bool TryNormaliseTemplate(string text, out string? placeholder, out string? template)
    {
        placeholder = null;
        template = null;
        if (text.IndexOf(':') < 0 || text.Contains(":::", StringComparison.Ordinal)) return false;
        var groups = text.Split(':');
        if (groups.Length > 8) return false;
        for (int i = 0; i < groups.Length; i++)
        {
            string group = groups[i];
            if (group.Length == 0) continue;
            if (IpAddress.TryParseHexWord(group, out ushort word))
            {
                groups[i] = word.ToString("x", CultureInfo.InvariantCulture);
                continue;
            }
            if (placeholder is not null || !IsPlaceholderWord(group)) return false;
            placeholder = group;
        }
        if (placeholder is null) return false;
        template = text.Contains("::", StringComparison.Ordinal) ? string.Join(":", groups) : CompressZeros(groups);
        return true;
    }

    // "ROUTINGPREFIX:ff66:0:0:0:0" (PAN-OS prints NAT addresses uncompressed) and "ROUTINGPREFIX:ff66::" must compare
    // equal: compress the longest run of two or more zero groups, as RFC 5952 does for full addresses.
    private static string CompressZeros(string[] groups)
    {
        int bestStart = -1, bestLength = 1;
        for (int i = 0; i < groups.Length;)
        {
            if (groups[i] != "0") { i++; continue; }
            int start = i;
            while (i < groups.Length && groups[i] == "0") i++;
            if (i - start > bestLength) { bestStart = start; bestLength = i - start; }
        }
        if (bestStart < 0) return string.Join(":", groups);
        string head = string.Join(":", groups, 0, bestStart);
        string tail = string.Join(":", groups, bestStart + bestLength, groups.Length - bestStart - bestLength);
        return head + "::" + tail;
    }

    // Redactions are written in capitals (ROUTINGPREFIX, XXXX); a lower-case non-hex group is a typo, not a redaction.
    private static bool IsPlaceholderWord(string group)
    {
        if (!(char.IsAsciiLetterUpper(group[0]) || group[0] == '_')) return false;
        foreach (char c in group)
            if (!(char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_')) return false;
        return true;
    }
}
