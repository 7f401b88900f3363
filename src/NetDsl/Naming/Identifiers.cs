using System.Text;

namespace NetDsl.Naming;

/// <summary>
/// How a .netdsl name becomes a C# identifier in generated code: split at anything that is not a letter or
/// digit, capitalise each part, join ("br_ipv6_nw" → "BrIpv6Nw", "ethernet1/1.999" → "Ethernet11999").
/// The binder uses the same function to report names that would collide (NDSL1009), so the generator never
/// emits code that does not compile.
/// </summary>
public static class Identifiers
{
    public static string ToPascalCase(string name)
    {
        var sb = new StringBuilder(name.Length);
        bool upperNext = true;
        foreach (char c in name)
        {
            if (!char.IsLetterOrDigit(c) || c > 127)
            {
                upperNext = true;
                continue;
            }
            sb.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }
        if (sb.Length == 0 || char.IsDigit(sb[0])) sb.Insert(0, '_');
        return sb.ToString();
    }
}
