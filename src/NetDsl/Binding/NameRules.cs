using System.Linq;

namespace NetDsl.Binding;

/// <summary>
/// Which characters names may hold. Names reach shell scripts, nftables, IOS and PAN-OS lines and C#
/// identifiers, so they are restricted up front: nothing can break out of its place in a rendered config.
/// </summary>
internal static class NameRules
{
    public const string NodeRule = "start with a letter, then letters, digits, '_', '.' or '-' (at most 63 characters)";
    public const string InterfaceRule = "letters, digits, '_', '.', '/' or '-', starting with a letter or digit (at most 63 characters)";

    /// <summary>Hosts, networks, containers, devices, zones, rules, external hosts.</summary>
    public static bool IsNodeName(string name) =>
        name.Length is > 0 and <= 63 && IsAsciiLetter(name[0]) && name.All(c => IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-');

    /// <summary>Vendor interface names: ethernet1/1.999, Vlan252, ens192, eth0.</summary>
    public static bool IsInterfaceName(string name) =>
        name.Length is > 0 and <= 63 && IsAsciiLetterOrDigit(name[0]) && name.All(c => IsAsciiLetterOrDigit(c) || c is '_' or '.' or '/' or '-');

    public static bool IsParameterName(string name) =>
        name.Length > 0 && (IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => IsAsciiLetterOrDigit(c) || c == '_');

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static bool IsAsciiLetterOrDigit(char c) => IsAsciiLetter(c) || (c >= '0' && c <= '9');
}
