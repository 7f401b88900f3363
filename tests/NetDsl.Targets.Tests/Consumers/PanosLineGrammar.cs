using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace NetDsl.Targets.Tests.Consumers;

/// <summary>
/// The PAN-OS configure-mode `set` commands NetDsl writes, as the vendor documents them, so a rendered file that the
/// CLI would refuse ("Invalid syntax", "is not a valid reference", a name too long) fails a test here. Sources
/// (docs/targets.md): PAN-OS 10.1 CLI Quick Start (configure mode, `set` paths, `[ a b ]` member lists); the PAN-OS
/// 10.1 Administrator's Guide, "Configure Layer 3 Interfaces" (`network interface ethernet ethernetN/N layer3 units
/// ethernetN/N.T tag T`, `ipv6 enabled yes`, `ipv6 address`), "Security Zones" (zone names: up to 31 characters),
/// "Configure a Static Route" (`network virtual-router V routing-table ipv6 static-route NAME destination|interface|
/// nexthop ipv6-address`), "Security Policy" and "NPTv6" (`rulebase nat rules NAME nat-type nptv6 … source-translation
/// static-ip translated-address`); object and rule names: up to 63 characters, starting with a letter or digit,
/// then letters, digits, '_', '-', '.' (and spaces, which NetDsl never writes).
/// </summary>
public static class PanosLineGrammar
{
    private const string Name = @"[A-Za-z0-9][A-Za-z0-9_.-]{0,62}";
    private const string Zone = @"[A-Za-z0-9][A-Za-z0-9_.-]{0,30}";
    private const string Unit = @"(ethernet[0-9]+/[0-9]+|ae[0-9]+|loopback|tunnel|vlan)(\.[0-9]{1,4})?";
    private const string Path = @"network interface (ethernet ethernet[0-9]+/[0-9]+ layer3|aggregate-ethernet ae[0-9]+ layer3|loopback|tunnel|vlan)( units " + Unit + ")?";
    private const string V6 = @"[0-9a-f:]*:[0-9a-f:.]*";
    private const string Len6 = @"/([0-9]|[1-9][0-9]|1[01][0-9]|12[0-8])";
    private const string V4 = @"([0-9]{1,3}\.){3}[0-9]{1,3}";
    private const string Len4 = @"/([0-9]|[12][0-9]|3[0-2])";
    private const string Prefix = "(" + V6 + Len6 + "|" + V4 + Len4 + ")";

    private static string Members(string item) => "(" + item + @"|\[( " + item + ")+ \\])";

    private static readonly (string Form, Regex Pattern)[] Lines =
    {
        ("deviceconfig ipv6-firewalling", new Regex(@"^set deviceconfig setting session ipv6-firewalling yes$")),
        ("interface tag", new Regex("^set " + Path + @" tag ([1-9][0-9]{0,2}|[1-3][0-9]{3}|40[0-8][0-9]|409[0-4])$")),
        ("interface ip", new Regex("^set " + Path + " ip " + V4 + Len4 + "$")),
        ("interface ipv6 enabled", new Regex("^set " + Path + " ipv6 enabled yes$")),
        ("interface ipv6 address", new Regex("^set " + Path + " ipv6 address " + V6 + Len6 + "$")),
        ("zone", new Regex("^set zone " + Zone + " network layer3 " + Members(Unit) + "$")),
        ("virtual-router interfaces", new Regex("^set network virtual-router " + Name + " interface " + Members(Unit) + "$")),
        ("static route destination", new Regex("^set network virtual-router " + Name + " routing-table (ip|ipv6) static-route " + Name + " destination " + Prefix + "$")),
        ("static route interface", new Regex("^set network virtual-router " + Name + " routing-table (ip|ipv6) static-route " + Name + " interface " + Unit + "$")),
        ("static route nexthop", new Regex("^set network virtual-router " + Name + " routing-table (ip static-route " + Name + " nexthop ip-address " + V4 + "|ipv6 static-route " + Name + " nexthop ipv6-address " + V6 + ")$")),
        ("security rule", new Regex("^set rulebase security rules " + Name + " (from " + Zone + "|to " + Zone + "|source any|destination any|application any|service any|action allow)$")),
        ("nat rule", new Regex("^set rulebase nat rules " + Name + " (nat-type nptv6|from " + Zone + "|to " + Zone + "|to-interface " + Unit + "|source " + Members(V6 + Len6)
            + "|destination any|service any|source-translation static-ip translated-address " + V6 + Len6 + ")$")),
    };

    public static List<string> Refused(string config)
    {
        var refused = new List<string>();
        var lines = config.TrimEnd('\n').Split('\n');
        for (int n = 0; n < lines.Length; n++)
        {
            if (System.Array.Find(Lines, l => l.Pattern.IsMatch(lines[n])).Form is null)
                refused.Add($"{n + 1}: no PAN-OS set command reads '{lines[n]}'");
        }
        return refused;
    }
}
