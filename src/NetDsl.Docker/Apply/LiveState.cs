using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;
using NetDsl.Docker.Engine;

namespace NetDsl.Docker.Apply;

/// <summary>
/// What the engine has, read with two list calls (networks, containers): enough to decide create/keep/drift for
/// every object. Full inspections happen only for objects whose hash differs, to name the differing fields.
/// </summary>
public sealed class LiveState
{
    private LiveState(IReadOnlyList<NetworkResponse> networks, IReadOnlyList<ContainerListResponse> containers)
    {
        Networks = networks;
        Containers = containers;
    }

    public IReadOnlyList<NetworkResponse> Networks { get; }

    private const string BridgeNameOption = "com.docker.network.bridge.name";

    public IReadOnlyList<ContainerListResponse> Containers { get; }

    public static async Task<LiveState> ReadAsync(EngineClient engine, CancellationToken ct = default)
    {
        await engine.ConnectAsync(ct);
        var networks = engine.Docker.Networks.ListNetworksAsync(new NetworksListParameters(), ct);
        var containers = engine.Docker.Containers.ListContainersAsync(new ContainersListParameters { All = true }, ct);
        var list = (await networks).ToList();
        if (PodmanNetworks.NamesBridgesItself(engine))
        {
            // Podman's compatible API leaves the bridge-name option out; its libpod API has the bridge. Filled in
            // as Docker reports it, so drift compares the same field on both engines.
            foreach (var n in list.Where(n => n.Options?.ContainsKey(BridgeNameOption) != true))
                if (await PodmanNetworks.BridgeAsync(engine, n.Name, ct) is { } bridge)
                    n.Options = new Dictionary<string, string>(n.Options ?? new Dictionary<string, string>()) { [BridgeNameOption] = bridge };
        }
        return new LiveState(list, (await containers).ToList());
    }

    /// <summary>By exact name: the list filter matches substrings, and two networks may even share a name (no CheckDuplicate).</summary>
    public IReadOnlyList<NetworkResponse> NetworksNamed(string name) => Networks.Where(n => n.Name == name).ToList();

    public ContainerListResponse? ContainerNamed(string name) =>
        Containers.FirstOrDefault(c => c.Names is not null && c.Names.Any(n => n.TrimStart('/') == name));

    public static IDictionary<string, string> LabelsOf(IDictionary<string, string>? labels) =>
        labels ?? new Dictionary<string, string>();
}
