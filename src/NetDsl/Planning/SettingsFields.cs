using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using NetDsl.Model;

namespace NetDsl.Planning;

/// <summary>
/// The settings of a network or container as named fields with canonical text values. The same list feeds the
/// settings hash (label <see cref="OwnershipLabels.Hash"/>) and the drift report, which compares it field by field
/// with what the engine reports, so a drift message can name each differing field.
/// </summary>
public static class SettingsFields
{
    public static EquatableArray<KeyValue> Of(DockerNetwork n)
    {
        var f = new List<KeyValue>
        {
            new("driver", n.Driver),
            new("enable-ipv6", n.EnableIpv6 ? "true" : "false"),
        };
        if (n.Subnet6 is { } s6) f.Add(new("subnet6", s6.ToString()));
        if (n.Gateway6 is { } g6) f.Add(new("gateway6", g6.ToString()));
        if (n.IpRange6 is { } r) f.Add(new("ip-range6", r.ToString()));
        if (n.IpRange4 is { } r4) f.Add(new("ip-range4", r4.ToString()));
        if (n.Subnet4 is { } s4) f.Add(new("subnet4", s4.ToString()));
        if (n.Gateway4 is { } g4) f.Add(new("gateway4", g4.ToString()));
        if (!n.EnableIpv4) f.Add(new("enable-ipv4", "false"));
        foreach (var o in n.Options.OrderBy(o => o.Key, StringComparer.Ordinal)) f.Add(new("option " + o.Key, o.Value));
        foreach (var l in n.Labels.OrderBy(l => l.Key, StringComparer.Ordinal)) f.Add(new("label " + l.Key, l.Value));
        return f.ToEquatableArray();
    }

    public static EquatableArray<KeyValue> Of(Container c)
    {
        var f = new List<KeyValue>
        {
            new("image", c.Image),
            new("command", Join(c.Command)),
            new("tty", Bool(c.Tty)),
            new("interactive", Bool(c.Interactive)),
        };
        foreach (var a in c.Attachments)
        {
            if (a.Ipv6 is { } v6) f.Add(new("network " + a.Network + " ipv6", v6.ToString()));
            if (a.Ipv4 is { } v4) f.Add(new("network " + a.Network + " ipv4", v4.ToString()));
        }
        return f.ToEquatableArray();
    }

    [ThreadStatic]
    private static SHA256? _sha;

    /// <summary>16 hex digits of SHA-256 over the fields: short enough for a label, long enough never to collide by accident.</summary>
    public static string Hash(EquatableArray<KeyValue> fields)
    {
        var text = new StringBuilder();
        foreach (var f in fields) text.Append(f.Key).Append('=').Append(f.Value).Append('\n');
        // One hasher per thread, not per call: creating it costs more than hashing a container's few fields.
        var bytes = (_sha ??= SHA256.Create()).ComputeHash(Encoding.UTF8.GetBytes(text.ToString()));
        var hex = new StringBuilder();
        for (int i = 0; i < 8; i++) hex.Append(bytes[i].ToString("x2", CultureInfo.InvariantCulture));
        return hex.ToString();
    }

    /// <summary>A command as one readable value: JSON-like list, so ["/bin/sh","-c","a b"] stays unambiguous.</summary>
    public static string Join(IEnumerable<string> items) => "[" + string.Join(",", items.Select(i => "\"" + i.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"")) + "]";

    private static string Bool(bool b) => b ? "true" : "false";
}
