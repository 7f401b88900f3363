using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet.Models;
using NetDsl.Docker.Engine;

namespace NetDsl.Docker.Apply;

/// <summary>
/// A replace that never loses what it replaces. Pinned addresses mean old and new cannot run side by side, so each
/// old container is renamed aside (<see cref="AsideName"/>) and stopped, an old network is removed only after its
/// old containers are disconnected (their endpoints remembered); the successors are then created. Only when every
/// successor is up are the old containers removed (<see cref="CommitAsync"/>); on any failure the successors are
/// removed, old networks created again with their inspected settings, old containers reconnected, renamed back and
/// started (<see cref="RollbackAsync"/>). Neither runs with the caller's cancellation: a signal waits for them.
/// </summary>
internal sealed class Replacement
{
    public const string AsideSuffix = ".netdsl-aside";

    private readonly EngineClient _engine;
    private readonly Func<string, Func<Task>, Task<bool>> _mutate;
    private readonly TimeSpan _stopTimeout;
    private readonly List<AsideContainer> _aside = new();
    private readonly List<NetworkResponse> _removedNetworks = new();

    private sealed record AsideContainer(string Name, string Id, bool WasRunning, Dictionary<string, EndpointSettings> Endpoints)
    {
        public List<string> Disconnected { get; } = new();
    }

    /// <param name="mutate">Runs one engine call and reports it (done/failed) in the apply report.</param>
    public Replacement(EngineClient engine, Func<string, Func<Task>, Task<bool>> mutate, TimeSpan stopTimeout)
    {
        _engine = engine;
        _mutate = mutate;
        _stopTimeout = stopTimeout;
    }

    /// <summary>The name a container carries while its successor is being created.</summary>
    public static string AsideName(string name) => name + AsideSuffix;

    public bool IsEmpty => _aside.Count == 0 && _removedNetworks.Count == 0;

    /// <summary>Renames aside and stops the old containers, then removes the old networks. False: roll back.</summary>
    public async Task<bool> SetAsideAsync(HostPlan p)
    {
        var ct = CancellationToken.None;
        foreach (var c in p.Objects.Where(o => o.Kind == "container" && o.Action == ObjectAction.Replace))
        {
            var inspected = await _engine.Docker.Containers.InspectContainerAsync(c.Id!, ct);
            var aside = new AsideContainer(c.Name, c.Id!, inspected.State?.Running == true,
                new Dictionary<string, EndpointSettings>(inspected.NetworkSettings?.Networks ?? new Dictionary<string, EndpointSettings>()));
            if (!await _mutate($"rename container {c.Name} aside to {AsideName(c.Name)}",
                    () => _engine.Docker.Containers.RenameContainerAsync(c.Id!, new ContainerRenameParameters { NewName = AsideName(c.Name) }, ct)))
                return false;
            _aside.Add(aside);
            if (aside.WasRunning && !await _mutate($"stop container {AsideName(c.Name)} (its addresses are pinned)",
                    () => _engine.Docker.Containers.StopContainerAsync(c.Id!, new ContainerStopParameters { WaitBeforeKillSeconds = (uint)_stopTimeout.TotalSeconds }, ct)))
                return false;
        }
        foreach (var n in p.Objects.Where(o => o.Kind == "network" && o.Action == ObjectAction.Replace))
        {
            var old = await _engine.Docker.Networks.InspectNetworkAsync(n.Id!, ct);
            foreach (var a in _aside.Where(a => a.Endpoints.ContainsKey(n.Name)))
            {
                if (!await _mutate($"disconnect {AsideName(a.Name)} from network {n.Name}",
                        () => _engine.Docker.Networks.DisconnectNetworkAsync(n.Id!, new NetworkDisconnectParameters { Container = a.Id, Force = true }, ct)))
                    return false;
                a.Disconnected.Add(n.Name);
            }
            if (!await _mutate("remove network " + n.Name, () => _engine.Docker.Networks.DeleteNetworkAsync(n.Id!, ct))) return false;
            _removedNetworks.Add(old);
        }
        return true;
    }

    /// <summary>Every successor is up: the old containers go.</summary>
    public async Task<bool> CommitAsync()
    {
        bool ok = true;
        foreach (var a in _aside)
            ok &= await _mutate($"remove old container {AsideName(a.Name)}",
                () => _engine.Docker.Containers.RemoveContainerAsync(a.Id, new ContainerRemoveParameters { Force = true }, CancellationToken.None));
        return ok;
    }

    /// <summary>Puts every old object back as it was; each step is reported, and a step that fails does not stop the others.</summary>
    public async Task RollbackAsync()
    {
        var ct = CancellationToken.None;
        var live = await _engine.Docker.Containers.ListContainersAsync(new ContainersListParameters { All = true }, ct);
        foreach (var a in _aside)
        {
            // A successor created under the old name: ours (just created), so it goes.
            var successor = live.FirstOrDefault(c => c.Names?.Any(n => n.TrimStart('/') == a.Name) == true && c.ID != a.Id);
            if (successor is not null)
                await _mutate("remove new container " + a.Name,
                    () => _engine.Docker.Containers.RemoveContainerAsync(successor.ID, new ContainerRemoveParameters { Force = true }, ct));
        }
        var networks = await _engine.Docker.Networks.ListNetworksAsync(new NetworksListParameters(), ct);
        foreach (var old in _removedNetworks)
        {
            foreach (var successor in networks.Where(n => n.Name == old.Name && n.ID != old.ID))
                await _mutate("remove new network " + old.Name, () => _engine.Docker.Networks.DeleteNetworkAsync(successor.ID, ct));
            await _mutate("create network " + old.Name + " again as it was", () => _engine.Docker.Networks.CreateNetworkAsync(Recreate(old), ct));
        }
        foreach (var a in _aside)
        {
            foreach (var network in a.Disconnected)
                await _mutate($"reconnect {AsideName(a.Name)} to network {network}", () => _engine.Docker.Networks.ConnectNetworkAsync(network,
                    new NetworkConnectParameters { Container = a.Id, EndpointConfig = new EndpointSettings { IPAMConfig = a.Endpoints[network].IPAMConfig, Aliases = a.Endpoints[network].Aliases } }, ct));
            await _mutate($"rename {AsideName(a.Name)} back to {a.Name}",
                () => _engine.Docker.Containers.RenameContainerAsync(a.Id, new ContainerRenameParameters { NewName = a.Name }, ct));
            if (a.WasRunning)
                await _mutate("start old container " + a.Name, () => _engine.Docker.Containers.StartContainerAsync(a.Id, new ContainerStartParameters(), ct));
        }
    }

    /// <summary>The create request that gives a removed network back its settings (its ID is new).</summary>
    private static NetworksCreateParameters Recreate(NetworkResponse old) => new()
    {
        Name = old.Name,
        Driver = old.Driver,
        EnableIPv6 = old.EnableIPv6,
        Internal = old.Internal,
        Attachable = old.Attachable,
        IPAM = old.IPAM,
        Options = old.Options,
        Labels = old.Labels,
    };
}
