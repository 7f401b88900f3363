using System.Collections.Generic;
using System.Linq;
using NetDsl.Diagnostics;
using NetDsl.Model;
using NetDsl.Syntax;

namespace NetDsl.Binding;

/// <summary><c>router NAME ios { … }</c>, <c>firewall NAME panos { … }</c>, <c>upstream NAME { … }</c>.</summary>
internal static class DeviceBinder
{
    public static Router? BindRouter(BindingContext context, SettingSyntax statement)
    {
        var router = new RouterSyntax(statement);
        var name = context.DeclaredName(router.Name, "router");
        var dialect = Dialect(context, statement, router.Dialect, "ios", Model.Dialect.Ios);
        if (name is null || dialect is null) return null;
        var interfaces = DevicePartsBinder.Interfaces(context, router.Interfaces, name, zoned: false, statement.HasErrors, ios: true);
        var routes = DevicePartsBinder.Routes(context, router.Routes, name, interfaces);
        return new Router(name, dialect.Value, interfaces, routes, statement.Span);
    }

    public static Firewall? BindFirewall(BindingContext context, SettingSyntax statement)
    {
        var firewall = new FirewallSyntax(statement);
        var name = context.DeclaredName(firewall.Name, "firewall");
        var dialect = Dialect(context, statement, firewall.Dialect, "panos", Model.Dialect.PanOs);
        if (name is null || dialect is null) return null;
        var interfaces = DevicePartsBinder.Interfaces(context, firewall.Interfaces, name, zoned: true, statement.HasErrors);
        var routes = DevicePartsBinder.Routes(context, firewall.Routes, name, interfaces);
        var zones = new HashSet<string>(interfaces.Select(i => i.Zone).OfType<string>());

        var allows = new List<AllowRule>();
        var ruleNames = new Dictionary<string, int>();
        foreach (var s in firewall.Allows)
        {
            var ruleName = context.Values.Name(s.Name, "rule");
            var from = Zone(context, name, zones, s.From);
            var to = Zone(context, name, zones, s.To);
            if (ruleName is null || from is null || to is null || !UniqueRule(context, ruleNames, ruleName, s.Name, s.Syntax)) continue;
            allows.Add(new AllowRule(ruleName, from, to, s.Syntax.Span));
        }

        var rules = new List<Nptv6Rule>();
        foreach (var s in firewall.Nptv6s)
        {
            var rule = Nptv6Binder.Bind(context, s, name, interfaces, zones);
            if (rule is null || !UniqueRule(context, ruleNames, rule.Name, s.Name, s.Syntax)) continue;
            rules.Add(rule);
        }
        Nptv6Binder.CheckAcrossRules(context, rules, allows);
        return new Firewall(name, dialect.Value, interfaces, routes, allows.ToEquatableArray(), rules.ToEquatableArray(), statement.Span);
    }

    public static Upstream? BindUpstream(BindingContext context, SettingSyntax statement)
    {
        var upstream = new UpstreamSyntax(statement);
        var name = context.DeclaredName(upstream.Name, "upstream");
        if (name is null) return null;
        var interfaces = DevicePartsBinder.Interfaces(context, upstream.Interfaces, name, zoned: false, statement.HasErrors);
        var routes = DevicePartsBinder.Routes(context, upstream.Routes, name, interfaces);
        var hosts = new List<ExternalHost>();
        foreach (var s in upstream.Hosts)
        {
            var hostNode = s.Name;
            var hostName = context.Values.Name(hostNode, "host");
            var address = context.Values.Address(s.Address, "host address");
            if (hostName is null || address is null || !context.Declare(hostName, "external host", hostNode.Span)) continue;
            hosts.Add(new ExternalHost(hostName, address.Value, s.Syntax.Span));
        }
        return new Upstream(name, interfaces, routes, hosts.ToEquatableArray(), statement.Span);
    }

    internal static string? Zone(BindingContext context, string firewall, HashSet<string> zones, SyntaxNode node)
    {
        var zone = context.Values.Name(node, "zone");
        if (zone is null) return null;
        if (!zones.Contains(zone))
        {
            context.Diagnostics.Report(DiagnosticDefinitions.UnknownZone, node.Span, firewall, zone, Naming.Suggestions.DidYouMean(zone, zones));
            return null;
        }
        return zone;
    }

    private static bool UniqueRule(BindingContext context, Dictionary<string, int> names, string name, SyntaxNode nameNode, SettingSyntax s)
    {
        if (names.TryGetValue(name, out int line))
        {
            context.Diagnostics.Report(DiagnosticDefinitions.DuplicateName, nameNode.Span, name, "rule", line);
            return false;
        }
        names[name] = context.LineOf(s.Span);
        return true;
    }

    private static Dialect? Dialect(BindingContext context, SettingSyntax statement, SyntaxNode node, string expected, Dialect value)
    {
        if (node.Text == expected) return value;
        context.Diagnostics.Report(DiagnosticDefinitions.InvalidName, node.Span, node.Text, statement.Name + " dialect", "the supported dialect is '" + expected + "'");
        return null;
    }
}
