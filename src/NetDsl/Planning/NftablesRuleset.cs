using System.Linq;
using System.Text;
using NetDsl.Model;

namespace NetDsl.Planning;

/// <summary>
/// NetDsl's own nftables table for a host's masquerade rules (seed: firewalld's
/// <c>oifname != "lo" masquerade</c>). The text replaces the table atomically when loaded with one <c>nft -f</c>:
/// the first line creates the table if missing so the delete cannot fail, and nft applies the file as one
/// transaction. Tables of others (firewalld, docker) are never named, so never flushed.
/// </summary>
public static class NftablesRuleset
{
    public const string TableName = "netdsl";

    public static string Family(IpFamily family) => family == IpFamily.Ipv6 ? "ip6" : "ip";

    public static string Render(IpFamily family, System.Collections.Generic.IEnumerable<Masquerade> rules)
    {
        string f = Family(family);
        var sb = new StringBuilder();
        sb.Append("table ").Append(f).Append(' ').Append(TableName).Append('\n');
        sb.Append("delete table ").Append(f).Append(' ').Append(TableName).Append('\n');
        sb.Append("table ").Append(f).Append(' ').Append(TableName).Append(" {\n");
        sb.Append("\tchain postrouting {\n");
        sb.Append("\t\ttype nat hook postrouting priority srcnat; policy accept;\n");
        foreach (var m in rules.Where(r => r.Family == family))
            sb.Append("\t\t").Append(RuleText(m)).Append('\n');
        sb.Append("\t}\n}\n");
        return sb.ToString();
    }

    /// <summary>One masquerade rule as nft prints it back (<c>oifname != "lo" masquerade</c>); verify compares captures with it.</summary>
    public static string RuleText(Masquerade m)
    {
        var sb = new StringBuilder();
        if (m.Source is { } src) sb.Append(Family(m.Family)).Append(" saddr ").Append(src).Append(' ');
        if (m.ExcludedOutputInterface is { } not) sb.Append("oifname != \"").Append(not).Append("\" ");
        if (m.OutputInterface is { } o) sb.Append("oifname \"").Append(o).Append("\" ");
        return sb.Append("masquerade").ToString();
    }
}
