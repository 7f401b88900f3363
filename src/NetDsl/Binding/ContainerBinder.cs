using System.Collections.Generic;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Diagnostics;
using NetDsl.Engines;
using NetDsl.Model;
using NetDsl.Syntax;
using NetDsl.Text;

namespace NetDsl.Binding;

/// <summary>
/// <c>container NAME on NET[, NET…] { image, command, tty, interactive, address [NET] ADDR }</c>, and the
/// address predictions (Docker 20.10, notes/docker-ipv6.md): the bridge takes the gateway (::1); containers
/// take the lowest free address after it in declaration order (::2, ::3…), skipping every fixed address of the
/// network; with an ip-range, allocation starts at the range. IPv4 works the same when the IPv4 subnet is
/// declared, and then, where the engine table says the MAC is 02:42 + IPv4 (Docker before 28.0), the MAC and
/// the EUI-64 link-local follow; elsewhere they are random and observed. Apply pins every address.
/// </summary>
internal static class ContainerBinder
{
    private static readonly IpPrefix DefaultRoute = IpPrefix.Parse("::/0");
    private static readonly IpPrefix DefaultRoute4 = IpPrefix.Parse("0.0.0.0/0");

    private sealed record Pending(Container Container, List<(DockerNetwork Network, IpAddress? Fixed6, IpAddress? Fixed4, SourceSpan Span)> Attachments);

    // A draft names no other statement's line, so it needs no layout.
    private static readonly StatementLayout NoLayout = StatementLayout.Empty(new FileText(""));

