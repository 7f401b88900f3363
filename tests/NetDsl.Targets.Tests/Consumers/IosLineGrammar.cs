using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace NetDsl.Targets.Tests.Consumers;

/// <summary>
/// The IOS configuration lines NetDsl writes, as the vendor documents them — so a rendered file that a router would
/// refuse ("% Invalid input detected") fails a test here instead. Sources (docs/targets.md): Cisco IOS IPv6 Command
/// Reference (`ipv6 unicast-routing`; `ipv6 address ipv6-prefix/prefix-length`; `ipv6 address ipv6-address
/// link-local`; `ipv6 route ipv6-prefix/prefix-length {ipv6-address | interface-type interface-number
/// [ipv6-address]}`), Cisco IOS IP Addressing Services Command Reference (`ip address ip-address mask`), Cisco IOS
/// IP Routing: Protocol-Independent Command Reference (`ip route prefix mask {ip-address | interface-type
/// interface-number [ip-address]}`), and the configuration-file conventions (`!` comment lines, `end`).
/// Interface names are a type and a number (`Vlan10`, `GigabitEthernet0/0/1.100`, abbreviations such as `e0`).
/// </summary>
public static class IosLineGrammar
{
    private const string Interface = @"[A-Za-z][A-Za-z-]*[0-9]+(/[0-9]+)*(\.[0-9]+)?";
    private const string V6 = @"[0-9A-F:]*:[0-9A-F:.]*";
    private const string V6Prefix = V6 + @"/([0-9]|[1-9][0-9]|1[01][0-9]|12[0-8])";
    private const string Octet = @"(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])";
    private const string V4 = Octet + @"\." + Octet + @"\." + Octet + @"\." + Octet;
    private const string Mask = @"((255\.){3}(255|254|252|248|240|224|192|128|0)|(255\.){2}(254|252|248|240|224|192|128|0)\.0|255\.(254|252|248|240|224|192|128|0)\.0\.0|(254|252|248|240|224|192|128|0)\.0\.0\.0)";

    private static readonly (string Form, Regex Pattern, bool InInterface)[] Lines =
    {
        ("! comment", new Regex(@"^!( .*)?$"), false),
        ("ipv6 unicast-routing", new Regex(@"^ipv6 unicast-routing$"), false),
        ("interface TYPE NUMBER", new Regex("^interface " + Interface + "$"), false),
        (" ipv6 address PREFIX/LEN", new Regex("^ ipv6 address " + V6Prefix + "$"), true),
        (" ipv6 address FE80::… link-local", new Regex("^ ipv6 address FE[89AB][0-9A-F]?:" + V6 + " link-local$"), true),
        (" ip address A MASK", new Regex("^ ip address " + V4 + " " + Mask + "$"), true),
        ("ipv6 route PREFIX/LEN [INTERFACE] [NEXT-HOP]", new Regex("^ipv6 route " + V6Prefix + "( " + Interface + ")?( " + V6 + ")?$"), false),
        ("ip route NETWORK MASK [INTERFACE] [NEXT-HOP]", new Regex("^ip route " + V4 + " " + Mask + "( " + Interface + ")?( " + V4 + ")?$"), false),
        ("end", new Regex("^end$"), false),
    };

    /// <summary>Every line the grammar does not accept, with its number and why.</summary>
    public static List<string> Refused(string config)
    {
        var refused = new List<string>();
        bool inInterface = false, ended = false;
        var lines = config.TrimEnd('\n').Split('\n');
        for (int n = 0; n < lines.Length; n++)
        {
            string line = lines[n];
            if (ended) { refused.Add($"{n + 1}: after 'end': {line}"); continue; }
            var match = System.Array.Find(Lines, l => l.Pattern.IsMatch(line));
            if (match.Form is null) { refused.Add($"{n + 1}: no IOS command reads '{line}'"); continue; }
            if (match.InInterface && !inInterface) refused.Add($"{n + 1}: '{line}' outside an interface");
            if (match.Form.StartsWith("interface", System.StringComparison.Ordinal)) inInterface = true;
            else if (!match.InInterface) inInterface = false;
            if (match.Form == "end") ended = true;
        }
        if (!ended) refused.Add("no 'end'");
        return refused;
    }
}
