using System.Collections.Generic;
using System.Linq;
using NetDsl.Diagnostics;
using NetDsl.Model;
using NetDsl.Syntax;

namespace NetDsl.Binding;

/// <summary>
/// <c>nptv6 NAME from ZONE to ZONE interface IF { INSIDE -> OUTSIDE … }</c> and the RFC 6296 checks:
/// equal lengths, at most /64, ULA inside (warning), 1:1 outside (warning: the seed's shortcut), an allow rule.
/// </summary>
internal static class Nptv6Binder
{
    public static Nptv6Rule? Bind(BindingContext context, SettingSyntax s, string firewall, EquatableArray<NetworkInterface> interfaces, HashSet<string> zones)
    {
        var name = context.Values.Name(s.Argument(0)!, "rule");
        string? from = null, to = null, ifName = null;
        bool ok = name is not null;
        foreach (var (keyword, required) in new[] { ("from", true), ("to", true), ("interface", true) })
        {
            if (s.Option(keyword) is null && required)
            {
                context.Diagnostics.Report(DiagnosticDefinitions.MissingSetting, s.Span, "NPTv6 rule", s.Argument(0)!.Text, keyword);
                ok = false;
            }
        }
        if (s.Option("from") is { } f) from = DeviceBinder.Zone(context, firewall, zones, f.Values[0]);
        if (s.Option("to") is { } t) to = DeviceBinder.Zone(context, firewall, zones, t.Values[0]);
        if (s.Option("interface") is { } i)
        {
            ifName = context.Values.Name(i.Values[0], "interface", isInterface: true);
            var iface = interfaces.FirstOrDefault(x => x.Name == ifName);
            if (ifName is not null && iface is null)
            {
                context.Diagnostics.Report(DiagnosticDefinitions.UnknownInterface, i.Values[0].Span, firewall, ifName, DevicePartsBinder.Known(ifName, interfaces.Select(x => x.Name)));
                ok = false;
            }
            else if (iface is not null && to is not null && iface.Zone != to)
            {
                context.Diagnostics.Report(DiagnosticDefinitions.Nptv6InterfaceNotInZone, i.Values[0].Span, ifName, iface.Zone, to);
                ok = false;
            }
        }
        ok &= from is not null && to is not null && ifName is not null;
        var mappings = BindMappings(context, s, name, ref ok);
        return ok ? new Nptv6Rule(name!, from!, to!, ifName!, mappings.ToEquatableArray(), s.Span) : null;
    }

    /// <summary>
    /// <c>nptv6 NAME interface IF translator netdsl { INSIDE -> OUTSIDE … }</c> on a docker-host: NetDsl's gateway on the
    /// host itself (no zones: what leaves through IF is translated). The mappings are checked as a firewall's.
    /// </summary>
    public static HostNptv6Rule? BindHost(BindingContext context, SettingSyntax s, string host, EquatableArray<NetworkInterface> interfaces)
    {
        var name = context.Values.Name(s.Argument(0)!, "rule");
        bool ok = name is not null;
        string? ifName = null;
        foreach (var keyword in new[] { "interface", "translator" })
        {
            if (s.Option(keyword) is null)
            {
                context.Diagnostics.Report(DiagnosticDefinitions.MissingSetting, s.Span, "NPTv6 rule", s.Argument(0)!.Text, keyword);
                ok = false;
            }
        }
        if (s.Option("interface") is { } i)
        {
            ifName = context.Values.Name(i.Values[0], "interface", isInterface: true);
            if (ifName is not null && !interfaces.Any(x => x.Name == ifName))
            {
                context.Diagnostics.Report(DiagnosticDefinitions.UnknownInterface, i.Values[0].Span, host, ifName, DevicePartsBinder.Known(ifName, interfaces.Select(x => x.Name)));
                ok = false;
            }
        }
        if (s.Option("translator") is { } t && t.Values[0].Text != "netdsl")
        {
            context.Diagnostics.Report(DiagnosticDefinitions.Nptv6HostTranslator, t.Values[0].Span, s.Argument(0)!.Text, host, t.Values[0].Text);
            ok = false;
        }
        var mappings = BindMappings(context, s, name, ref ok);
        return ok && ifName is not null ? new HostNptv6Rule(name!, ifName, mappings.ToEquatableArray(), s.Span) : null;
    }