    /// <summary>
    /// One statement on its own, against <paramref name="environment"/>: the name checked but not yet declared, the
    /// networks resolved, image, command, flags and fixed addresses read and checked.
    /// </summary>
    public static ContainerDraft Draft(ContainerEnvironment environment, SettingSyntax statement)
    {
        var parameters = ParameterTable.FromValues(environment.Parameters);
        var diagnostics = new DiagnosticBag();
        var context = new BindingContext(NoLayout, parameters, diagnostics);
        var networks = environment.NetworksByName;

        var syntax = new ContainerSyntax(statement);
        var nameNode = syntax.Name;
        var name = context.Values.Name(nameNode, "container");
        string? written = nameNode.Kind == NodeKind.Word ? nameNode.Text : null;
        ContainerDraft Dropped(int early) => new(name, nameNode.Span, null, EquatableArray<DraftAttachment>.Empty,
            diagnostics.Items.Take(early).ToEquatableArray(), EquatableArray<NetDslDiagnostic>.Empty, EquatableArray<string>.Empty, written);

        var on = syntax.On;
        if (on is null)
        {
            if (!statement.HasErrors)
                context.Diagnostics.Report(DiagnosticDefinitions.MissingSetting, statement.Keyword.Span, "Container", nameNode.Text, "on NETWORK");
            return Dropped(diagnostics.Items.Count);
        }
        var attached = new List<(DockerNetwork Network, IpAddress? Fixed6, IpAddress? Fixed4, SyntaxNode Node)>();
        foreach (var node in on.Values)
        {
            if (!networks.TryGetValue(node.Text, out var network))
            {
                // A network that failed to bind reported its own error; the container is dropped without another.
                if (!environment.FailedNetworks.Contains(node.Text))
                    context.Diagnostics.Report(DiagnosticDefinitions.UnknownName, node.Span, "network", node.Text, NameHints.For(node.Text, environment.Networks.Select(n => n.Name)));
                continue;
            }
            if (attached.Any(a => a.Network.Name == network.Name))
            {
                context.Diagnostics.Report(DiagnosticDefinitions.DuplicateSetting, node.Span, "network " + network.Name);
                continue;
            }
            if (attached.Count > 0 && attached[0].Network.Host != network.Host)
            {
                context.Diagnostics.Report(DiagnosticDefinitions.ContainerNetworksOnTwoHosts, node.Span, nameNode.Text,
                    attached[0].Network.Name, attached[0].Network.Host, network.Name, network.Host);
                continue;
            }
            attached.Add((network, null, null, node));
        }
        // A container whose name is invalid or taken is not bound further (its name is declared all the same).
        if (name is null || attached.Count == 0) return Dropped(diagnostics.Items.Count);
        int earlyCount = diagnostics.Items.Count;

        string? image = null;
        foreach (var s in syntax.Images)
        {
            image = context.Values.Text(s.Value, "image");
            if (image is not null && SafeText.FirstUnsafeInImage(image) is { } bad)
            {
                context.Diagnostics.Report(DiagnosticDefinitions.UnsafeText, s.Value.Span, "Image", "\"" + SafeText.Printable(image) + "\"", SafeText.Describe(bad), "an image reference (docker.sh, Engine API)");
                image = null;
            }
        }
        if (image is null && !syntax.Images.Any() && !statement.HasErrors)
            context.Diagnostics.Report(DiagnosticDefinitions.MissingSetting, nameNode.Span, "Container", name, "image");
        var command = EquatableArray<string>.Empty;
        foreach (var s in syntax.Commands)
            command = context.Values.StringList(s.Value, "a command list such as [\"/bin/sh\", \"-c\", \"…\"]") ?? command;

        foreach (var s in syntax.Addresses)
        {
            SyntaxNode addressNode;
            int index;
            if (s.Address is { } second)
            {
                var networkNode = s.NetworkOrAddress;
                index = attached.FindIndex(a => a.Network.Name == networkNode.Text);
                if (index < 0 && environment.FailedNetworks.Contains(networkNode.Text)) continue;
                if (index < 0)
                {
                    context.Diagnostics.Report(DiagnosticDefinitions.UnknownName, networkNode.Span, "network of this container", networkNode.Text,
                        NameHints.For(networkNode.Text, attached.Select(a => a.Network.Name)));
                    continue;
                }
                addressNode = second;
            }
            else
            {
                if (attached.Count > 1)
                {
                    context.Diagnostics.Report(DiagnosticDefinitions.ExpectedToken, s.NetworkOrAddress.Span, "a network name", "before the address (the container has several networks)", s.NetworkOrAddress.Describe());
                    continue;
                }
                index = 0;
                addressNode = s.NetworkOrAddress;
            }
            var address = context.Values.Address(addressNode, "container address");
            if (address is not { } a) continue;
            var entry = attached[index];
            var subnet = a.IsV4 ? entry.Network.Subnet4 : entry.Network.Subnet6;
            if (subnet is null || !subnet.Value.Contains(a))
            {
                context.Diagnostics.Report(DiagnosticDefinitions.AddressOutsideSubnet, addressNode.Span, "Address", a, subnet?.ToString() ??
                    (a.IsV4 ? "the network's subnets (declare an IPv4 subnet first)" : "the network's subnets (it is IPv4-only: declare an IPv6 subnet first)"));
                continue;
            }
            var gateway = a.IsV4 ? entry.Network.Gateway4 : entry.Network.Gateway6;
            if (a == gateway)
            {
                context.Diagnostics.Report(DiagnosticDefinitions.ReservedAddress, addressNode.Span, a, "the gateway", entry.Network.Name);
                continue;
            }
            if (a == subnet.Value.FirstAddress || (a.IsV4 && a == BroadcastOf(subnet.Value)))
            {
                context.Diagnostics.Report(DiagnosticDefinitions.ReservedAddress, addressNode.Span, a, a == subnet.Value.FirstAddress ? "the network address" : "the broadcast address", entry.Network.Name);
                continue;
            }
            attached[index] = a.IsV4 ? (entry.Network, entry.Fixed6, a, addressNode) : (entry.Network, a, entry.Fixed4, addressNode);
        }

        bool tty = syntax.Ttys.Any();
        bool interactive = syntax.Interactives.Any();
        var container = new Container(name, image ?? "", command, tty, interactive, EquatableArray<NetworkAttachment>.Empty, EquatableArray<Route>.Empty, statement.Span);
        return new ContainerDraft(name, nameNode.Span, container,
            attached.Select(a => new DraftAttachment(a.Network.Name, a.Fixed6, a.Fixed4, a.Node.Span)).ToEquatableArray(),
            diagnostics.Items.Take(earlyCount).ToEquatableArray(), diagnostics.Items.Skip(earlyCount).ToEquatableArray(), parameters.Used, written);
    }

