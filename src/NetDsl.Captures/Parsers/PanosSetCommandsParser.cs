using System;
using System.Collections.Generic;
using System.Linq;
using NetDsl.Captures.Model;
using NetDsl.Model;

namespace NetDsl.Captures.Parsers;

/// <summary>
/// Reads a PAN-OS configuration in `set` form (<c>set cli config-output-format set</c>, <c>show config running</c>):
/// layer-3 interfaces and units (tag, ip, ipv6 address), zones, virtual-router membership and IPv6/IPv4 static routes,
/// and NAT rules. One object is spread over many lines; each observation's location is its first line. The
/// <c>vsys X</c>, <c>template X config</c> and <c>device-group X</c> prefixes are accepted; lines about anything else
/// are skipped, as an export holds far more than NetDsl checks.
/// </summary>
public static class PanosSetCommandsParser
{
    public static CaptureParseResult<Observation> Parse(string text, string fileName) =>
        ParseSink<Observation>.Run(text, fileName, Read);

    private static void Read(ParseSink<Observation> sink)
    {
        var state = new SetState(sink);
        foreach (var line in sink.Capture.Lines)
        {
            sink.CurrentLine = line.Number;
            if (line.IsBlank) continue;
            if (!PanosTokens.TrySplit(line.Trimmed, out var tokens, out var error))
            {
                sink.Error(line, error!);
                continue;
            }
            if (tokens.Count == 0) continue;
            if (tokens[0] != "set")
            {
                sink.Error(line, "Expected a 'set …' command.");
                continue;
            }
            var path = StripScope(tokens.Skip(1).ToList(), out string? vsys);
            state.Apply(line, path, vsys);
        }
        state.Finish();
    }

    // Drops "template T config", "device-group D", "shared", "vsys V" so the rest reads the same on a firewall and Panorama.
    private static List<string> StripScope(List<string> path, out string? vsys)
    {
        vsys = null;
        while (path.Count >= 2)
        {
            if (path[0] == "template" && path.Count >= 3 && path[2] == "config") path = path.Skip(3).ToList();
            else if (path[0] is "device-group" or "template-stack") path = path.Skip(2).ToList();
            else if (path[0] == "vsys") { vsys = path[1]; path = path.Skip(2).ToList(); }
            else if (path[0] == "shared") path = path.Skip(1).ToList();
            else break;
        }
        if (path.Count > 0 && path[0] is "pre-rulebase" or "post-rulebase") path[0] = "rulebase";
        return path;
    }

    private sealed class SetState(ParseSink<Observation> sink)
    {
        private readonly Dictionary<string, InterfaceEntry> _interfaces = new(StringComparer.Ordinal);
        private readonly Dictionary<string, NatRuleBuilder> _rules = new(StringComparer.Ordinal);
        private readonly Dictionary<string, RouteEntry> _routes = new(StringComparer.Ordinal);
        private readonly List<object> _order = new();

        public void Apply(CaptureLine line, List<string> path, string? vsys)
        {
            if (Matches(path, "network", "interface", "ethernet") || Matches(path, "network", "interface", "aggregate-ethernet"))
                ApplyInterface(line, path);
            else if (path.Count >= 4 && path[0] == "zone" && path[2] == "network")
                ApplyZone(line, path, vsys);
            else if (Matches(path, "network", "virtual-router") && path.Count >= 4 && path[3] == "interface")
                ApplyVirtualRouterInterfaces(line, path);
            else if (Matches(path, "network", "virtual-router") && path.Count >= 7 && path[3] == "routing-table" && path[5] == "static-route")
                ApplyRoute(line, path);
            else if (Matches(path, "rulebase", "nat", "rules") && path.Count >= 4)
                ApplyNatRule(line, path);
        }

        public void Finish()
        {
            foreach (var item in _order)
            {
                switch (item)
                {
                    case InterfaceEntry entry: sink.Add(entry.Build(sink.Device)); break;
                    case NatRuleBuilder rule: sink.Add(rule.Build()); break;
                    case RouteEntry route when route.Destination is null:
                        sink.Error(route.Location.Line, $"Static route {route.Name} has no destination.");
                        break;
                    case RouteEntry route: sink.Add(route.Build(sink.Device)); break;
                }
            }
        }

        // network interface ethernet ethernet1/1 layer3 [units ethernet1/1.999] (tag N | ip A | ipv6 address A …)
        private void ApplyInterface(CaptureLine line, List<string> path)
        {
            if (path.Count < 5 || path[4] != "layer3") return;
            int i = 5;
            string name = path[3];
            if (i + 1 < path.Count && path[i] == "units") { name = path[i + 1]; i += 2; }
            var entry = Interface(name, line);
            if (i >= path.Count) return;
            string key = path[i++];
            var values = PanosTokens.ReadValues(path, ref i);
            switch (key)
            {
                case "tag": entry.Tag = Words.ParseInt(values.FirstOrDefault()); break;
                case "ip":
                    // Addresses may also be address-object names, which this file cannot resolve.
                    foreach (var value in values)
                        if (CapturedPrefix.TryParse(value, out var v4)) entry.AddAddress(v4);
                    break;
                case "ipv6" when values.FirstOrDefault() == "address" && i < path.Count:
                    if (CapturedPrefix.TryParse(path[i], out var v6)) entry.AddAddress(v6);
                    else sink.Error(line, $"'{path[i]}' is not an IPv6 address with a prefix length.");
                    break;
            }
        }

