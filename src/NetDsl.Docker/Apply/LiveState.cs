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

    public IReadOnlyList<ContainerListResponse> Containers { get; }

    public static async Task<LiveState> ReadAsync(EngineClient engine, CancellationToken ct = default)
    {
        await engine.ConnectAsync(ct);
        var networks = engine.Docker.Networks.ListNetworksAsync(new NetworksListParameters(), ct);
        var containers = engine.Docker.Containers.ListContainersAsync(new ContainersListParameters { All = true }, ct);
        return new LiveState((await networks).ToList(), (await containers).ToList());
    }

    /// <summary>By exact name: the list filter matches substrings, and two networks may even share a name (no CheckDuplicate).</summary>
    public IReadOnlyList<NetworkResponse> NetworksNamed(string name) => Networks.Where(n => n.Name == name).ToList();

    public ContainerListResponse? ContainerNamed(string name) =>
        Containers.FirstOrDefault(c => c.Names is not null && c.Names.Any(n => n.TrimStart('/') == name));

    public static IDictionary<string, string> LabelsOf(IDictionary<string, string>? labels) =>
        labels ?? new Dictionary<string, string>();
}
