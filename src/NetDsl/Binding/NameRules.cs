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

    public const string IosInterfaceRule = "IOS names an interface by its type and number, e.g. Vlan10, GigabitEthernet0/0/1.100 or e0";

    /// <summary>PAN-OS zone names: at most 31 characters (PAN-OS Administrator's Guide, Security Zones).</summary>
    public const int MaxPanosZoneLength = 31;

    private static readonly System.Text.RegularExpressions.Regex IosInterface =
        new(@"^[A-Za-z][A-Za-z-]*[0-9]+(/[0-9]+)*(\.[0-9]+)?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>An IOS interface: a type and a number (Cisco IOS Interface and Hardware Component Command Reference, `interface type number`).</summary>
    public static bool IsIosInterfaceName(string name) => IosInterface.IsMatch(name);

    public static bool IsParameterName(string name) =>
        name.Length > 0 && (IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => IsAsciiLetterOrDigit(c) || c == '_');

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static bool IsAsciiLetterOrDigit(char c) => IsAsciiLetter(c) || (c >= '0' && c <= '9');
}
