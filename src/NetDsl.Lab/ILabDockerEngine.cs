using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NetDsl.Model;

namespace NetDsl.Lab;

/// <summary>What applying one Docker host printed, and whether it converged.</summary>
public sealed record LabApplyResult(bool Succeeded, IReadOnlyList<string> Lines);

/// <summary>
/// NetDsl's own apply, as the lab needs it. Implemented in NetDsl.Docker (which references this library, so the lab
/// plumbing here cannot call it directly); the CLI passes that implementation in.
/// </summary>
public interface ILabDockerEngine
{
    /// <summary>The daemon.json the lab's dockerd starts with: the file's settings merged as apply merges them, so the
    /// engine comes up with IPv6 already and apply finds nothing to restart.</summary>
    string InitialDaemonJson(NetworkModel model, DockerHost host);

    /// <summary>`netdsl apply` against the lab's engine: daemon.json, networks, containers, sysctls and nftables in <paramref name="netns"/>.</summary>
    Task<LabApplyResult> ApplyAsync(NetworkModel model, DockerHost host, string dockerHost, string netns, string? daemonJsonPath, CancellationToken ct);
}
