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
        var name = context.DeclaredName(statement, "router");
        var dialect = Dialect(context, statement, "ios", Model.Dialect.Ios);
        if (name is null || dialect is null) return null;
        var interfaces = DevicePartsBinder.Interfaces(context, statement, name, zoned: false, ios: true);
        var routes = DevicePartsBinder.Routes(context, statement, name, interfaces);
        return new Router(name, dialect.Value, interfaces, routes, statement.Span);
    }

    public static Firewall? BindFirewall(BindingContext context, SettingSyntax statement)
    {
        var name = context.DeclaredName(statement, "firewall");
        var dialect = Dialect(context, statement, "panos", Model.Dialect.PanOs);
        if (name is null || dialect is null) return null;
        var interfaces = DevicePartsBinder.Interfaces(context, statement, name, zoned: true);
        var routes = DevicePartsBinder.Routes(context, statement, name, interfaces);
        var zones = new HashSet<string>(interfaces.Select(i => i.Zone).OfType<string>());

        var allows = new List<AllowRule>();
        var ruleNames = new Dictionary<string, int>();
        foreach (var s in statement.Settings("allow"))
        {
            var ruleName = context.Values.Name(s.Argument(0)!, "rule");
            var from = Zone(context, name, zones, s.Argument(1)!);
            var to = Zone(context, name, zones, s.Argument(2)!);
            if (ruleName is null || from is null || to is null || !UniqueRule(context, ruleNames, ruleName, s)) continue;
            allows.Add(new AllowRule(ruleName, from, to, s.Span));
        }

        var rules = new List<Nptv6Rule>();
        foreach (var s in statement.Settings("nptv6"))
        {
            var rule = Nptv6Binder.Bind(context, s, name, interfaces, zones);
            if (rule is null || !UniqueRule(context, ruleNames, rule.Name, s)) continue;
            rules.Add(rule);
        }
        Nptv6Binder.CheckAcrossRules(context, rules, allows);
        return new Firewall(name, dialect.Value, interfaces, routes, allows.ToEquatableArray(), rules.ToEquatableArray(), statement.Span);
    }

    public static Upstream? BindUpstream(BindingContext context, SettingSyntax statement)
    {
        var name = context.DeclaredName(statement, "upstream");
        if (name is null) return null;
        var interfaces = DevicePartsBinder.Interfaces(context, statement, name, zoned: false);
        var routes = DevicePartsBinder.Routes(context, statement, name, interfaces);
        var hosts = new List<ExternalHost>();
        foreach (var s in statement.Settings("host"))
        {
            var hostNode = s.Argument(0)!;
            var hostName = context.Values.Name(hostNode, "host");
            var address = context.Values.Address(s.Argument(1)!, "host address");
            if (hostName is null || address is null || !context.Declare(hostName, "external host", hostNode.Span)) continue;
            hosts.Add(new ExternalHost(hostName, address.Value, s.Span));
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

    private static bool UniqueRule(BindingContext context, Dictionary<string, int> names, string name, SettingSyntax s)
    {
        if (names.TryGetValue(name, out int line))
        {
            context.Diagnostics.Report(DiagnosticDefinitions.DuplicateName, s.Argument(0)!.Span, name, "rule", line);
            return false;
        }
        names[name] = context.LineOf(s.Span);
        return true;
    }

    private static Dialect? Dialect(BindingContext context, SettingSyntax statement, string expected, Dialect value)
    {
        var node = statement.Argument(1)!;
        if (node.Text == expected) return value;
        context.Diagnostics.Report(DiagnosticDefinitions.InvalidName, node.Span, node.Text, statement.Name + " dialect", "the supported dialect is '" + expected + "'");
        return null;
    }
}