    /// <summary>
    /// The drafts in declaration order: names declared (a taken one drops its container), diagnostics and parameter
    /// use carried over, then the addresses predicted across all of them.
    /// </summary>
    public static List<Container> Complete(BindingContext context, IEnumerable<ContainerDraft> drafts, IReadOnlyDictionary<string, DockerNetwork> networks,
        IReadOnlyList<DockerHost> hosts)
    {
        var pending = new List<Pending>();
        foreach (var draft in drafts)
        {
            bool declared = draft.Name is not null && context.Declare(draft.Name, "container", draft.NameSpan);
            foreach (var d in draft.Early) context.Diagnostics.Add(d);
            if (draft.Container is null && draft.WrittenName is { } written) context.Failed(ContainerSyntax.Keyword, written, draft.NameSpan);
            if (!declared || draft.Container is not { } c) continue;
            foreach (var d in draft.Late) context.Diagnostics.Add(d);
            foreach (var name in draft.UsedParameters) context.Parameters.MarkUsed(name);
            // A draft resolved its networks against an environment equal to these networks, so each is found.
            var attachments = draft.Attachments.Where(a => networks.ContainsKey(a.Network)).Select(a => (networks[a.Network], a.Fixed6, a.Fixed4, a.Span)).ToList();
            if (attachments.Count > 0) pending.Add(new Pending(c, attachments));
        }
        return Predict(context, pending, hosts);
    }

    private static IpAddress BroadcastOf(IpPrefix subnet) => subnet.FirstAddress.Add((1UL << (32 - subnet.Length)) - 1);

