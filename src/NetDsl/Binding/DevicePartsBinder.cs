using System.Collections.Generic;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Diagnostics;
using NetDsl.Model;
using NetDsl.Syntax;

namespace NetDsl.Binding;

/// <summary>Interfaces and routes, the same on every kind of device.</summary>
internal static class DevicePartsBinder
{
    /// <param name="zoned">A PAN-OS firewall's interfaces: each needs a zone and a name PAN-OS can address.</param>
    /// <param name="deviceHasErrors">The device statement has syntax errors: a missing zone may be one of them, so it is not reported again.</param>
    /// <param name="linux">A Docker host's interfaces: Linux names have at most 15 characters (IFNAMSIZ 16 with the NUL).</param>
    /// <param name="ios">An IOS router's interfaces: a type and a number, as IOS names them.</param>
    public static EquatableArray<NetworkInterface> Interfaces(BindingContext context, IEnumerable<InterfaceSyntax> settings, string deviceName, bool zoned,
        bool deviceHasErrors, bool linux = false, bool ios = false)
    {
        var result = new List<NetworkInterface>();
        foreach (var setting in settings)
        {
            var name = context.Values.Name(setting.Name, "interface", isInterface: true);
            if (name is null) continue;
            if (ios && !NameRules.IsIosInterfaceName(name))
                context.Diagnostics.Report(DiagnosticDefinitions.InvalidName, setting.Name.Span, name, "IOS interface", NameRules.IosInterfaceRule);
            if (linux && name.Length > NetworkBinder.MaxInterfaceNameLength)
                context.Diagnostics.Report(DiagnosticDefinitions.InterfaceNameTooLong, setting.Name.Span, name, name.Length);
            // A PAN-OS interface is addressed by its place in the configuration tree: only the forms the renderer can place.
            // The interface is kept all the same, so its zone and the routes through it report nothing more.
            if (zoned && Naming.PanosInterfacePath.TryCreate(name) is null)
                context.Diagnostics.Report(DiagnosticDefinitions.InvalidName, setting.Name.Span, name, "PAN-OS interface", "expected " + Naming.PanosInterfacePath.KnownForms);
            if (result.Any(i => i.Name == name))
            {
                context.Diagnostics.Report(DiagnosticDefinitions.DuplicateName, setting.Name.Span, name, "interface of " + deviceName,
                    context.LineOf(result.First(i => i.Name == name).Span));
                continue;
            }
            var addresses = new List<IpPrefix>();
            foreach (var option in setting.Addresses)
            {
                var a = context.Values.InterfaceAddress(option.Value, "interface address");
                if (a is { } address) addresses.Add(address);
            }
            IpAddress? linkLocal = null;
            if (setting.LinkLocal is { } ll)
            {
                linkLocal = context.Values.Address(ll.Value, "link-local address");
                if (linkLocal is { } l && !l.IsLinkLocal)
                {
                    context.Diagnostics.Report(DiagnosticDefinitions.NotLinkLocal, ll.Value.Span, ll.Value.Text);
                    linkLocal = null;
                }
            }
            string? zone = null;
            if (setting.Zone is { } z)
            {
                zone = context.Values.Name(z.Value, "zone");
                if (zone is not null && zoned && zone.Length > NameRules.MaxPanosZoneLength)
                    context.Diagnostics.Report(DiagnosticDefinitions.InvalidName, z.Value.Span, zone, "PAN-OS zone", $"PAN-OS allows at most {NameRules.MaxPanosZoneLength} characters");
            }
            else if (zoned && !deviceHasErrors)
                context.Diagnostics.Report(DiagnosticDefinitions.MissingSetting, setting.Syntax.Span, "Firewall interface", name, "zone");
            result.Add(new NetworkInterface(name, addresses.ToEquatableArray(), linkLocal, zone, setting.Syntax.Span));
        }
        return result.ToEquatableArray();
    }

