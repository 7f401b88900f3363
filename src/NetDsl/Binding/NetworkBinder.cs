using System.Collections.Generic;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Diagnostics;
using NetDsl.Model;
using NetDsl.Syntax;

namespace NetDsl.Binding;

/// <summary>
/// <c>network NAME on HOST { driver, subnet, gateway, ip-range, bridge-name, option, label, ipv4 }</c>: an IPv6 subnet, an
/// IPv4 one (an IPv4-only network) or both.
/// </summary>
internal static class NetworkBinder
{
    public const string BridgeNameOption = "com.docker.network.bridge.name";
    public const int MaxInterfaceNameLength = 15;

    public static DockerNetwork? Bind(BindingContext context, SettingSyntax statement, IReadOnlyDictionary<string, DockerHost> hosts)
    {
        var network = new NetworkSyntax(statement);
        var name = context.DeclaredName(network.Name, "network");
        var on = network.On;
        if (on is null)
        {
            if (!statement.HasErrors)
                context.Diagnostics.Report(DiagnosticDefinitions.MissingSetting, statement.Keyword.Span, "Network", network.Name.Text, "on HOST");
            return null;
        }
        var hostName = on.Value.Text;
        if (!hosts.TryGetValue(hostName, out var host))
        {
            // A host that failed to bind reported its own error; the network is declared but not bound, quietly.
            if (!context.FailedNames.Contains(hostName))
                context.Diagnostics.Report(DiagnosticDefinitions.UnknownName, on.Value.Span, "docker-host", hostName, NameHints.For(hostName, hosts.Keys));
            return null;
        }
        if (name is null) return null;

        string driver = "bridge";
        foreach (var s in network.Drivers)
        {
            driver = s.Value.Text;
            if (driver != "bridge") context.Diagnostics.Report(DiagnosticDefinitions.UnsupportedDriver, s.Value.Span, driver);
        }

        IpPrefix? subnet6 = null, subnet4 = null;
        bool subnetFailed = false;      // reported where it failed: not "missing" as well
        foreach (var s in network.Subnets)
        {
            var p = context.Values.Prefix(s.Value, "subnet");
            if (p is not { } prefix || !UnicastRanges.Check(context, prefix, s.Value, "Subnet", "a Docker network"))
            {
                subnetFailed = true;
                continue;
            }
            if ((prefix.IsV4 ? subnet4 : subnet6) is not null)
            {
                context.Diagnostics.Report(DiagnosticDefinitions.DuplicateSetting, s.Syntax.Keyword.Span, prefix.IsV4 ? "subnet (IPv4)" : "subnet (IPv6)");
                continue;
            }
            if (prefix.IsV4) subnet4 = prefix;
            else subnet6 = prefix;
        }
        // An IPv6 subnet, an IPv4 one (an IPv4-only network) or both; neither is no network.
        if (subnet6 is null && subnet4 is null)
        {
            if (!statement.HasErrors && !subnetFailed)
                context.Diagnostics.Report(DiagnosticDefinitions.NetworkWithoutSubnet, network.Name.Span, name);
            return null;
        }

        IpAddress? gateway6 = null, gateway4 = null;
        foreach (var s in network.Gateways)
        {
            var g = context.Values.Address(s.Value, "gateway");
            if (g is not { } gw) continue;
            var subnet = gw.IsV4 ? subnet4 : subnet6;
            if (subnet is null || !subnet.Value.Contains(gw))
            {
                context.Diagnostics.Report(DiagnosticDefinitions.GatewayOutsideSubnet, s.Value.Span, gw, subnet?.ToString() ?? "any declared subnet");
                continue;
            }
            if (gw.IsV4) gateway4 = gw;
            else gateway6 = gw;
        }

        IpPrefix? range6 = null, range4 = null;
        foreach (var s in network.IpRanges)
        {
            var r = context.Values.Prefix(s.Value, "ip-range");
            if (r is not { } range) continue;
            var subnet = range.IsV4 ? subnet4 : subnet6;
            if (subnet is null || !subnet.Value.Contains(range))
            {
                context.Diagnostics.Report(DiagnosticDefinitions.AddressOutsideSubnet, s.Value.Span, "ip-range", range, subnet?.ToString() ?? "the network's subnets");
                continue;
            }
            if (range.IsV4) range4 = range;
            else range6 = range;
        }

        var options = new List<KeyValue>();
        var labels = new List<KeyValue>();
        string? bridgeName = null;
        foreach (var s in network.BridgeNames)
            bridgeName = BridgeName(context, s.Value);
        foreach (var s in network.Options)
        {
            var key = context.Values.Text(s.Key, "option name");
            var value = context.Values.Text(s.Value, "option value");
            if (key is null || value is null || !SafeKey(context, s.Key, key, "Option")) continue;
            if (key == BridgeNameOption)
            {
                bridgeName = BridgeName(context, s.Value, value);
                continue;
            }
            if (GatewayModeBinder.IsGatewayModeOption(key) && !GatewayModeBinder.Check(context, s.Value, value, host.Engine)) continue;
            options.Add(new KeyValue(key, value));
        }
        GatewayModeBinder.Bind(context, network.GatewayModes, host.Engine, options);
        foreach (var s in network.Labels)
        {
            var key = context.Values.Text(s.Key, "label name");
            var value = context.Values.Text(s.Value, "label value");
            if (key is not null && value is not null && SafeKey(context, s.Key, key, "Label")) labels.Add(new KeyValue(key, value));
        }
        if (bridgeName is not null) options.Insert(0, new KeyValue(BridgeNameOption, bridgeName));

        IpAddress? gw6 = subnet6 is { } s6 ? gateway6 ?? s6.Nth(1) : null;
        IpAddress? gw4 = subnet4 is { } s4 ? gateway4 ?? s4.Nth(1) : null;
        // An IPv4-only network's bridge has no IPv6 of the engine's: no global address and no fe80::1 (only the
        // kernel's link-local from a random bridge MAC, observed and not predicted).
        var bridge = new BridgePrediction(bridgeName, gw6 is { } g6 ? new IpPrefix(g6, subnet6!.Value.Length) : null,
            gw6 is not null && NetDsl.Engines.EngineTable.BridgeGetsFe80Colon1.For(host.Engine, false) ? IpAddress.Parse("fe80::1") : null,
            gw4 is { } g4 ? new IpPrefix(g4, subnet4!.Value.Length) : null);
        bool enableIpv4 = true;
        foreach (var s in network.Ipv4s)
        {
            if (context.Values.Boolean(s.Value, "ipv4") != false) continue;
            if (!NetDsl.Engines.EngineTable.Ipv6OnlyNetworks.For(host.Engine, false))
                context.Diagnostics.Report(DiagnosticDefinitions.Ipv6OnlyNetworkNotOnEngine, s.Syntax.Span, host.Engine.Title);
            else if (subnet4 is not null)
                context.Diagnostics.Report(DiagnosticDefinitions.Ipv4SubnetOnIpv6OnlyNetwork, s.Syntax.Span, name, subnet4);
            else enableIpv4 = false;
        }
        return new DockerNetwork(name, host.Name, driver, subnet6, gw6, range6, subnet4, gw4, range4, bridgeName,
            options.ToEquatableArray(), labels.ToEquatableArray(), bridge, statement.Span, enableIpv4);
    }

    private static string? BridgeName(BindingContext context, SyntaxNode node, string? text = null)
    {
        text ??= context.Values.Name(node, "bridge", isInterface: true);
        if (text is null) return null;
        if (!NameRules.IsInterfaceName(text) || text.IndexOf('/') >= 0)
        {
            context.Diagnostics.Report(DiagnosticDefinitions.InvalidName, node.Span, text, "bridge", "letters, digits, '_', '.' or '-'");
            return null;
        }
        if (text.Length > MaxInterfaceNameLength)
        {
            context.Diagnostics.Report(DiagnosticDefinitions.BridgeNameTooLong, node.Span, text, text.Length);
            return null;
        }
        return text;
    }

    /// <summary>Keys travel as <c>-o key=value</c> / <c>--label key=value</c> in docker.sh: no '=', space or control character.</summary>
    private static bool SafeKey(BindingContext context, SyntaxNode node, string key, string what)
    {
        if (SafeText.FirstUnsafeInKey(key) is not { } bad) return true;
        context.Diagnostics.Report(DiagnosticDefinitions.UnsafeText, node.Span, what + " name", "\"" + SafeText.Printable(key) + "\"", SafeText.Describe(bad), "a docker option/label name");
        return false;
    }


}
