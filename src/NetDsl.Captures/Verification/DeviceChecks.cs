using System;
using System.Collections.Generic;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Captures.Model;
using NetDsl.Planning;

namespace NetDsl.Captures.Verification;

/// <summary>
/// Facts about declared configuration: uplink addresses of the Docker host (`ip addr`), the router's interfaces and
/// static routes (IOS running-config), the firewall's interfaces, zones, routes and NAT rules (PAN-OS
/// `show interface all`, the running NAT policy, a `set` export).
/// </summary>
internal static class DeviceChecks
{
    private static readonly StringComparer Names = StringComparer.OrdinalIgnoreCase; // devices print Vlan252 or vlan252

    public static CaptureFactResult Address(CaptureContext c, DeviceAddressFact f) => f.Role switch
    {
        DeviceRole.DockerHost => CaptureVerifier.Evaluate(f, c.Covering(f.Device, CaptureFormat.IpAddr),
            file => DockerChecks.IpAddr(c, file, f.Interface, f.Address, f.PrefixLength), CaptureVerifier.NoCapture(f.Device, "`ip addr`")),
        DeviceRole.Router => CaptureVerifier.Evaluate(f, c.Covering(f.Device, CaptureFormat.IosRunningConfig),
            file => IosAddress(c, file, f), CaptureVerifier.NoCapture(f.Device, "`show running-config`")),
        _ => CaptureVerifier.Evaluate(f, c.Covering(f.Device, CaptureFormat.PanosShowInterfaceAll, CaptureFormat.PanosSetCommands),
            file => PanosAddress(c, file, f), CaptureVerifier.NoCapture(f.Device, "`show interface all` or a `set` export")),
    };

    private static Finding IosAddress(CaptureContext c, CaptureFile file, DeviceAddressFact f)
    {
        var i = file.OfType<ObservedIosInterface>().FirstOrDefault(x => Names.Equals(x.Name, f.Interface));
        if (i is null) return Finding.Absent("no interface " + f.Interface);
        var printed = i.Ipv6Addresses.Select(p => (Text: p.ToString(), Prefix: c.Resolve(p), p.Address)).ToList();
        if (i.LinkLocal is { } ll) printed.Add((ll + " link-local", c.Resolve(ll) is { } a ? new IpPrefix(a, 128) : null, ll));
        if (i.Ipv4Address is { } v4) printed.Add((v4.ToString(), c.Resolve(v4), v4.Address));
        return Compare(c, printed, f, i.Location);
    }

    private static Finding PanosAddress(CaptureContext c, CaptureFile file, DeviceAddressFact f)
    {
        var i = file.OfType<ObservedPanosInterface>().FirstOrDefault(x => Names.Equals(x.Name, f.Interface));
        if (i is null) return Finding.Absent("no interface " + f.Interface);
        // PAN-OS derives link-locals itself; a `set` export lists only configured addresses, so it cannot show one.
        if (f.IsLinkLocal && file.Format == CaptureFormat.PanosSetCommands)
            return Finding.Inconclusive("a `set` export does not list link-local addresses");
        return Compare(c, i.Addresses.Select(p => (p.ToString(), c.Resolve(p), p.Address)).ToList(), f, i.Location);
    }

    private static Finding Compare(CaptureContext c, List<(string Text, IpPrefix? Prefix, CapturedAddress Address)> printed, DeviceAddressFact f, CaptureLocation at)
    {
        var hit = printed.FirstOrDefault(p => p.Prefix is { } x && x.Address == f.Address && (f.PrefixLength is null || x.Length == f.PrefixLength));
        if (hit.Text is not null) return Finding.Match(hit.Text, at);
        var unresolved = printed.Select(p => c.Unresolvable(p.Address)).FirstOrDefault(n => n is not null);
        if (unresolved is not null) return Finding.Inconclusive(unresolved);
        return Finding.Mismatch(AddressText.List(printed.Select(p => p.Text), "no address"), at);
    }

    public static CaptureFactResult Zone(CaptureContext c, ZoneFact f) =>
        CaptureVerifier.Evaluate(f, c.Covering(f.Device, CaptureFormat.PanosShowInterfaceAll, CaptureFormat.PanosSetCommands), file =>
        {
            var i = file.OfType<ObservedPanosInterface>().FirstOrDefault(x => Names.Equals(x.Name, f.Interface));
            if (i is null) return Finding.Absent("no interface " + f.Interface);
            if (i.Zone is null) return Finding.Inconclusive("no zone shown for " + f.Interface);
            // Zone names are case-sensitive on PAN-OS.
            return i.Zone == f.Zone ? Finding.Match(i.Zone, i.Location) : Finding.Mismatch(i.Zone, i.Location);
        }, CaptureVerifier.NoCapture(f.Device, "`show interface all` or a `set` export"));

