using System.Collections.Generic;
using System.Linq;
using Docker.DotNet.Models;
using NetDsl.Model;
using NetDsl.Planning;

namespace NetDsl.Docker.Apply;

/// <summary>
/// Live objects turned into the same named fields as <see cref="SettingsFields"/>, so drift is a field-by-field
/// comparison and each difference can be named.
/// </summary>
public static class Observed
{
    public static IReadOnlyList<FieldDifference> Compare(EquatableArray<KeyValue> expected, IReadOnlyDictionary<string, string> observed) =>
        expected.Where(f => !observed.TryGetValue(f.Key, out var v) || v != f.Value)
            .Select(f => new FieldDifference(f.Key, f.Value, observed.TryGetValue(f.Key, out var v) ? v : "(none)"))
            .ToList();

    public static IReadOnlyDictionary<string, string> Fields(NetworkResponse n)
    {
        var f = new Dictionary<string, string>
        {
            ["driver"] = n.Driver ?? "",
            ["enable-ipv6"] = n.EnableIPv6 ? "true" : "false",
            // Engines before API 1.48 do not report it: their networks always have IPv4.
            ["enable-ipv4"] = n.EnableIPv4 == false ? "false" : "true",
        };
        foreach (var c in n.IPAM?.Config ?? new List<IPAMConfig>())
        {
            bool v6 = c.Subnet?.Contains(':') == true;
            string suffix = v6 ? "6" : "4";
            if (!string.IsNullOrEmpty(c.Subnet)) f["subnet" + suffix] = Canonical(c.Subnet);
            if (!string.IsNullOrEmpty(c.Gateway)) f["gateway" + suffix] = Canonical(c.Gateway);
            if (!string.IsNullOrEmpty(c.IPRange)) f["ip-range" + suffix] = Canonical(c.IPRange);
        }
        foreach (var o in n.Options ?? new Dictionary<string, string>()) f["option " + o.Key] = o.Value;
        foreach (var l in n.Labels ?? new Dictionary<string, string>()) f["label " + l.Key] = l.Value;
        return f;
    }

    public static IReadOnlyDictionary<string, string> Fields(ContainerInspectResponse c)
    {
        var f = new Dictionary<string, string>
        {
            ["image"] = c.Config?.Image ?? "",
            ["command"] = SettingsFields.Join(c.Config?.Cmd ?? new List<string>()),
            ["tty"] = c.Config?.Tty == true ? "true" : "false",
            ["interactive"] = c.Config?.OpenStdin == true ? "true" : "false",
        };
        foreach (var (network, e) in c.NetworkSettings?.Networks ?? new Dictionary<string, EndpointSettings>())
        {
            var v6 = e.IPAMConfig?.IPv6Address is { Length: > 0 } pinned ? pinned : e.GlobalIPv6Address;
            if (!string.IsNullOrEmpty(v6)) f["network " + network + " ipv6"] = Canonical(v6);
            var v4 = e.IPAMConfig?.IPv4Address is { Length: > 0 } pinned4 ? pinned4 : e.IPAddress;
            if (!string.IsNullOrEmpty(v4)) f["network " + network + " ipv4"] = Canonical(v4);
        }
        return f;
    }

    /// <summary>Addresses and prefixes in NetDsl's canonical text, so "FD5A::1" and "fd5a:0::1" compare equal.</summary>
    public static string Canonical(string text) =>
        NetDsl.Addressing.IpPrefix.TryParse(text, out var p) ? p.ToString()
        : NetDsl.Addressing.IpAddress.TryParse(text, out var a) ? a.ToString()
        : text;
}
