using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Diagnostics;
using NetDsl.Engines;
using NetDsl.Model;
using NetDsl.Syntax;

namespace NetDsl.Binding;

/// <summary><c>docker-host NAME { engine, interface, route, daemon { … }, masquerade, nptv6 }</c>.</summary>
internal static class HostBinder
{
    public static DockerHost? Bind(BindingContext context, SettingSyntax statement)
    {
        var host = new DockerHostSyntax(statement);
        var name = context.DeclaredName(host.Name, "docker-host");
        if (name is null) return null;

        var engine = EngineRelease.Default;
        foreach (var setting in host.Engines) engine = BindEngine(context, setting) ?? engine;

        var interfaces = DevicePartsBinder.Interfaces(context, host.Interfaces, name, zoned: false, statement.HasErrors, linux: true);
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
            if (outNot is not null) context.HostInterfaceUses.Add((name, outNot, setting.OutNot!.Value.Span));
            if (outIf is not null) context.HostInterfaceUses.Add((name, outIf, setting.Out!.Value.Span));
            IpPrefix? source = setting.Source is { } s ? context.Values.Prefix(s.Value, "masquerade source") : null;
            var masquerade = new Masquerade(family, outNot, outIf, source, setting.Syntax.Span);
            // The path model's own matcher says whether any interface is left (trace and the diagram drop such a rule).
            if (Tracing.DeviceRules.MasqueradeOutput(masquerade) is null)
                context.Diagnostics.Report(DiagnosticDefinitions.MasqueradeMatchesNothing, masquerade.Span, masquerade.Describe(), outIf, outNot);
            masquerades.Add(masquerade);
        }
        var nptv6 = new List<HostNptv6Rule>();
        foreach (var setting in host.Nptv6s)
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

    /// <summary>
    /// <c>engine [docker|podman] VERSION</c>: a bare version is Docker's (the seed wrote <c>engine 20.10</c>). Either
    /// word may be a string parameter, and one parameter may hold both ("podman 4.3"), so <c>--set ENGINE=…</c>
    /// switches the engine a file is checked against.
    /// </summary>
    private static EngineRelease? BindEngine(BindingContext context, EngineSyntax setting)
    {
        var first = setting.Engine;
        var second = setting.Version;
        string? firstText = context.Values.Text(first, "an engine such as 20.10, docker 28.3 or podman 4.3");
        if (firstText is null) return null;
        string? kindText;
        string versionText;
        SyntaxNode kindNode = first, versionNode = second ?? first;
        if (second is not null)
        {
            string? secondText = context.Values.Text(second, "an engine version such as 28.3");
            if (secondText is null) return null;
            (kindText, versionText) = (firstText, secondText);
        }
        else
        {
            var words = firstText.Split(new[] { ' ', '\t' }, System.StringSplitOptions.RemoveEmptyEntries);
            kindText = words.Length == 2 ? words[0] : null;
            versionText = words.Length == 2 ? words[1] : words.Length == 1 ? words[0] : firstText;
        }
        EngineKind kind = EngineKind.Docker;
        if (kindText is not null)
        {
            if (kindText == "docker") kind = EngineKind.Docker;
            else if (kindText == "podman") kind = EngineKind.Podman;
            else
            {
                context.Diagnostics.Report(DiagnosticDefinitions.UnknownEngineKind, kindNode.Span, kindText);
                return null;
            }
        }
        if (!EngineVersion.TryParse(versionText, out var version))
        {
            context.Diagnostics.Report(DiagnosticDefinitions.ExpectedToken, versionNode.Span, "an engine version such as 20.10", "after 'engine'", "'" + versionText + "'");
            return null;
        }
        var release = new EngineRelease(kind, version);
        if (!EngineTable.Modelled.For(release, false))
            context.Diagnostics.Report(DiagnosticDefinitions.EngineVersionUnsupported, versionNode.Span, release.Title);
        return release;
    }

