using System;
using System.Collections.Generic;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Diagnostics;
using NetDsl.Model;

namespace NetDsl.Lab;

/// <summary>A compiled file as a lab runs it, or the reasons it cannot.</summary>
public sealed record LabModelResult(NetworkModel? Model, IReadOnlyDictionary<string, string> Overrides, IReadOnlyList<string> Errors, IReadOnlyList<string> Notes);

/// <summary>
/// The model a lab builds: the file with the caller's overrides, every external host moved to a documentation
/// address (2001:db8::/32) so no packet is ever addressed to a real public host, and every container run as the
/// busybox test image with /bin/sh (no registry in a lab). A file whose addresses would still leave documentation
/// and private space is refused; a file whose only errors are failed expects is not (its model is whole).
/// </summary>
public static class LabModel
{
    public const string Image = "netdsl-busybox:lab";

    public static LabModelResult Compile(string text, string path, IReadOnlyDictionary<string, string> userOverrides)
    {
        // A file whose only errors are failed expects is built: `lab test` shows what really happens on those paths.
        var first = NetDslCompiler.Compile(text, path, userOverrides);
        if (first.Model is null) return Failed(first, path, userOverrides);
        var overrides = new Dictionary<string, string>(userOverrides, StringComparer.Ordinal);
        var notes = new List<string>();
        foreach (var (name, value) in DocumentationOverrides(first.Model, userOverrides))
        {
            overrides[name] = value;
            notes.Add($"--set {name}={value} (the lab uses documentation addresses for external hosts)");
        }
        var result = NetDslCompiler.Compile(text, path, overrides);
        if (result.Model is null) return Failed(result, path, overrides);
        foreach (var failed in result.Errors) notes.Add("trace: " + result.Format(failed, path) + " (built anyway: `netdsl lab test` pings it)");
        var unsafeAddresses = UnsafeAddresses(result.Model).ToList();
        if (unsafeAddresses.Count > 0)
            return new LabModelResult(null, overrides, unsafeAddresses.Select(u =>
                $"lab: {u} is a public address; a lab only uses documentation (2001:db8::/32, 192.0.2.0/24…), unique-local and private addresses. Make it a parameter and pass --set NAME=2001:db8:…").ToList(), notes);
        return new LabModelResult(ForLab(result.Model), overrides, Array.Empty<string>(), notes);
    }

    /// <summary>For each external host on a public address that comes from a parameter the caller did not set: 2001:db8:ffff:N:: plus its interface identifier.</summary>
    public static IEnumerable<(string Name, string Value)> DocumentationOverrides(NetworkModel model, IReadOnlyDictionary<string, string> userOverrides)
    {
        int n = 0;
        foreach (var host in model.Upstreams.SelectMany(u => u.Hosts))
        {
            if (IsLabSafe(host.Address)) continue;
            var parameter = model.Parameters.FirstOrDefault(p => p.Kind == ParameterKind.Address && !userOverrides.ContainsKey(p.Name)
                && IpAddress.TryParse(p.Value, out var a) && a == host.Address);
            if (parameter is null) continue;
            n++;
            var doc = new IpAddress(0x20010DB8FFFF0000UL | (uint)n, host.Address.Low, false);
            yield return (parameter.Name, doc.ToString());
        }
    }

    /// <summary>Every address the lab would configure or send to that is public: "dns.google 2001:4860:4860::8888".</summary>
    public static IEnumerable<string> UnsafeAddresses(NetworkModel model)
    {
        foreach (var u in model.Upstreams)
        {
            foreach (var h in u.Hosts) if (!IsLabSafe(h.Address)) yield return $"{h.Name} ({u.Name}) {h.Address}";
        }
        var interfaces = model.Hosts.SelectMany(h => h.Interfaces.Select(i => (h.Name, i)))
            .Concat(model.Routers.SelectMany(r => r.Interfaces.Select(i => (r.Name, i))))
            .Concat(model.Firewalls.SelectMany(f => f.Interfaces.Select(i => (f.Name, i))))
            .Concat(model.Upstreams.SelectMany(u => u.Interfaces.Select(i => (u.Name, i))));
        foreach (var (device, i) in interfaces)
            foreach (var a in i.Addresses)
                if (!IsLabSafe(a.Address)) yield return $"{device} {i.Name} {a}";
        foreach (var m in model.Firewalls.SelectMany(f => f.Nptv6Rules.SelectMany(r => r.Mappings.Select(m => (f.Name, r.Name, m)))))
            if (!IsLabSafe(m.m.Outside.Address)) yield return $"{m.Item1} NPTv6 rule {m.Item2} outside prefix {m.m.Outside}";
        foreach (var n in model.Networks)
            foreach (var s in new[] { n.Subnet6, n.Subnet4 })
                if (s is { } subnet && !IsLabSafe(subnet.Address)) yield return $"network {n.Name} subnet {subnet}";
    }

    /// <summary>Documentation, unique-local, link-local, loopback, or (IPv4) private and documentation ranges.</summary>
    public static bool IsLabSafe(IpAddress a)
    {
        if (!a.IsV4) return a.IsDocumentation || a.IsUniqueLocal || a.IsLinkLocal || (a.High == 0 && a.Low <= 1);
        uint v = (uint)a.Low;
        return (v >> 24) == 10 || (v >> 20) == (172 << 4 | 1) || (v >> 16) == (192 << 8 | 168) || (v >> 24) == 127
               || (v >> 8) == (192u << 16 | 2) || (v >> 8) == (198u << 16 | 51 << 8 | 100) || (v >> 8) == (203u << 16 | 113);
    }

    /// <summary>Every container as the busybox test image running /bin/sh with a terminal (so the shell stays up).</summary>
    public static NetworkModel ForLab(NetworkModel model) => model with
    {
        Containers = model.Containers.Select(c => c with { Image = Image, Command = new[] { "/bin/sh" }.ToEquatableArray(), Tty = true, Interactive = true }).ToEquatableArray(),
    };

    private static LabModelResult Failed(CompilationResult result, string path, IReadOnlyDictionary<string, string> overrides) =>
        new(null, overrides, result.Diagnostics.Where(CompilationResult.BlocksModel).Select(d => result.Format(d, path)).ToList(), Array.Empty<string>());
}
