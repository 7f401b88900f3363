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
    public static Nptv6Rule? Bind(BindingContext context, FirewallNptv6Syntax s, string firewall, EquatableArray<NetworkInterface> interfaces, HashSet<string> zones)
    {
        var name = context.Values.Name(s.Name, "rule");
        string? from = null, to = null, ifName = null;
        bool ok = name is not null;
        foreach (var (option, keyword) in new[] { (s.From, "from"), (s.To, "to"), (s.Interface, "interface") })
        {
            if (option is null)
            {
                context.Diagnostics.Report(DiagnosticDefinitions.MissingSetting, s.Syntax.Span, "NPTv6 rule", s.Name.Text, keyword);
                ok = false;
            }
        }
        if (s.From is { } f) from = DeviceBinder.Zone(context, firewall, zones, f.Value);
        if (s.To is { } t) to = DeviceBinder.Zone(context, firewall, zones, t.Value);
        if (s.Interface is { } i)
        {
            ifName = context.Values.Name(i.Value, "interface", isInterface: true);
            var iface = interfaces.FirstOrDefault(x => x.Name == ifName);
            if (ifName is not null && iface is null)
            {
                context.Diagnostics.Report(DiagnosticDefinitions.UnknownInterface, i.Value.Span, firewall, ifName, DevicePartsBinder.Known(ifName, interfaces.Select(x => x.Name)));
                ok = false;
            }
            else if (iface is not null && to is not null && iface.Zone != to)
            {
                context.Diagnostics.Report(DiagnosticDefinitions.Nptv6InterfaceNotInZone, i.Value.Span, ifName, iface.Zone, to);
                ok = false;
            }
        }
        ok &= from is not null && to is not null && ifName is not null;
        var mappings = BindMappings(context, s.Mappings, s.Syntax, name, ref ok);
        return ok ? new Nptv6Rule(name!, from!, to!, ifName!, mappings.ToEquatableArray(), s.Syntax.Span) : null;
    }

    /// <summary>
    /// <c>nptv6 NAME interface IF translator netdsl { INSIDE -> OUTSIDE … }</c> on a docker-host: NetDsl's gateway on the
    /// host itself (no zones: what leaves through IF is translated). The mappings are checked as a firewall's.
    /// </summary>
    public static HostNptv6Rule? BindHost(BindingContext context, DockerHostNptv6Syntax s, string host, EquatableArray<NetworkInterface> interfaces)
    {
        var name = context.Values.Name(s.Name, "rule");
        bool ok = name is not null;
        string? ifName = null;
        foreach (var (option, keyword) in new[] { (s.Interface, "interface"), (s.Translator, "translator") })
        {
            if (option is null)
            {
                context.Diagnostics.Report(DiagnosticDefinitions.MissingSetting, s.Syntax.Span, "NPTv6 rule", s.Name.Text, keyword);
                ok = false;
            }
        }
        if (s.Interface is { } i)
        {
            ifName = context.Values.Name(i.Value, "interface", isInterface: true);
            if (ifName is not null && !interfaces.Any(x => x.Name == ifName))
            {
                context.Diagnostics.Report(DiagnosticDefinitions.UnknownInterface, i.Value.Span, host, ifName, DevicePartsBinder.Known(ifName, interfaces.Select(x => x.Name)));
                ok = false;
            }
        }
        if (s.Translator is { } t && t.Value.Text != "netdsl")
        {
            context.Diagnostics.Report(DiagnosticDefinitions.Nptv6HostTranslator, t.Value.Span, s.Name.Text, host, t.Value.Text);
            ok = false;
        }
        var mappings = BindMappings(context, s.Mappings, s.Syntax, name, ref ok);
        return ok && ifName is not null ? new HostNptv6Rule(name!, ifName, mappings.ToEquatableArray(), s.Syntax.Span) : null;
    }

    /// <summary>The INSIDE -> OUTSIDE entries of a rule, each checked (families, lengths, overlaps); clears <paramref name="ok"/> on an error.</summary>
    private static List<Nptv6Mapping> BindMappings(BindingContext context, IEnumerable<MappingSyntax> entries, SettingSyntax rule, string? name, ref bool ok)
    {
        var mappings = new List<Nptv6Mapping>();
        foreach (var m in entries)
        {
            var inside = context.Values.Prefix(m.Inside, "inside prefix");
            var outside = context.Values.Prefix(m.Outside, "outside prefix");
            if (inside is not { } ins || outside is not { } outs) { ok = false; continue; }
            if (ins.IsV4 || outs.IsV4)
            {
                var bad = ins.IsV4 ? m.Inside : m.Outside;
                context.Diagnostics.Report(DiagnosticDefinitions.WrongFamily, bad.Span, "An NPTv6 prefix", "IPv6", bad.Text, "IPv4");
                ok = false;
                continue;
            }
            bool valid = true;
            foreach (var (prefix, node) in new[] { (ins, m.Inside), (outs, m.Outside) })
            {
                if (prefix.Length > 64)
                {
                    context.Diagnostics.Report(DiagnosticDefinitions.Nptv6PrefixTooLong, node.Span, prefix);
                    valid = false;
                }
            }
            if (valid && ins.Length != outs.Length)
            {
                context.Diagnostics.Report(DiagnosticDefinitions.Nptv6LengthMismatch, m.Syntax.Span, ins, outs);
                valid = false;
            }
            if (!ins.Address.IsUniqueLocal)
                context.Diagnostics.Report(DiagnosticDefinitions.Nptv6InsideNotUla, m.Inside.Span, ins);
            if (!valid) { ok = false; continue; }
            var overlapping = mappings.FirstOrDefault(x => x.Inside.Overlaps(ins));
            if (overlapping is not null)
            {
                context.Diagnostics.Report(DiagnosticDefinitions.Nptv6OverlappingInside, m.Inside.Span, ins, overlapping.Inside, name);
                ok = false;
                continue;
            }
            var shared = mappings.FirstOrDefault(x => x.Outside.Overlaps(outs));
            if (shared is not null)
                context.Diagnostics.Report(DiagnosticDefinitions.Nptv6SharedOutside, m.Outside.Span, outs, shared.Inside, ins);
            mappings.Add(new Nptv6Mapping(ins, outs, m.Syntax.Span));
        }
        if (mappings.Count == 0 && rule.HasBody && ok)
        {
            context.Diagnostics.Report(DiagnosticDefinitions.MissingSetting, rule.Span, "NPTv6 rule", name, "INSIDE -> OUTSIDE mapping");
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