    /// <summary>The INSIDE -> OUTSIDE entries of a rule, each checked (families, lengths, overlaps); clears <paramref name="ok"/> on an error.</summary>
    private static List<Nptv6Mapping> BindMappings(BindingContext context, SettingSyntax s, string? name, ref bool ok)
    {
        var mappings = new List<Nptv6Mapping>();
        foreach (var m in s.Settings("mapping"))
        {
            var inside = context.Values.Prefix(m.Argument(0)!, "inside prefix");
            var outside = context.Values.Prefix(m.Argument(1)!, "outside prefix");
            if (inside is not { } ins || outside is not { } outs) { ok = false; continue; }
            if (ins.IsV4 || outs.IsV4)
            {
                var bad = ins.IsV4 ? m.Argument(0)! : m.Argument(1)!;
                context.Diagnostics.Report(DiagnosticDefinitions.WrongFamily, bad.Span, "An NPTv6 prefix", "IPv6", bad.Text, "IPv4");
                ok = false;
                continue;
            }
            bool valid = true;
            foreach (var (prefix, node) in new[] { (ins, m.Argument(0)!), (outs, m.Argument(1)!) })
            {
                if (prefix.Length > 64)
                {
                    context.Diagnostics.Report(DiagnosticDefinitions.Nptv6PrefixTooLong, node.Span, prefix);
                    valid = false;
                }
            }
            if (valid && ins.Length != outs.Length)
            {
                context.Diagnostics.Report(DiagnosticDefinitions.Nptv6LengthMismatch, m.Span, ins, outs);
                valid = false;
            }
            if (!ins.Address.IsUniqueLocal)
                context.Diagnostics.Report(DiagnosticDefinitions.Nptv6InsideNotUla, m.Argument(0)!.Span, ins);
            if (!valid) { ok = false; continue; }
            var overlapping = mappings.FirstOrDefault(x => x.Inside.Overlaps(ins));
            if (overlapping is not null)
            {
                context.Diagnostics.Report(DiagnosticDefinitions.Nptv6OverlappingInside, m.Argument(0)!.Span, ins, overlapping.Inside, name);
                ok = false;
                continue;
            }
            var shared = mappings.FirstOrDefault(x => x.Outside.Overlaps(outs));
            if (shared is not null)
                context.Diagnostics.Report(DiagnosticDefinitions.Nptv6SharedOutside, m.Argument(1)!.Span, outs, shared.Inside, ins);
            mappings.Add(new Nptv6Mapping(ins, outs, m.Span));
        }
        if (mappings.Count == 0 && s.HasBody && ok)
        {
            context.Diagnostics.Report(DiagnosticDefinitions.MissingSetting, s.Span, "NPTv6 rule", name, "INSIDE -> OUTSIDE mapping");
            ok = false;
        }
        return mappings;
    }

    /// <summary>Checks that need every rule of the firewall: inside overlaps across rules, allow rules.</summary>
    public static void CheckAcrossRules(BindingContext context, List<Nptv6Rule> rules, List<AllowRule> allows)
    {
        for (int r = 0; r < rules.Count; r++)
        {
            var rule = rules[r];
            foreach (var earlier in rules.Take(r))
            {
                foreach (var m in rule.Mappings)
                {
                    var o = earlier.Mappings.FirstOrDefault(x => x.Inside.Overlaps(m.Inside));
                    if (o is not null)
                        context.Diagnostics.Report(DiagnosticDefinitions.Nptv6OverlappingInside, m.Span, m.Inside, o.Inside, earlier.Name);
                    var shared = earlier.Mappings.FirstOrDefault(x => x.Outside.Overlaps(m.Outside));
                    if (shared is not null)
                        context.Diagnostics.Report(DiagnosticDefinitions.Nptv6SharedOutside, m.Span, m.Outside, shared.Inside, m.Inside);
                }
            }
            if (!allows.Any(a => a.FromZone == rule.FromZone && a.ToZone == rule.ToZone))
                context.Diagnostics.Report(DiagnosticDefinitions.NoAllowRule, rule.Span, rule.FromZone, rule.ToZone, rule.Name);
        }
    }
}
