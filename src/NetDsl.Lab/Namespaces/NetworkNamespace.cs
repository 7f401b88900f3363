using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NetDsl.Docker.Processes;

namespace NetDsl.Lab.Namespaces;

/// <summary>
/// A named Linux network namespace (`ip netns add`). Commands run inside it through `ip netns exec`, except
/// dockerd, which must be started with `nsenter --net=` (ip netns exec remounts /sys and breaks its cgroups).
/// Disposing deletes the namespace; deleting one that is already gone is not an error.
/// </summary>
public sealed class NetworkNamespace : IAsyncDisposable
{
    private NetworkNamespace(string name) => Name = name;

    public string Name { get; }

    public string Path => "/run/netns/" + Name;

    public static bool Exists(string name) => File.Exists("/run/netns/" + name);

    /// <summary>Creates the namespace, brings up lo and turns off DAD (which otherwise delays first pings by 1-2 s).</summary>
    public static async Task<NetworkNamespace> CreateAsync(string name)
    {
        if (name.Length == 0 || name.Any(c => !(char.IsLetterOrDigit(c) || c == '-' || c == '_')))
            throw new ArgumentException($"'{name}' is not a safe namespace name", nameof(name));
        (await ProcessRunner.RunAsync("ip", new[] { "netns", "add", name })).EnsureSuccess();
        var ns = new NetworkNamespace(name);
        try
        {
            await ns.ExecAsync("ip", "link", "set", "lo", "up").ContinueWith(t => t.Result.EnsureSuccess());
            await ns.ExecAsync("sysctl", "-qw", "net.ipv6.conf.default.accept_dad=0");
            await ns.ExecAsync("sysctl", "-qw", "net.ipv6.conf.all.accept_dad=0");
        }
        catch
        {
            await ns.DisposeAsync();
            throw;
        }
        return ns;
    }

    /// <summary>Adopts an existing namespace (e.g. to tear down a lab left by a crashed run).</summary>
    public static NetworkNamespace Open(string name) => new(name);

    public Task<ProcessResult> ExecAsync(string program, params string[] arguments) =>
        ProcessRunner.RunAsync("ip", new[] { "netns", "exec", Name, program }.Concat(arguments));

    public Task<ProcessResult> ExecWithInputAsync(string input, string program, params string[] arguments) =>
        ProcessRunner.RunAsync("ip", new[] { "netns", "exec", Name, program }.Concat(arguments), input);

    public async Task<ProcessResult> ExecCheckedAsync(string program, params string[] arguments) =>
        (await ExecAsync(program, arguments)).EnsureSuccess();

    /// <summary>Creates a veth pair with one end in this namespace and the other in <paramref name="peer"/>.</summary>
    public async Task ConnectAsync(string localInterface, NetworkNamespace peer, string peerInterface)
    {
        // "name" and "dev" before every interface name: a vendor name such as "up" would otherwise read as a keyword.
        (await ProcessRunner.RunAsync("ip", new[] { "link", "add", "name", localInterface, "netns", Name, "type", "veth", "peer", "name", peerInterface, "netns", peer.Name })).EnsureSuccess();
        await ExecCheckedAsync("ip", "link", "set", "dev", localInterface, "up");
        await peer.ExecCheckedAsync("ip", "link", "set", "dev", peerInterface, "up");
    }

    public static IReadOnlyList<string> List()
    {
        if (!Directory.Exists("/run/netns")) return Array.Empty<string>();
        return Directory.GetFiles("/run/netns").Select(System.IO.Path.GetFileName).OfType<string>().OrderBy(n => n, StringComparer.Ordinal).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (Exists(Name)) await ProcessRunner.RunAsync("ip", new[] { "netns", "del", Name });
    }
}