        // zone Z network layer3 [ if1 if2 ]
        private void ApplyZone(CaptureLine line, List<string> path, string? vsys)
        {
            int i = 4;
            foreach (var name in PanosTokens.ReadValues(path, ref i))
            {
                var entry = Interface(name, line);
                entry.Zone = path[1];
                entry.Vsys ??= vsys;
            }
        }

        // network virtual-router VR interface [ if1 if2 ]
        private void ApplyVirtualRouterInterfaces(CaptureLine line, List<string> path)
        {
            int i = 4;
            foreach (var name in PanosTokens.ReadValues(path, ref i)) Interface(name, line).Forwarding = "vr:" + path[2];
        }

        // network virtual-router VR routing-table ipv6 static-route NAME (destination D | interface I | nexthop ipv6-address A | admin-dist N)
        private void ApplyRoute(CaptureLine line, List<string> path)
        {
            string key = path[2] + "/" + path[4] + "/" + path[6];
            if (!_routes.TryGetValue(key, out var route))
            {
                route = new RouteEntry(path[6], path[2], sink.At(line));
                _routes[key] = route;
                _order.Add(route);
            }
            if (path.Count < 9) return;
            string value = path[8];
            switch (path[7])
            {
                case "destination":
                    if (CapturedPrefix.TryParse(value, out var destination)) route.Destination = destination;
                    else sink.Error(line, $"'{value}' is not a destination prefix.");
                    break;
                case "interface": route.Interface = value; break;
                case "admin-dist": route.Distance = Words.ParseInt(value); break;
                case "nexthop" when path.Count >= 10 && path[8] is "ipv6-address" or "ip-address":
                    if (CapturedAddress.TryParse(path[9], out var nextHop)) route.NextHop = nextHop;
                    else sink.Error(line, $"'{path[9]}' is not a next-hop address.");
                    break;
            }
        }

        // rulebase nat rules NAME (nat-type T | from Z | to Z | source S | destination D | service S | to-interface I
        //   | source-translation static-ip translated-address A | source-translation <kind> … | destination-translation translated-address A)
        private void ApplyNatRule(CaptureLine line, List<string> path)
        {
            string name = path[3];
            if (!_rules.TryGetValue(name, out var rule))
            {
                rule = new NatRuleBuilder(sink.Device, name, null, sink.At(line));
                _rules[name] = rule;
                _order.Add(rule);
            }
            if (path.Count < 5) return;
            int i = 5;
            var values = PanosTokens.ReadValues(path, ref i);
            switch (path[4])
            {
                case "nat-type": rule.NatType = values.FirstOrDefault(); break;
                case "from": rule.From.AddRange(values); break;
                case "to": rule.To.AddRange(values); break;
                case "to-interface": rule.ToInterface = values.FirstOrDefault(); break;
                case "service": rule.Service = values.FirstOrDefault(); break;
                case "source": foreach (var v in values) NatRuleBuilder.AddMatch(rule.Sources, rule.SourceNames, v); break;
                case "destination": foreach (var v in values) NatRuleBuilder.AddMatch(rule.Destinations, rule.DestinationNames, v); break;
                case "source-translation":
                    rule.TranslationKind = values.FirstOrDefault();
                    if (TranslatedAddress(line, path) is { } source) rule.TranslatedSource = source;
                    break;
                case "destination-translation":
                    if (TranslatedAddress(line, path) is { } destination) rule.TranslatedDestination = destination;
                    break;
            }
        }

        private CapturedPrefix? TranslatedAddress(CaptureLine line, List<string> path)
        {
            int at = path.IndexOf("translated-address");
            if (at < 0 || at + 1 >= path.Count) return null;
            int i = at + 1;
            string value = PanosTokens.ReadValues(path, ref i).FirstOrDefault() ?? "";
            if (CapturedPrefix.TryParseHostOrPrefix(value, out var prefix)) return prefix;
            sink.Error(line, $"'{value}' is not a translated address.");
            return null;
        }

        private InterfaceEntry Interface(string name, CaptureLine line)
        {
            if (!_interfaces.TryGetValue(name, out var entry))
            {
                entry = new InterfaceEntry(name, sink.At(line));
                _interfaces[name] = entry;
                _order.Add(entry);
            }
            return entry;
        }

        private static bool Matches(List<string> path, params string[] prefix) =>
            path.Count >= prefix.Length && prefix.Select((p, i) => path[i] == p).All(x => x);
    }

    private sealed class InterfaceEntry(string name, CaptureLocation location)
    {
        private readonly List<CapturedPrefix> _addresses = new();
        public string? Vsys { get; set; }
        public string? Zone { get; set; }
        public string? Forwarding { get; set; }
        public int? Tag { get; set; }

        public void AddAddress(CapturedPrefix prefix)
        {
            if (!_addresses.Contains(prefix)) _addresses.Add(prefix);
        }

        public ObservedPanosInterface Build(string device) =>
            new(device, name, null, Vsys, Zone, Forwarding, Tag, _addresses.ToEquatableArray(), location);
    }

    private sealed class RouteEntry(string name, string virtualRouter, CaptureLocation location)
    {
        public string Name => name;
        public CaptureLocation Location => location;
        public CapturedPrefix? Destination { get; set; }
        public string? Interface { get; set; }
        public CapturedAddress? NextHop { get; set; }
        public int? Distance { get; set; }

        public ObservedStaticRoute Build(string device) =>
            new(device, Destination!, Interface, NextHop, Distance, name, virtualRouter, location);
    }
}
