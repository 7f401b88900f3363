using System;
using System.Collections.Generic;
using System.Linq;
using NetDsl.Model;

namespace NetDsl.Planning;

/// <summary>
/// Builds the <see cref="ApplyPlan"/> from a model. Pure: no I/O, same model, same plan.
/// Order per host: daemon.json, (conditional) engine restart, sysctls, networks, containers (create all, connect
/// further networks, then start), nftables, NetDsl's NPTv6 gateways; then router and firewall configs to install by hand.
/// </summary>
public static class ApplyPlanner
{
    public static ApplyPlan Plan(NetworkModel model) =>
        Header(model) with { Steps = PlanOutline.Expand(model, Outline(model), NetworkPiece, ContainerPiece).ToEquatableArray() };

    /// <summary>The plan without its steps (the generator writes the steps from the outline).</summary>
    internal static ApplyPlan Header(NetworkModel model) => new(model.Owner, EquatableArray<ApplyStep>.Empty);

    /// <summary>The plan's runs: per host its fixed steps around the networks' and containers' pieces; then device configs.</summary>
    internal static EquatableArray<PlanSegment<ApplyStep>> Outline(NetworkModel model)
    {
        var outline = new List<PlanSegment<ApplyStep>>();
        foreach (var host in model.Hosts)
        {
            outline.Add(PlanSegment<ApplyStep>.Of(HostSteps(model, host)));
            outline.Add(PlanSegment<ApplyStep>.Each(host.Name, PlanPiece.CreateNetwork));
            outline.Add(PlanSegment<ApplyStep>.Each(host.Name, PlanPiece.CreateContainer));
            outline.Add(PlanSegment<ApplyStep>.Each(host.Name, PlanPiece.ConnectContainer));
            outline.Add(PlanSegment<ApplyStep>.Each(host.Name, PlanPiece.StartContainer));
            outline.Add(PlanSegment<ApplyStep>.Of(host.Masquerades.Select(m => m.Family).Distinct().Select(family =>
                (ApplyStep)new LoadNftablesStep(host.Name, NftablesRuleset.Family(family), NftablesRuleset.TableName, NftablesRuleset.Render(family, host.Masquerades)))));
            if (host.Nptv6Rules.Count > 0)
                outline.Add(PlanSegment<ApplyStep>.Of(host.Nptv6Rules.Select((rule, index) => (ApplyStep)new RunNptv6GatewayStep(host.Name, rule, index))));
        }
        outline.Add(PlanSegment<ApplyStep>.Of(model.Routers.Select(r => (ApplyStep)new PushDeviceConfigStep(r.Name, r.Dialect))
            .Concat(model.Firewalls.Select(f => (ApplyStep)new PushDeviceConfigStep(f.Name, f.Dialect)))));
        return outline.ToEquatableArray();
    }

    /// <summary>What one network adds to its host's plan.</summary>
    internal static IEnumerable<ApplyStep> NetworkPiece(PlanPiece piece, string host, DockerNetwork n) => piece switch
    {
        PlanPiece.CreateNetwork => new[] { new CreateNetworkStep(host, n, SettingsFields.Hash(SettingsFields.Of(n))) },
        _ => Array.Empty<ApplyStep>(),
    };

    /// <summary>What one container adds to its host's plan: created, connected to its further networks, started.</summary>
    internal static IEnumerable<ApplyStep> ContainerPiece(PlanPiece piece, string host, Container c) => piece switch
    {
        PlanPiece.CreateContainer => new[] { new CreateContainerStep(host, c, SettingsFields.Hash(SettingsFields.Of(c))) },
        PlanPiece.ConnectContainer => c.Attachments.Skip(1).Select(a => (ApplyStep)new ConnectNetworkStep(host, c.Name, a)).ToArray(),
        PlanPiece.StartContainer => new[] { new StartContainerStep(host, c.Name) },
        _ => Array.Empty<ApplyStep>(),
    };

    // daemon.json, a restart when restart-only keys are set, sysctls: what comes before the host's networks.
    private static IEnumerable<ApplyStep> HostSteps(NetworkModel model, DockerHost host)
    {
        var d = host.Daemon;
        if (d != DaemonSettings.Empty with { Span = d.Span })
        {
            yield return new WriteDaemonJsonStep(host.Name, d);
            var restartKeys = RestartKeysSet(d).ToEquatableArray();
            if (!restartKeys.IsEmpty) yield return new RestartEngineStep(host.Name, restartKeys, d.LiveRestore == true);
        }
        foreach (var s in Sysctls(host, model.NetworksOn(host.Name))) yield return s;
    }

    /// <summary>The restart-only keys this file sets (a null setting is not written, so it cannot change).</summary>
    private static IEnumerable<string> RestartKeysSet(DaemonSettings d) => d.Entries().Where(e => e.Key.NeedsRestart).Select(e => e.Key.Name);

    /// <summary>
    /// Forwarding for the IPv6 networks, and accept_ra=2 first on every uplink whose routes come from router
    /// advertisements: with forwarding on, the kernel ignores RAs (accept_ra=1 means "only if not forwarding"),
    /// so the RA-learned default route (the seed's <c>default via fe80::1 dev ens192 proto ra</c>) would expire.
    /// Docker itself turns forwarding on when it creates an IPv6 bridge, so these come before the networks.
    /// </summary>
    private static IEnumerable<SetSysctlStep> Sysctls(DockerHost host, EquatableArray<DockerNetwork> networks)
    {
        if (networks.IsEmpty) yield break;
        var raInterfaces = host.Routes.Where(r => r.Origin == RouteOrigin.RouterAdvertisement && r.Interface is not null)
            .Select(r => r.Interface!).Distinct();
        foreach (var i in raInterfaces)
            yield return new SetSysctlStep(host.Name, "net.ipv6.conf." + i + ".accept_ra", "2",
                "routes on " + i + " come from router advertisements, which the kernel ignores once forwarding is on unless accept_ra=2");
        yield return new SetSysctlStep(host.Name, "net.ipv6.conf.all.forwarding", "1", "route between the IPv6 networks and the uplink");
    }
}
