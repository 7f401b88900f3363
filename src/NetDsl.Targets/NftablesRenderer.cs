using System.Collections.Generic;
using System.Linq;
using NetDsl.Model;
using NetDsl.Rendering;

namespace NetDsl.Targets;

/// <summary>
/// <c>&lt;host&gt;/netdsl.nft</c>: the host's source NAT (seed: firewalld's <c>oifname != "lo" masquerade</c>) in
/// tables NetDsl owns (<c>table ip6 netdsl</c>, plus <c>table ip netdsl</c> when IPv4 masquerade is declared).
/// One <c>nft -f</c> is one transaction: each table is declared empty, deleted and declared again with its
/// rules, so loading replaces it atomically whether or not it existed (nft 1.0.6 has no <c>destroy</c>).
/// The ip6 table is written even without rules, so removing the last masquerade also clears the host.
/// </summary>
public sealed class NftablesRenderer : CheckedArtifactRenderer
{
    public const string FileName = "netdsl.nft";
    public const string TableName = "netdsl";

    public override string Name => "nftables";

    public override RenderResult RenderChecked(NetworkModel model)
    {
        var guard = new TextGuard("an nftables ruleset");
        var artifacts = new List<Artifact>();
        foreach (var host in model.Hosts)
        {
            var tables = new List<NftTable> { Table("ip6", host.Masquerades.Where(m => m.Family == IpFamily.Ipv6), guard) };
            var v4 = host.Masquerades.Where(m => m.Family == IpFamily.Ipv4).ToList();
            if (v4.Count > 0) tables.Add(Table("ip", v4, guard));
            var view = new NftView(guard.Text(host.Name, "docker host", host.Span), TableName, tables);
            artifacts.Add(new Artifact(host.Name, FileName, TemplateLibrary.Render("nftables.scriban", view)));
        }
        return guard.Result(artifacts);
    }

    private static NftTable Table(string family, IEnumerable<Masquerade> masquerades, TextGuard guard) =>
        new(family, masquerades.Select(m => Rule(m, guard)).ToList());

    /// <summary>One rule: optional source match, optional output-interface match, then <c>masquerade</c>.</summary>
    private static string Rule(Masquerade m, TextGuard guard)
    {
        var parts = new List<string>();
        if (m.Source is { } source)
            parts.Add((m.Family == IpFamily.Ipv6 ? "ip6" : "ip") + " saddr " + guard.Text(source.ToString(), "masquerade source", m.Span));
        if (m.OutputInterface is { } output)
            parts.Add("oifname \"" + guard.Text(output, "interface", m.Span) + "\"");
        if (m.ExcludedOutputInterface is { } excluded)
            parts.Add("oifname != \"" + guard.Text(excluded, "interface", m.Span) + "\"");
        parts.Add("masquerade");
        return string.Join(" ", parts);
    }

    private sealed record NftView(string Device, string Table, IReadOnlyList<NftTable> Tables);

    private sealed record NftTable(string Family, IReadOnlyList<string> Rules);
}
