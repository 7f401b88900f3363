using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Diagnostics;
using NetDsl.Model;
using NetDsl.Syntax;

namespace NetDsl.Binding;

/// <summary><c>docker-host NAME { engine, interface, route, daemon { … }, masquerade, nptv6 }</c>.</summary>
internal static class HostBinder
{
    public static DockerHost? Bind(BindingContext context, SettingSyntax statement)
    {
        var name = context.DeclaredName(statement, "docker-host");
        if (name is null) return null;

        var engine = EngineVersion.Default;
        foreach (var setting in statement.Settings("engine"))
        {
            var node = setting.Argument(0)!;
            var parts = node.Text.Split('.');
            if (node.Kind != NodeKind.Word || parts.Length < 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int major)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int minor))
            {
                context.Diagnostics.Report(DiagnosticDefinitions.ExpectedToken, node.Span, "an engine version such as 20.10", "after 'engine'", node.Describe());
                continue;
            }
            engine = new EngineVersion(major, minor);
            if (engine.CompareTo(new EngineVersion(20, 10)) < 0 || major > 28)
                context.Diagnostics.Report(DiagnosticDefinitions.EngineVersionUnsupported, node.Span, node.Text);
        }

        var interfaces = DevicePartsBinder.Interfaces(context, statement, name, zoned: false, linux: true);
        var routes = DevicePartsBinder.Routes(context, statement, name, interfaces);
        var daemon = DaemonSettings.Empty;
        foreach (var setting in statement.Settings("daemon")) daemon = BindDaemon(context, setting, engine);

        var masquerades = new List<Masquerade>();
        foreach (var setting in statement.Settings("masquerade"))
        {
            var familyNode = setting.Argument(0)!;
            IpFamily family;
            if (familyNode.Text == "ipv6") family = IpFamily.Ipv6;
            else if (familyNode.Text == "ipv4") family = IpFamily.Ipv4;
            else
            {
                context.Diagnostics.Report(DiagnosticDefinitions.ExpectedToken, familyNode.Span, "ipv6 or ipv4", "after 'masquerade'", familyNode.Describe());
                continue;
            }
            string? outNot = setting.Option("out-not") is { } o1 ? context.Values.Name(o1.Values[0], "interface", isInterface: true) : null;
            string? outIf = setting.Option("out") is { } o2 ? context.Values.Name(o2.Values[0], "interface", isInterface: true) : null;
            if (outNot is not null) context.HostInterfaceUses.Add((name, outNot, setting.Option("out-not")!.Values[0].Span));
            if (outIf is not null) context.HostInterfaceUses.Add((name, outIf, setting.Option("out")!.Values[0].Span));
            IpPrefix? source = setting.Option("source") is { } s ? context.Values.Prefix(s.Values[0], "masquerade source") : null;
            masquerades.Add(new Masquerade(family, outNot, outIf, source, setting.Span));
        }
        var nptv6 = new List<HostNptv6Rule>();
        foreach (var setting in statement.Settings("nptv6"))
        {
            if (Nptv6Binder.BindHost(context, setting, name, interfaces) is not { } rule) continue;
            foreach (var m in rule.Mappings)
            {
                var o = nptv6.SelectMany(r => r.Mappings.Select(x => (Rule: r, Mapping: x))).FirstOrDefault(x => x.Mapping.Inside.Overlaps(m.Inside));
                if (o.Rule is not null) context.Diagnostics.Report(DiagnosticDefinitions.Nptv6OverlappingInside, m.Span, m.Inside, o.Mapping.Inside, o.Rule.Name);
            }
            nptv6.Add(rule);
        }
        return new DockerHost(name, engine, interfaces, routes, daemon, masquerades.ToEquatableArray(), nptv6.ToEquatableArray(), statement.Span);
    }

    private static DaemonSettings BindDaemon(BindingContext context, SettingSyntax daemon, EngineVersion engine)
    {
        bool? Flag(string key) => daemon.Settings(key) is var s && System.Linq.Enumerable.FirstOrDefault(s) is { } setting
            ? context.Values.Boolean(setting.Argument(0)!, key)
            : null;

        bool? ipv6 = Flag("ipv6");
        bool? ip6tables = Flag("ip6tables");
        bool? experimental = Flag("experimental");
        bool? liveRestore = Flag("live-restore");
        IpPrefix? fixedCidr = null;
        foreach (var setting in daemon.Settings("fixed-cidr-v6"))
        {
            fixedCidr = context.Values.Prefix(setting.Argument(0)!, "fixed-cidr-v6");
            if (fixedCidr is { IsV4: true })
            {
                context.Diagnostics.Report(DiagnosticDefinitions.WrongFamily, setting.Argument(0)!.Span, "fixed-cidr-v6", "IPv6", fixedCidr, "IPv4");
                fixedCidr = null;
            }
            else if (fixedCidr is { } usable && !UnicastRanges.Check(context, usable, setting.Argument(0)!, "fixed-cidr-v6", "docker0"))
            {
                fixedCidr = null;
            }
            else if (fixedCidr is { Length: > 80 } f)
            {
                context.Diagnostics.Report(DiagnosticDefinitions.FixedCidrTooLong, setting.Argument(0)!.Span, f);
            }
        }
        var pools = new List<AddressPool>();
        foreach (var setting in daemon.Settings("default-address-pool"))
        {
            var pool = context.Values.Prefix(setting.Argument(0)!, "address pool base");
            int? size = setting.Option("size") is { } sz ? context.Values.Integer(sz.Values[0], "pool size", 1, 128) : null;
            if (pool is { } unusable && !UnicastRanges.Check(context, unusable, setting.Argument(0)!, "Address pool", "a pool of network subnets")) continue;
            if (pool is { } p)
            {
                if (size is null)
                    context.Diagnostics.Report(DiagnosticDefinitions.MissingSetting, setting.Span, "default-address-pool", p.ToString(), "size");
                else if (size < p.Length || size > p.Address.Bits)
                    context.Diagnostics.Report(DiagnosticDefinitions.ExpectedToken, setting.Option("size")!.Values[0].Span, $"a size from {p.Length} to {p.Address.Bits}", "for " + p, size.Value.ToString(CultureInfo.InvariantCulture));
                else
                    pools.Add(new AddressPool(p, size.Value));
            }
        }
        if (ipv6 == true && fixedCidr is null && !daemon.Settings("fixed-cidr-v6").GetEnumerator().MoveNext())
            context.Diagnostics.Report(DiagnosticDefinitions.Ipv6WithoutFixedCidr, System.Linq.Enumerable.First(daemon.Settings("ipv6")).Span);
        if (ip6tables == true && experimental != true && engine.Ip6TablesNeedsExperimental)
            context.Diagnostics.Report(DiagnosticDefinitions.Ip6TablesNeedsExperimental, System.Linq.Enumerable.First(daemon.Settings("ip6tables")).Span, engine);
        return new DaemonSettings(ipv6, fixedCidr, ip6tables, experimental, liveRestore, pools.ToEquatableArray(), daemon.Span);
    }
}
