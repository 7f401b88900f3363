using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using NetDsl.Engines;
using NetDsl.Lab.Podman;

namespace NetDsl.Lab.Docker;

/// <summary>
/// The lab's engines by name: a Docker host of the file gets a private dockerd, a Podman host (<c>engine podman</c>)
/// a private Podman; both are found again by name (their folders differ) and removed the same way.
/// </summary>
public static class PrivateEngines
{
    /// <summary>Starts an engine of the host's kind that outlives this process (a lab's `up` returns before `test` and `down`).</summary>
    public static async Task<IPrivateEngine> StartDetachedAsync(EngineKind kind, string name, string daemonJson) =>
        kind == EngineKind.Podman ? await PrivatePodman.StartAsync(name) : await PrivateDockerd.StartDetachedAsync(name, daemonJson);

    /// <summary>The engine started earlier under this name.</summary>
    public static IPrivateEngine Attach(string name) =>
        Directory.Exists(PrivatePodman.FolderFor(name)) ? PrivatePodman.Attach(name) : PrivateDockerd.Attach(name);

    /// <summary>Removes whatever engine of this name is left, of either kind, in any state.</summary>
    public static async Task RemoveAsync(string name)
    {
        if (Directory.Exists(PrivatePodman.FolderFor(name))) await PrivatePodman.RemoveAsync(name);
        await PrivateDockerd.RemoveAsync(name);
    }

    /// <summary>The folder prefixes of every engine whose name starts with <paramref name="namePrefix"/>.</summary>
    public static IEnumerable<string> FolderPrefixes(string namePrefix) => new[] { PrivateDockerd.FolderFor(namePrefix), PrivatePodman.FolderFor(namePrefix) };
}