    private static List<Container> Predict(BindingContext context, List<Pending> pending, IReadOnlyList<DockerHost> hosts)
    {
        // Every fixed address is reserved before any dynamic one is handed out, as apply pins them all.
        var used = new Dictionary<(string Network, IpAddress Address), string>();
        foreach (var p in pending)
        {
            foreach (var a in p.Attachments)
            {
                foreach (var fixedAddress in new[] { a.Fixed6, a.Fixed4 })
                {
                    if (fixedAddress is not { } f) continue;
                    if (used.TryGetValue((a.Network.Name, f), out var owner))
                        context.Diagnostics.Report(DiagnosticDefinitions.AddressCollision, a.Span, f, "container " + owner);
                    else
                        used[(a.Network.Name, f)] = p.Container.Name;
                }
            }
        }

        var macFromIpv4 = new HashSet<string>(hosts.Where(h => EngineTable.ContainerMacs.For(h.Engine, ContainerMac.Random) == ContainerMac.FromIpv4).Select(h => h.Name), System.StringComparer.Ordinal);
        var next6 = new Dictionary<string, IpAddress>();
        var next4 = new Dictionary<string, IpAddress>();
        var result = new List<Container>();
        foreach (var p in pending)
        {
            var attachments = new List<NetworkAttachment>();
            var routes = new List<Route>();
            for (int i = 0; i < p.Attachments.Count; i++)
            {
                var (network, fixed6, fixed4, span) = p.Attachments[i];
                string ifName = "eth" + i;
                IpAddress? ipv6 = fixed6;
                if (ipv6 is null && network.Subnet6 is { } s6)
                {
                    ipv6 = Allocate(context, network, s6, network.IpRange6, network.Gateway6!.Value, next6, used, p.Container.Name, span);
                    if (ipv6 is null) continue;     // the pool is exhausted (reported)
                }
                IpAddress? ipv4 = fixed4;
                if (ipv4 is null && network.Subnet4 is { } s4)
                {
                    ipv4 = Allocate(context, network, s4, network.IpRange4, network.Gateway4!.Value, next4, used, p.Container.Name, span);
                    if (ipv4 is null && network.Subnet6 is null) continue;  // an IPv4-only network's pool is exhausted (reported)
                }
                MacAddress? mac = ipv4 is { } v4 && macFromIpv4.Contains(network.Host) ? MacAddress.DockerFromIpv4(v4) : null;
                // On an IPv4-only network the interface has a link-local only where the engine leaves IPv6 on it.
                var host = hosts.FirstOrDefault(h => h.Name == network.Host);
                bool linkLocal = network.EnableIpv6 || (host is not null && EngineTable.Ipv4OnlyInterfaceKeepsIpv6.For(host.Engine, false));
                attachments.Add(new NetworkAttachment(network.Name, ifName, ipv6, fixed6 is not null, network.Subnet6?.Length, ipv4, mac,
                    linkLocal ? mac?.LinkLocal() : null, span));
                // The first network's gateway is the default route; on engines that give one per network, every one is.
                bool defaultRoute = i == 0 || (host is not null && EngineTable.DefaultRoutePerNetwork.For(host.Engine, false));
                if (network.Subnet6 is { } subnet6)
                {
                    routes.Add(new Route(subnet6, null, ifName, RouteOrigin.Static, span));
                    if (defaultRoute) routes.Add(new Route(DefaultRoute, network.Gateway6, ifName, RouteOrigin.Static, span));
                }
                // Docker gives every endpoint on a network with an IPv4 subnet its connected route and the first network's
                // IPv4 gateway as the default route, as for IPv6.
                if (ipv4 is not null && network.Subnet4 is { } subnet4 && network.Gateway4 is { } gateway4)
                {
                    routes.Add(new Route(subnet4, null, ifName, RouteOrigin.Static, span));
                    if (defaultRoute) routes.Add(new Route(DefaultRoute4, gateway4, ifName, RouteOrigin.Static, span));
                }
            }
            result.Add(p.Container with { Attachments = attachments.ToEquatableArray(), PredictedRoutes = routes.ToEquatableArray() });
        }
        return result;
    }

    /// <summary>
    /// The lowest free address at or after the last one handed out. Docker reserves the subnet's first address
    /// (network / subnet-router anycast) and, on IPv4, the broadcast address; an ip-range limits the pool.
    /// </summary>
    private static IpAddress? Allocate(BindingContext context, DockerNetwork network, IpPrefix subnet, IpPrefix? range, IpAddress gateway,
        Dictionary<string, IpAddress> next, Dictionary<(string Network, IpAddress Address), string> used, string container, NetDsl.Text.SourceSpan span)
    {
        var pool = range ?? subnet;
        var candidate = next.TryGetValue(network.Name, out var n) ? n : pool.FirstAddress;
        for (int guard = 0; guard < 1_000_000; guard++)
        {
            if (candidate == subnet.FirstAddress)
            {
                candidate = candidate.Add(1);
                continue;
            }
            if (!pool.Contains(candidate) || (candidate.IsV4 && candidate == BroadcastOf(subnet)))
            {
                context.Diagnostics.Report(DiagnosticDefinitions.SubnetTooSmallForContainers, span, pool, container);
                return null;
            }
            if (candidate != gateway && !used.ContainsKey((network.Name, candidate)))
            {
                used[(network.Name, candidate)] = container;
                next[network.Name] = candidate.Add(1);
                return candidate;
            }
            candidate = candidate.Add(1);
        }
        context.Diagnostics.Report(DiagnosticDefinitions.SubnetTooSmallForContainers, span, pool, container);
        return null;
    }
}
