using System.Collections.Generic;
using System.Linq;
using NetDsl.Model;

namespace NetDsl.Planning;

/// <summary>
/// Builds the <see cref="ApplyPlan"/> from a model. Pure: no I/O, same model, same plan.
/// Order per host: daemon.json, (conditional) engine restart, sysctls, networks, containers (create all, connect
/// further networks, then start), nftables; then router and firewall configs to install by hand.
/// </summary>
public static class ApplyPlanner
{
    public static ApplyPlan Plan(NetworkModel model)
    {
        var steps = new List<ApplyStep>();
        foreach (var host in model.Hosts) AddHost(model, host, steps);
        foreach (var r in model.Routers) steps.Add(new PushDeviceConfigStep(r.Name, r.Dialect));
        foreach (var f in model.Firewalls) steps.Add(new PushDeviceConfigStep(f.Name, f.Dialect));
        return new ApplyPlan(OwnershipLabels.SourceName(model.SourcePath), steps.ToEquatableArray());
    }

    private static void AddHost(NetworkModel model, DockerHost host, List<ApplyStep> steps)
    {
        var d = host.Daemon;
        if (d != DaemonSettings.Empty with { Span = d.Span })
        {
            steps.Add(new WriteDaemonJsonStep(host.Name, d));
            var restartKeys = RestartKeysSet(d).ToEquatableArray();
            if (!restartKeys.IsEmpty) steps.Add(new RestartEngineStep(host.Name, restartKeys, d.LiveRestore == true));
        }

        var networks = model.NetworksOn(host.Name);
        foreach (var s in Sysctls(host, networks)) steps.Add(s);

        foreach (var n in networks)
            steps.Add(new CreateNetworkStep(host.Name, n, SettingsFields.Hash(SettingsFields.Of(n))));
        var containers = model.ContainersOn(host.Name);
        foreach (var c in containers)
            steps.Add(new CreateContainerStep(host.Name, c, SettingsFields.Hash(SettingsFields.Of(c))));
        foreach (var c in containers)
            foreach (var a in c.Attachments.Skip(1))
                steps.Add(new ConnectNetworkStep(host.Name, c.Name, a));
        foreach (var c in containers) steps.Add(new StartContainerStep(host.Name, c.Name));

        foreach (var family in host.Masquerades.Select(m => m.Family).Distinct())
            steps.Add(new LoadNftablesStep(host.Name, NftablesRuleset.Family(family), NftablesRuleset.TableName,
                NftablesRuleset.Render(family, host.Masquerades)));
    }

    /// <summary>The restart-only keys this file sets (a null setting is not written, so it cannot change).</summary>
    private static IEnumerable<string> RestartKeysSet(DaemonSettings d)
    {
        if (d.Ipv6 is not null) yield return "ipv6";
        if (d.FixedCidrV6 is not null) yield return "fixed-cidr-v6";
        if (d.Ip6Tables is not null) yield return "ip6tables";
        if (d.Experimental is not null) yield return "experimental";
        if (!d.DefaultAddressPools.IsEmpty) yield return "default-address-pools";
    }

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
