using System.Collections.Generic;
using System.Linq;
using NetDsl.Model;
using NetDsl.Planning;

namespace NetDsl.Targets;

/// <summary>
/// <c>&lt;host&gt;/netdsl.nft</c>: the host's source NAT (seed: firewalld's <c>oifname != "lo" masquerade</c>) in
/// tables NetDsl owns (<c>table ip6 netdsl</c>, plus <c>table ip netdsl</c> when IPv4 masquerade is declared).
/// One <c>nft -f</c> is one transaction: each table is declared empty, deleted and declared again with its
/// rules, so loading replaces it atomically whether or not it existed (nft 1.0.6 has no <c>destroy</c>).
/// The ip6 table is written even without rules, so removing the last masquerade also clears the host.
/// </summary>
public sealed class NftablesRenderer : IArtifactRenderer
{
    public const string FileName = "netdsl.nft";

    public string Name => "nftables";

    /// <remarks>
    /// The tables themselves come from <see cref="NftablesRuleset"/> in the core, the same text apply loads;
    /// this renderer adds the file header and refuses values nft could not carry.
    /// </remarks>
    public RenderResult Render(NetworkModel model)
    {
        var guard = new TextGuard("an nftables ruleset");
        var artifacts = new List<Artifact>();
        foreach (var host in model.Hosts)
        {
            foreach (var m in host.Masquerades)
            {
                if (m.Source is { } source) guard.Text(source.ToString(), "masquerade source", m.Span);
                if (m.OutputInterface is { } output) guard.Text(output, "interface", m.Span);
                if (m.ExcludedOutputInterface is { } excluded) guard.Text(excluded, "interface", m.Span);
            }
            // The ip6 table is written even without rules, so removing the last masquerade also clears the host.
            var families = new List<IpFamily> { IpFamily.Ipv6 };
            if (host.Masquerades.Any(m => m.Family == IpFamily.Ipv4)) families.Add(IpFamily.Ipv4);
            var tables = families.Select(f => NftablesRuleset.Render(f, host.Masquerades)).ToList();
            var view = new NftView(guard.Text(host.Name, "docker host", host.Span), tables);
            artifacts.Add(new Artifact(host.Name, FileName, TemplateLibrary.Render("nftables.scriban", view)));
        }
        return guard.Result(artifacts);
    }

    private sealed record NftView(string Device, IReadOnlyList<string> Tables);
}
