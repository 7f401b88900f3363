using System;
using System.Collections.Generic;
using System.Linq;
using NetDsl.Addressing;

namespace NetDsl.Docker.Verify;

/// <summary>Parses `ip -6 addr` and `ip -6 route` output (iproute2 and busybox print the same shapes).</summary>
public static class IpOutput
{
    /// <summary>Every "inet6 ADDR/LEN" in `ip -6 addr show` output, canonical.</summary>
    public static IReadOnlyList<IpPrefix> Addresses(string output) =>
        output.Split('\n')
            .Select(l => l.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length > 1 && f[0] == "inet6" && IpPrefix.TryParse(f[1], out _))
            .Select(f => IpPrefix.Parse(f[1]))
            .ToList();

    public sealed record RouteLine(IpPrefix Destination, IpAddress? Via, string? Dev, string Text);

    public static IReadOnlyList<RouteLine> Routes(string output)
    {
        var routes = new List<RouteLine>();
        foreach (var raw in output.Split('\n'))
        {
            var f = raw.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length == 0) continue;
            string dest = f[0] == "default" ? "::/0" : f[0].Contains('/') ? f[0] : f[0] + "/128";
            if (!IpPrefix.TryParse(dest, out var d)) continue;
            IpAddress? via = null;
            string? dev = null;
            for (int i = 1; i + 1 < f.Length; i++)
            {
                if (f[i] == "via" && IpAddress.TryParse(f[i + 1], out var v)) via = v;
                if (f[i] == "dev") dev = f[i + 1];
            }
            routes.Add(new RouteLine(d, via, dev, raw.Trim()));
        }
        return routes;
    }
}