    public static CaptureFactResult StaticRoute(CaptureContext c, StaticRouteFact f)
    {
        var format = f.Role == DeviceRole.Router ? CaptureFormat.IosRunningConfig : CaptureFormat.PanosSetCommands;
        return CaptureVerifier.Evaluate(f, c.Covering(f.Device, format), file =>
        {
            var candidates = file.OfType<ObservedStaticRoute>().Where(r => c.Resolve(r.Destination) == f.Destination).ToList();
            if (candidates.Count == 0) return Finding.Absent("no route to " + f.Destination);
            // An interface the capture leaves out is not a difference; a different one is.
            var hit = candidates.FirstOrDefault(r => c.Resolve(r.NextHop) == f.NextHop && (r.NextHop is null) == (f.NextHop is null)
                                                     && (r.Interface is null || f.Interface is null || Names.Equals(r.Interface, f.Interface)));
            if (hit is not null) return Finding.Match(Text(hit), hit.Location);
            var unresolved = candidates.Select(r => c.Unresolvable(r.NextHop)).FirstOrDefault(n => n is not null);
            return unresolved is not null ? Finding.Inconclusive(unresolved)
                : Finding.Mismatch(string.Join(" | ", candidates.Select(Text)), candidates[0].Location);
        }, CaptureVerifier.NoCapture(f.Device, f.Role == DeviceRole.Router ? "`show running-config`" : "a `set` export"));
    }

    private static string Text(ObservedStaticRoute r) =>
        r.Destination + " via" + (r.Interface is null ? "" : " " + r.Interface) + (r.NextHop is null ? "" : " " + r.NextHop);

    public static CaptureFactResult NatRule(CaptureContext c, NatRuleFact f) =>
        CaptureVerifier.Evaluate(f, c.Covering(f.Device, CaptureFormat.PanosNatPolicy, CaptureFormat.PanosSetCommands), file =>
        {
            var rule = file.OfType<ObservedNatRule>().FirstOrDefault(r => r.Name == f.Rule);
            return rule is null ? Finding.Absent("no NAT rule " + f.Rule) : NatField(c, rule, f);
        }, CaptureVerifier.NoCapture(f.Device, "the NAT policy (`show running nat-policy`) or a `set` export"));

    private static Finding NatField(CaptureContext c, ObservedNatRule rule, NatRuleFact f)
    {
        switch (f.Field)
        {
            case NatRuleField.Type: return Same(rule.NatType ?? "(none)", f.Expected, rule.Location);
            case NatRuleField.FromZone: return Same(AddressText.List(rule.FromZones, "none"), f.Expected, rule.Location);
            case NatRuleField.ToZone: return Same(AddressText.List(rule.ToZones, "none"), f.Expected, rule.Location);
            case NatRuleField.ToInterface: return Same(rule.ToInterface ?? "(none)", f.Expected, rule.Location);
            case NatRuleField.Sources: return Prefixes(c, rule.Sources, rule.SourceNames, f, rule.Location);
            default:
                var translated = rule.TranslatedSource is null ? Array.Empty<CapturedPrefix>() : new[] { rule.TranslatedSource };
                return Prefixes(c, translated, Array.Empty<string>(), f, rule.Location);
        }
    }

    private static Finding Same(string observed, string expected, CaptureLocation at) =>
        observed == expected ? Finding.Match(observed, at) : Finding.Mismatch(observed, at);

    /// <summary>Prefix lists compare as sets, by value: PAN-OS prints them uncompressed and in its own order.</summary>
    private static Finding Prefixes(CaptureContext c, IReadOnlyList<CapturedPrefix> printed, IReadOnlyList<string> names, NatRuleFact f, CaptureLocation at)
    {
        string observed = AddressText.List(printed.Select(p => p.ToString()).Concat(names), "none");
        var unresolved = printed.Select(p => c.Unresolvable(p.Address)).FirstOrDefault(n => n is not null);
        if (unresolved is not null) return Finding.Inconclusive(unresolved);
        var values = printed.Select(p => c.Resolve(p)!.Value).ToHashSet();
        bool same = names.Count == 0 && values.SetEquals(f.Prefixes);
        if (same) return Finding.Match(observed, at);
        var extra = values.Except(f.Prefixes).ToList();
        var missing = f.Prefixes.Except(values).ToList();
        string note = string.Join("; ", new[]
        {
            extra.Count > 0 ? "not in the file: " + string.Join(" ", extra) : null,
            missing.Count > 0 ? "missing: " + string.Join(" ", missing) : null,
            names.Count > 0 ? "names are not addresses: " + string.Join(" ", names) : null,
        }.Where(s => s is not null));
        return Finding.Mismatch(observed, at, note);
    }
}
