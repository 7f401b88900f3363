using System.Text;

namespace NetDsl.Naming;

/// <summary>
/// How a .netdsl name becomes a C# identifier in generated code: split at anything that is not a letter or
/// digit, capitalise each part, join ("br_ipv6_nw" → "BrIpv6Nw", "ethernet1/1.999" → "Ethernet11999").
/// A part written all in capitals is a shouted word, not an acronym soup: "DNS_GOOGLE" → "DnsGoogle",
/// "ROUTINGPREFIX" → "Routingprefix" (mixed-case parts such as "NPTv6" or "FWdc01" are kept as written).
/// The binder uses the same function to report names that would collide (NDSL1009), so the generator never
/// emits code that does not compile.
/// </summary>
internal static class Identifiers
{
    public static string ToPascalCase(string name)
    {
        var sb = new StringBuilder(name.Length);
        int i = 0;
        while (i < name.Length)
        {
            if (!IsAsciiLetterOrDigit(name[i]))
            {
                i++;
                continue;
            }
            int start = i;
            while (i < name.Length && IsAsciiLetterOrDigit(name[i])) i++;
            AppendPart(sb, name.Substring(start, i - start));
        }
        if (sb.Length == 0 || char.IsDigit(sb[0])) sb.Insert(0, '_');
        return sb.ToString();
    }

    private static void AppendPart(StringBuilder sb, string part)
    {
        bool shouted = part.Length > 1 && HasNoLowerCase(part) && HasLetterAfterFirst(part);
        sb.Append(char.ToUpperInvariant(part[0]));
        for (int i = 1; i < part.Length; i++)
            sb.Append(shouted ? char.ToLowerInvariant(part[i]) : part[i]);
    }

    private static bool HasNoLowerCase(string part)
    {
        foreach (char c in part) if (c >= 'a' && c <= 'z') return false;
        return true;
    }

    private static bool HasLetterAfterFirst(string part)
    {
        for (int i = 1; i < part.Length; i++) if ((part[i] >= 'A' && part[i] <= 'Z')) return true;
        return false;
    }

    private static bool IsAsciiLetterOrDigit(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
