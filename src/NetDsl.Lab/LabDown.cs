using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NetDsl.Lab.Docker;
using NetDsl.Lab.Namespaces;
using NetDsl.Docker.Processes;

namespace NetDsl.Lab;

/// <summary>
/// `lab down`: removes everything of one lab, whatever state it is in — what the state file lists and whatever else
/// carries the lab's prefix (a crash may have happened between creating a thing and recording it): private dockerds
/// with their containers, containerd and shims, mounts and folders; processes left in its namespaces (a ping, a
/// tcpdump); the namespaces; the state file last. Then it looks again and reports anything still there.
/// </summary>
public static class LabDown
{
    /// <summary>What exists of a lab: its state file, namespaces, dockerd folders, processes.</summary>
    public static IReadOnlyList<string> Leftovers(LabName name)
    {
        var found = new List<string>();
        if (File.Exists(LabState.PathFor(name))) found.Add("state file " + LabState.PathFor(name));
        if (Directory.Exists(LabState.GatewayFolder(name))) found.Add("folder " + LabState.GatewayFolder(name));
        found.AddRange(HostGatewayFolders(name).Select(f => "folder " + f));
        found.AddRange(NetworkNamespace.List().Where(n => n.StartsWith(name.Prefix, StringComparison.Ordinal)).Select(n => "namespace " + n));
        found.AddRange(DockerdFolders(name).Select(f => "folder " + f));
        var pids = DockerdFolders(name).SelectMany(f => ProcessTree.WithCommandLineContaining(f + "/")).Distinct().ToList();
        if (pids.Count > 0) found.Add($"{pids.Count} process(es) ({string.Join(", ", pids.Take(5))})");
        found.AddRange(Mounts(name).Select(m => "mount " + m));
        return found;
    }

    public static async Task<LabOutcome> RunAsync(LabName name, Action<string> progress)
    {
        var clock = Stopwatch.StartNew();
        var state = LabState.Read(name, out var stateError);
        if (stateError is not null) progress("state file unreadable (" + stateError + "); removing by prefix " + name.Prefix);
        var dockerds = (state?.Dockerds ?? new List<string>())
            .Concat(DockerdFolders(name).Select(EngineName))
            .Where(n => n.StartsWith(name.Prefix, StringComparison.Ordinal))   // never anyone else's dockerd
            .Distinct(StringComparer.Ordinal).ToList();
        // NetDsl NPTv6 gateways first (the firewalls', and those apply started in a Docker host's namespace): removing a
        // dockerd unlinks its namespace, and a gateway still in it would keep it alive, out of every later search.
        var gateways = dockerds.Concat(state?.AllNamespaces ?? Enumerable.Empty<string>())
            .Concat(NetworkNamespace.List().Where(n => n.StartsWith(name.Prefix, StringComparison.Ordinal)))
            .Where(n => n.StartsWith(name.Prefix, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal)
            .SelectMany(n => ProcessTree.InNetworkNamespace("/run/netns/" + n))
            .Intersect(ProcessTree.WithCommandLineContaining(" nptv6 run ")).ToList();
        await ProcessTree.KillAsync(gateways);

        // In parallel: each one waits for its own dockerd to stop, and the engines share nothing.
        await Task.WhenAll(dockerds.Select(async d =>
        {
            await PrivateEngines.RemoveAsync(d);
            progress($"[{clock.Elapsed.TotalSeconds,5:0.0}s] engine {d}: containers, processes, mounts, folder and namespace removed");
        }));
        var namespaces = (state?.AllNamespaces ?? Enumerable.Empty<string>())
            .Concat(NetworkNamespace.List().Where(n => n.StartsWith(name.Prefix, StringComparison.Ordinal)))
            .Where(n => n.StartsWith(name.Prefix, StringComparison.Ordinal))   // never anything without the lab's prefix
            .Distinct(StringComparer.Ordinal).ToList();
        foreach (var ns in namespaces)
        {
            await ProcessTree.KillAsync(ProcessTree.InNetworkNamespace("/run/netns/" + ns));
            await NetworkNamespace.Open(ns).DisposeAsync();
        }
        if (namespaces.Count > 0) progress($"[{clock.Elapsed.TotalSeconds,5:0.0}s] namespaces removed: {string.Join(", ", namespaces)}");

        // The gateways went with their namespaces; their logs and status files go now (the firewalls', and those apply
        // started on the lab's Docker hosts, kept per namespace).
        if (Directory.Exists(LabState.GatewayFolder(name))) Directory.Delete(LabState.GatewayFolder(name), recursive: true);
        foreach (var folder in HostGatewayFolders(name)) Directory.Delete(folder, recursive: true);
        var left = Leftovers(name).Where(l => !l.StartsWith("state file", StringComparison.Ordinal)).ToList();
        if (left.Count > 0) return LabOutcome.Fail($"lab {name}: still there after down: {string.Join(", ", left)}");
        LabState.Delete(name);
        progress($"[{clock.Elapsed.TotalSeconds,5:0.0}s] lab {name} removed" + (state is null && dockerds.Count + namespaces.Count == 0 ? " (there was nothing to remove)" : ""));
        return LabOutcome.Ok;
    }

    private static IEnumerable<string> HostGatewayFolders(LabName name) =>
        Directory.Exists(NetDsl.Planning.Nptv6GatewayService.StateFolder)
            ? Directory.GetDirectories(NetDsl.Planning.Nptv6GatewayService.StateFolder).Where(d => Path.GetFileName(d).StartsWith(name.Prefix, StringComparison.Ordinal))
            : Enumerable.Empty<string>();

    /// <summary>The folders of the lab's private engines, dockerd and Podman alike.</summary>
    private static IEnumerable<string> DockerdFolders(LabName name)
    {
        foreach (var marker in PrivateEngines.FolderPrefixes(name.Prefix))
        {
            var parent = Path.GetDirectoryName(marker)!;
            if (!Directory.Exists(parent)) continue;
            foreach (var d in Directory.GetDirectories(parent).Where(d => d.StartsWith(marker, StringComparison.Ordinal)).OrderBy(d => d, StringComparer.Ordinal))
                yield return d;
        }
    }

    /// <summary>The engine's name from its folder (/tmp/netdsl-dockerd-NAME, /tmp/netdsl-podman-NAME).</summary>
    private static string EngineName(string folder)
    {
        string file = Path.GetFileName(folder);
        foreach (var prefix in new[] { "netdsl-dockerd-", "netdsl-podman-" })
            if (file.StartsWith(prefix, StringComparison.Ordinal)) return file[prefix.Length..];
        return file;
    }

    private static IEnumerable<string> Mounts(LabName name)
    {
        if (!File.Exists("/proc/self/mounts")) yield break;
        var folders = PrivateEngines.FolderPrefixes(name.Prefix).ToList();
        foreach (var line in File.ReadLines("/proc/self/mounts"))
        {
            var fields = line.Split(' ');
            if (fields.Length < 2) continue;
            if (folders.Any(f => fields[1].StartsWith(f, StringComparison.Ordinal)) || fields[1].StartsWith("/run/netns/" + name.Prefix, StringComparison.Ordinal)) yield return fields[1];
        }
    }
}
