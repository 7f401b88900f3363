using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Diagnostics;
using NetDsl.Model;
using NetDsl.Syntax;

namespace NetDsl.Binding;

/// <summary><c>docker-host NAME { engine, interface, route, daemon { … }, masquerade }</c>.</summary>
internal static class HostBinder
{
    public static DockerHost? Bind(BindingContext context, SettingSyntax statement)
    {
        var host = new DockerHostSyntax(statement);
        var name = context.DeclaredName(host.Name, "docker-host");
        if (name is null) return null;

        var engine = EngineVersion.Default;
        foreach (var setting in host.Engines)
        {
            var node = setting.Value;
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

        var interfaces = DevicePartsBinder.Interfaces(context, host.Interfaces, name, zoned: false);
        var routes = DevicePartsBinder.Routes(context, host.Routes, name, interfaces);
        var daemon = DaemonSettings.Empty;
        foreach (var setting in host.Daemons) daemon = BindDaemon(context, setting, engine);

        var masquerades = new List<Masquerade>();
        foreach (var setting in host.Masquerades)
        {
            var familyNode = setting.Family;
            IpFamily family;
            if (familyNode.Text == "ipv6") family = IpFamily.Ipv6;
            else if (familyNode.Text == "ipv4") family = IpFamily.Ipv4;
            else
            {
                context.Diagnostics.Report(DiagnosticDefinitions.ExpectedToken, familyNode.Span, "ipv6 or ipv4", "after 'masquerade'", familyNode.Describe());
                continue;
            }
            string? outNot = setting.OutNot is { } o1 ? context.Values.Name(o1.Value, "interface", isInterface: true) : null;
            string? outIf = setting.Out is { } o2 ? context.Values.Name(o2.Value, "interface", isInterface: true) : null;
            IpPrefix? source = setting.Source is { } s ? context.Values.Prefix(s.Value, "masquerade source") : null;
            masquerades.Add(new Masquerade(family, outNot, outIf, source, setting.Syntax.Span));
        }
        return new DockerHost(name, engine, interfaces, routes, daemon, masquerades.ToEquatableArray(), statement.Span);
    }

    private static DaemonSettings BindDaemon(BindingContext context, DaemonSyntax daemon, EngineVersion engine)
    {
        // The first of each flag counts (a second one is reported by the reader).
        bool? Flag(SyntaxNode? value, string key) => value is null ? null : context.Values.Boolean(value, key);

        bool? ipv6 = Flag(daemon.Ipv6s.Select(s => s.Value).FirstOrDefault(), "ipv6");
        bool? ip6tables = Flag(daemon.Ip6tables.Select(s => s.Value).FirstOrDefault(), "ip6tables");
        bool? experimental = Flag(daemon.Experimentals.Select(s => s.Value).FirstOrDefault(), "experimental");
        bool? liveRestore = Flag(daemon.LiveRestores.Select(s => s.Value).FirstOrDefault(), "live-restore");
        IpPrefix? fixedCidr = null;
        foreach (var setting in daemon.FixedCidrV6s)
        {
            fixedCidr = context.Values.Prefix(setting.Value, "fixed-cidr-v6");
            if (fixedCidr is { IsV4: true })
            {
                context.Diagnostics.Report(DiagnosticDefinitions.WrongFamily, setting.Value.Span, "fixed-cidr-v6", "IPv6", fixedCidr, "IPv4");
                fixedCidr = null;
            }
            else if (fixedCidr is { Length: > 80 } f)
            {
                context.Diagnostics.Report(DiagnosticDefinitions.FixedCidrTooLong, setting.Value.Span, f);
            }
        }
        var pools = new List<AddressPool>();
        foreach (var setting in daemon.DefaultAddressPools)
        {
            var pool = context.Values.Prefix(setting.Base, "address pool base");
            int? size = setting.Size is { } sz ? context.Values.Integer(sz.Value, "pool size", 1, 128) : null;
            if (pool is { } p)
            {
                if (size is null)
                    context.Diagnostics.Report(DiagnosticDefinitions.MissingSetting, setting.Syntax.Span, "default-address-pool", p.ToString(), "size");
                else if (size < p.Length || size > p.Address.Bits)
                    context.Diagnostics.Report(DiagnosticDefinitions.ExpectedToken, setting.Size!.Value.Span, $"a size from {p.Length} to {p.Address.Bits}", "for " + p, size.Value.ToString(CultureInfo.InvariantCulture));
                else
                    pools.Add(new AddressPool(p, size.Value));
            }
        }
        if (ipv6 == true && fixedCidr is null && !daemon.FixedCidrV6s.Any())
            context.Diagnostics.Report(DiagnosticDefinitions.Ipv6WithoutFixedCidr, daemon.Ipv6s.First().Syntax.Span);
        if (ip6tables == true && experimental != true && engine.Ip6TablesNeedsExperimental)
            context.Diagnostics.Report(DiagnosticDefinitions.Ip6TablesNeedsExperimental, daemon.Ip6tables.First().Syntax.Span, engine);
        return new DaemonSettings(ipv6, fixedCidr, ip6tables, experimental, liveRestore, pools.ToEquatableArray(), daemon.Syntax.Span);
    }
}