    /// <summary>
    /// Routes: <c>route DEST via ADDR [dev IF] [proto ra|static]</c>, <c>route DEST via IF ADDR</c> (IOS, PAN-OS) or
    /// <c>route DEST dev IF</c> (directly connected). Checks that the interface exists and the next hop is on one of
    /// its connected subnets (or is link-local with an interface named).
    /// </summary>
    public static EquatableArray<Route> Routes(BindingContext context, IEnumerable<RouteSyntax> settings, string deviceName, EquatableArray<NetworkInterface> interfaces)
    {
        var result = new List<Route>();
        foreach (var setting in settings)
        {
            var destination = context.Values.Prefix(setting.Destination, "route destination");
            IpAddress? nextHop = null;
            string? interfaceName = null;
            SyntaxNode? interfaceNode = null;
            SyntaxNode? nextHopNode = null;
            bool ok = destination is not null;
            if (setting.Via is { } via)
            {
                if (via.Values.Count == 2)
                {
                    interfaceNode = via.Value;
                    nextHopNode = via.Values[1];
                }
                else
                {
                    nextHopNode = via.Value;
                }
            }
            if (setting.Dev is { } dev)
            {
                if (interfaceNode is not null)
                    context.Diagnostics.Report(DiagnosticDefinitions.DuplicateSetting, dev.Keyword.Span, "interface (given by 'via' and 'dev')");
                interfaceNode = dev.Value;
            }
            if (interfaceNode is not null)
            {
                interfaceName = context.Values.Name(interfaceNode, "interface", isInterface: true);
                if (interfaceName is not null && !interfaces.Any(i => i.Name == interfaceName))
                {
                    context.Diagnostics.Report(DiagnosticDefinitions.UnknownInterface, interfaceNode.Span, deviceName, interfaceName, Known(interfaceName, interfaces.Select(i => i.Name)));
                    ok = false;
                }
            }
            if (nextHopNode is not null)
            {
                nextHop = context.Values.Address(nextHopNode, "next hop");
                ok &= nextHop is not null;
            }
            if (nextHopNode is null && interfaceNode is null)
            {
                context.Diagnostics.Report(DiagnosticDefinitions.ExpectedToken, setting.Syntax.Span, "'via' or 'dev'", "in route", "neither");
                ok = false;
            }
            var origin = RouteOrigin.Static;
            if (setting.Proto is { } proto)
            {
                if (proto.Value.Text == "ra") origin = RouteOrigin.RouterAdvertisement;
                else if (proto.Value.Text != "static")
                {
                    context.Diagnostics.Report(DiagnosticDefinitions.ExpectedToken, proto.Value.Span, "'static' or 'ra'", "after 'proto'", proto.Value.Describe());
                    ok = false;
                }
            }
            if (!ok) continue;
            if (nextHop is { } hop && destination is { } dest)
            {
                if (hop.IsV4 != dest.IsV4)
                {
                    context.Diagnostics.Report(DiagnosticDefinitions.WrongFamily, nextHopNode!.Span, "The next hop", dest.IsV4 ? "IPv4" : "IPv6", hop, hop.IsV4 ? "IPv4" : "IPv6");
                    continue;
                }
                if (interfaces.Any(i => i.LinkLocal == hop || i.Addresses.Any(a => a.Address == hop)))
                {
                    context.Diagnostics.Report(DiagnosticDefinitions.NextHopIsSelf, nextHopNode!.Span, hop, deviceName);
                    continue;
                }
                if (hop.IsLinkLocal)
                {
                    if (interfaceName is null)
                    {
                        context.Diagnostics.Report(DiagnosticDefinitions.LinkLocalNeedsInterface, nextHopNode!.Span, hop);
                        continue;
                    }
                }
                else
                {
                    var candidates = interfaceName is null ? interfaces : interfaces.Where(i => i.Name == interfaceName).ToEquatableArray();
                    if (!candidates.Any(i => i.Addresses.Any(a => a.Network.Contains(hop))))
                    {
                        context.Diagnostics.Report(DiagnosticDefinitions.NextHopNotConnected, nextHopNode!.Span, hop,
                            interfaceName is null ? deviceName : deviceName + " " + interfaceName);
                        continue;
                    }
                }
            }
            var route = new Route(destination!.Value, nextHop, interfaceName, origin, setting.Syntax.Span);
            if (result.Any(r => r.Destination == route.Destination && r.Interface == route.Interface && r.NextHop == route.NextHop))
                context.Diagnostics.Report(DiagnosticDefinitions.DuplicateRoute, setting.Syntax.Span, route.Destination, deviceName);
            result.Add(route);
        }
        return result.ToEquatableArray();
    }

    public static string Known(string word, IEnumerable<string> interfaces) => NameHints.For(word, interfaces, " It declares no interfaces.");
}