    private static DaemonSettings BindDaemon(BindingContext context, DaemonSyntax daemon, EngineRelease engine)
    {
        if (!EngineTable.HasDaemonJson.For(engine, true))
            context.Diagnostics.Report(DiagnosticDefinitions.NoDaemonJsonOnEngine, daemon.Syntax.Keyword.Span, engine.Title);
        // The first of each flag counts (a second one is reported by the reader).
        bool? Flag(SyntaxNode? value, string key) => value is null ? null : context.Values.Boolean(value, key);

        bool? ipv6 = Flag(daemon.Ipv6s.Select(s => s.Value).FirstOrDefault(), "ipv6");
        bool? ip6tables = Flag(daemon.Ip6tables.Select(s => s.Value).FirstOrDefault(), "ip6tables");
        bool? experimental = Flag(daemon.Experimentals.Select(s => s.Value).FirstOrDefault(), "experimental");
        bool? liveRestore = Flag(daemon.LiveRestores.Select(s => s.Value).FirstOrDefault(), "live-restore");
        bool? iptables = Flag(daemon.Iptables.Select(s => s.Value).FirstOrDefault(), "iptables");
        IpPrefix? bip6 = null;
        foreach (var setting in daemon.Bip6s)
        {
            bip6 = context.Values.InterfaceAddress(setting.Value, "bip6");
            if (bip6 is { IsV4: true })
            {
                context.Diagnostics.Report(DiagnosticDefinitions.WrongFamily, setting.Value.Span, "bip6", "IPv6", bip6, "IPv4");
                bip6 = null;
            }
        }
        string? firewallBackend = null;
        foreach (var setting in daemon.FirewallBackends)
        {
            var node = setting.Value;
            firewallBackend = context.Values.Text(node, "firewall-backend");
            if (firewallBackend is not null and not "iptables" and not "nftables")
            {
                context.Diagnostics.Report(DiagnosticDefinitions.ExpectedToken, node.Span, "iptables or nftables", "after 'firewall-backend'", node.Describe());
                firewallBackend = null;
            }
        }
        // A key this engine does not know stops dockerd at start: say so on the setting's line.
        if (EngineTable.HasDaemonJson.For(engine, true))
        {
            foreach (var setting in daemon.Syntax.Body)
            {
                if (EngineTable.FindDaemonKeyForSetting(setting.Name) is { } key && !key.KnownOn(engine))
                    context.Diagnostics.Report(DiagnosticDefinitions.DaemonKeyNotOnEngine, setting.Keyword.Span, key.Name, "Docker " + key.Versions, engine.Title,
                        "docker " + key.Versions.From);
            }
        }
        IpPrefix? fixedCidr = null;
        foreach (var setting in daemon.FixedCidrV6s)
        {
            fixedCidr = context.Values.Prefix(setting.Value, "fixed-cidr-v6");
            if (fixedCidr is { IsV4: true })
            {
                context.Diagnostics.Report(DiagnosticDefinitions.WrongFamily, setting.Value.Span, "fixed-cidr-v6", "IPv6", fixedCidr, "IPv4");
                fixedCidr = null;
            }
            else if (fixedCidr is { } usable && !UnicastRanges.Check(context, usable, setting.Value, "fixed-cidr-v6", "docker0"))
            {
                fixedCidr = null;
            }
            else if (fixedCidr is { Length: > 80 } f && EngineTable.DefaultBridgeAddresses.For(engine, DefaultBridgeIpv6.Ipam) == DefaultBridgeIpv6.FromMacUpTo80)
            {
                context.Diagnostics.Report(DiagnosticDefinitions.FixedCidrTooLong, setting.Value.Span, f);
            }
        }
        var pools = new List<AddressPool>();
        foreach (var setting in daemon.DefaultAddressPools)
        {
            var pool = context.Values.Prefix(setting.Base, "address pool base");
            int? size = setting.Size is { } sz ? context.Values.Integer(sz.Value, "pool size", 1, 128) : null;
            if (pool is { } unusable && !UnicastRanges.Check(context, unusable, setting.Base, "Address pool", "a pool of network subnets")) continue;
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
        if (ipv6 == true && fixedCidr is null && !daemon.FixedCidrV6s.Any() && EngineTable.Ipv6NeedsFixedCidrV6.For(engine, false))
            context.Diagnostics.Report(DiagnosticDefinitions.Ipv6WithoutFixedCidr, daemon.Ipv6s.First().Syntax.Span, engine.Title);
        if (ip6tables == true && experimental != true && EngineTable.Ip6TablesNeedsExperimental.For(engine, false))
            context.Diagnostics.Report(DiagnosticDefinitions.Ip6TablesNeedsExperimental, daemon.Ip6tables.First().Syntax.Span, engine.Title);
        if (pools.Count > 0 && pools.All(p => !p.Base.IsV4) && EngineTable.Ipv6OnlyPoolsStopEngine.For(engine, false))
            context.Diagnostics.Report(DiagnosticDefinitions.Ipv6OnlyAddressPools, daemon.DefaultAddressPools.First().Syntax.Span, engine.Title);
        return new DaemonSettings(ipv6, fixedCidr, ip6tables, experimental, liveRestore, pools.ToEquatableArray(), iptables, bip6, firewallBackend, daemon.Syntax.Span);
    }
}
