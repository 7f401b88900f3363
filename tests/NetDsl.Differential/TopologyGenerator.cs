using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetDsl.Model;
using NetDsl.Tracing;

namespace NetDsl.Differential;

/// <summary>Which engines the generated Docker hosts run (each is labbed on the real one: dockerd 20.10 or Podman 4.3).</summary>
public enum EngineMix
{
    /// <summary>Per host: Docker 20.10 without ip6tables, with ip6tables (and experimental), or Podman 4.3.</summary>
    Mixed,

    /// <summary>Every host Docker 20.10 without ip6tables rules (the engine makes no IPv6 firewall).</summary>
    Docker,

    /// <summary>Every host Docker 20.10 with ip6tables true and experimental true (its IPv6 masquerade, isolation, DROP policy).</summary>
    DockerIp6Tables,

    /// <summary>Every host Podman 4.3 with netavark (its masquerade and isolation, no daemon block).</summary>
    Podman,
}

/// <summary>What to generate beyond the default language (settings that need other parts of NetDsl first).</summary>
/// <param name="Engines">Which engines the Docker hosts run (NETDSL_DIFF_ENGINE=mixed|docker|docker-ip6tables|podman).</param>
/// <param name="Ipv4OnlyNetworks">Docker networks may be IPv4 only (on every fifth seed the first host's last network is).</param>
public sealed record GeneratorOptions(EngineMix Engines = EngineMix.Mixed, bool Ipv4OnlyNetworks = true)
{
    public static GeneratorOptions Default { get; } = new();

    /// <summary>The options of this run: NETDSL_DIFF_ENGINE picks the engines (default: mixed).</summary>
    public static GeneratorOptions FromEnvironment() => Default with { Engines = ParseEngines(System.Environment.GetEnvironmentVariable("NETDSL_DIFF_ENGINE")) ?? EngineMix.Mixed };

    public static EngineMix? ParseEngines(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "mixed" => EngineMix.Mixed,
        "docker" => EngineMix.Docker,
        "docker-ip6tables" => EngineMix.DockerIp6Tables,
        "podman" => EngineMix.Podman,
        _ => null,
    };
}

/// <summary>A generated file: its pieces (for the shrinker), its text, and the classes it contains.</summary>
public sealed record GeneratedTopology(int Seed, IReadOnlyList<Block> Blocks, FeatureCounts Features)
{
    public string Text => Block.Render(Blocks);
}

/// <summary>
/// Seeded random valid topologies across the whole language: one or two Docker hosts with one or two networks each
/// (dual stack or IPv6 only, declared or engine-chosen bridge names, ip-range, gateway, fixed addresses, containers on
/// two networks, a subnet reused on two unrouted hosts), masqueraded or routed; a router with static routes (global
/// or link-local next hops); a PAN-OS firewall with allow rules and several NPTv6 rules (one per /64, a /48, several
/// mappings; sometimes a source no rule covers); an upstream with routes (sometimes back to the unique-local site) and
/// external hosts (IPv6 and IPv4); IPv4 on the infrastructure or not; expects in every direction, positive and negative
/// (their kind from trace, so the file checks — a few deliberately wrong). Four shapes rotate with the seed: host —
/// router — firewall — upstream; without the firewall; without the router; host — upstream.
/// Every address is lab-safe (unique-local, documentation, private IPv4), so each file can be labbed as it is.
/// </summary>
public sealed class TopologyGenerator
{
    private enum Shape { Full, NoFirewall, NoRouter, Direct }

    private readonly Random _rng;
    private readonly int _seed;
    private readonly GeneratorOptions _options;
    private readonly FeatureCounts _features = new();

    private TopologyGenerator(int seed, GeneratorOptions options)
    {
        _seed = seed;
        _rng = new Random(seed);
        _options = options;
    }

    public static GeneratedTopology Generate(int seed, GeneratorOptions? options = null) => new TopologyGenerator(seed, options ?? GeneratorOptions.Default).Build();

    private bool Chance(double p) => _rng.NextDouble() < p;

    private T Pick<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];

    private static string Hex(int v) => v.ToString("x", CultureInfo.InvariantCulture);

    private static string Dec(int v) => v.ToString(CultureInfo.InvariantCulture);

    private sealed record HostPlan(string Name, string Uplink, string Address6, string? Address4, bool Masquerade, List<NetPlan> Networks, EngineMix Engine);

    /// <summary>A network: IPv6 (Subnet6Base), dual-stack (both) or IPv4-only (Subnet4Base alone).</summary>
    private sealed record NetPlan(string Name, string Host, string? Subnet6Base, string? Subnet4Base, string? BridgeName);

    private sealed record Endpoint(string Name, bool IsContainer);

    private GeneratedTopology Build()
    {
        var shape = (Shape)(_seed % 4);
        string site = $"fd{Hex(_rng.Next(0x10, 0x100))}:{Hex(_rng.Next(0x1000, 0x10000))}:{Hex(_rng.Next(0x1000, 0x10000))}";
        int s4 = _rng.Next(1, 250);                        // 10.s4.0.0/16 is the site's IPv4
        int transitWord = _rng.Next(0x1000, 0xf000);       // 2001:db8:T:ffff::/64 outside the firewall
        int publicWord = _rng.Next(0x1000, 0xf000);        // 2001:db8:P::/48 the site's translated prefix
        bool ipv4 = Chance(0.6);
        if (ipv4) _features.Add(TopologyClass.Ipv4Infrastructure);
        bool gatewayLinkLocal = Chance(0.5);
        string lan6 = site + ":a::";
        string lan4 = $"10.{s4}.10.";
        string transit6 = $"2001:db8:{Hex(transitWord)}:ffff::";

        var blocks = new List<Block>();
        var expects = new List<Block>();

        // Docker hosts and their networks.
        // Every eighth seed reuses a subnet on two unrouted hosts (rare by chance alone, so scheduled).
        bool reuse = _seed % 8 == 7;
        int hostCount = reuse || Chance(0.45) ? 2 : 1;
        _features.Add(hostCount == 2 ? TopologyClass.TwoDockerHosts : TopologyClass.OneDockerHost);
        var hosts = new List<HostPlan>();
        int v4Net = 0;
        for (int h = 0; h < hostCount; h++)
        {
            bool masquerade = reuse || Chance(0.55);
            _features.Add(masquerade ? TopologyClass.Masquerade : TopologyClass.RoutedHost);
            var engine = _options.Engines != EngineMix.Mixed ? _options.Engines
                : _rng.NextDouble() switch { < 0.45 => EngineMix.Docker, < 0.75 => EngineMix.DockerIp6Tables, _ => EngineMix.Podman };
            _features.Add(engine switch { EngineMix.Docker => TopologyClass.DockerWithoutIp6Tables, EngineMix.DockerIp6Tables => TopologyClass.DockerWithIp6Tables, _ => TopologyClass.PodmanHost });
            var host = new HostPlan("dh" + Dec(h + 1), Pick(new[] { "ens192", "ens224", "eth1" }), lan6 + Hex(0x10 + h), ipv4 ? lan4 + Dec(10 + h) : null, masquerade, new List<NetPlan>(), engine);
            int nets = Chance(0.4) ? 2 : 1;
            for (int n = 0; n < nets; n++)
            {
                string name = $"n{h + 1}{(char)('a' + n)}";
                bool dual = Chance(0.55);
                // Scheduled, not drawn (so the other seeds' files stay as they were): the first host's last network
                // is IPv4-only on every fifth seed.
                bool ipv4Only = _options.Ipv4OnlyNetworks && _seed % 5 == 2 && h == 0 && n == nets - 1;
                string? sub6 = ipv4Only ? null : $"{site}:{Hex(0x100 + 0x10 * h + n)}::";
                string? sub4 = dual || ipv4Only ? $"172.{20 + v4Net++}.0." : null;
                host.Networks.Add(new NetPlan(name, host.Name, sub6, sub4, Chance(0.5) ? "br_" + name : null));
            }
            hosts.Add(host);
        }
        // Two unrouted hosts may reuse a subnet (legal: nothing routes to it).
        if (hostCount == 2 && hosts.All(h => h.Masquerade) && (reuse || Chance(0.3)))
        {
            var first = hosts[0].Networks[0];
            hosts[1].Networks[0] = hosts[1].Networks[0] with { Subnet6Base = first.Subnet6Base, Subnet4Base = first.Subnet4Base };
            _features.Add(TopologyClass.SubnetReusedOnTwoHosts);
        }

        // The gateway of the LAN and the devices behind it.
        string gw6 = lan6 + "1", gw4 = lan4 + "1";
        string gwName = shape switch { Shape.Full or Shape.NoFirewall => "r1", Shape.NoRouter => "fw1", _ => "isp" };
        string gwIf = shape switch { Shape.Full or Shape.NoFirewall => Pick(new[] { "Vlan10", "GigabitEthernet0/0/1" }), Shape.NoRouter => "ethernet1/2", _ => "lan" };

        var containers = new List<Endpoint>();
        var containerBlocks = new List<Block>();
        var networkBlocks = new List<Block>();
        foreach (var host in hosts)
        {
            var body = new List<Block>();
            if (host.Engine == EngineMix.Podman) body.Add(Block.Line("engine podman 4.3"));
            else if (Chance(0.3)) body.Add(Block.Line(Chance(0.5) ? "engine 20.10" : "engine docker 20.10"));
            body.Add(Block.Line($"interface {host.Uplink} address {host.Address6}/64" + (host.Address4 is null ? "" : $" address {host.Address4}/24")));
            body.Add(Block.Line(gatewayLinkLocal ? $"route ::/0 via fe80::1 dev {host.Uplink} proto ra" : $"route ::/0 via {gw6}"));
            if (gatewayLinkLocal) _features.Add(TopologyClass.LinkLocalNextHop);
            if (host.Address4 is not null) body.Add(Block.Line($"route 0.0.0.0/0 via {gw4}"));
            // Podman has no daemon.json (NDSL3202); Docker's own IPv6 firewall is on with ip6tables (and experimental on 20.10).
            if (host.Engine != EngineMix.Podman && (Chance(0.3) || host.Engine == EngineMix.DockerIp6Tables))
            {
                var daemon = new List<Block>();
                if (host.Engine == EngineMix.Docker || Chance(0.5)) daemon.Add(Block.Line($"ipv6 true  fixed-cidr-v6 {site}:{Hex(0xd00 + hosts.IndexOf(host))}::/64"));
                if (host.Engine == EngineMix.DockerIp6Tables) daemon.Add(Block.Line("ip6tables true  experimental true"));
                body.Add(Block.Braces("daemon", daemon));
                _features.Add(TopologyClass.DaemonSettings);
            }
            if (host.Masquerade) body.Add(Block.Line("masquerade ipv6 out-not lo"));
            blocks.Add(Block.Braces($"docker-host {host.Name}", body));

            foreach (var net in host.Networks)
            {
                var nb = new List<Block>();
                if (net.Subnet6Base is not null) nb.Add(Block.Line($"subnet {net.Subnet6Base}/64"));
                if (net.Subnet4Base is not null) nb.Add(Block.Line($"subnet {net.Subnet4Base}0/24"));
                _features.Add(net.Subnet6Base is null ? TopologyClass.Ipv4OnlyNetwork : net.Subnet4Base is null ? TopologyClass.Ipv6OnlyNetwork : TopologyClass.DualStackNetwork);
                if (net.BridgeName is not null) nb.Add(Block.Line($"bridge-name {net.BridgeName}"));
                _features.Add(net.BridgeName is null ? TopologyClass.EngineNamedBridge : TopologyClass.DeclaredBridgeName);
                if (Chance(0.2))
                {
                    nb.Add(Block.Line(net.Subnet6Base is null ? $"ip-range {net.Subnet4Base}128/25" : $"ip-range {net.Subnet6Base}100/120"));
                    _features.Add(TopologyClass.IpRange);
                }
                else if (Chance(0.15))
                {
                    nb.Add(Block.Line(net.Subnet6Base is null ? $"gateway {net.Subnet4Base}254" : $"gateway {net.Subnet6Base}fe"));
                    _features.Add(TopologyClass.CustomGateway);
                }
                networkBlocks.Add(Block.Braces($"network {net.Name} on {host.Name}", nb));
                int count = _rng.Next(1, 3);
                for (int c = 0; c < count; c++)
                {
                    string name = $"c{net.Name.Substring(1)}{c + 1}";
                    var cb = new List<Block> { Block.Line("image \"busybox\"") };
                    if (Chance(0.2))
                    {
                        cb.Add(Block.Line(net.Subnet6Base is null ? $"address {net.Subnet4Base}{Dec(0x40 + c)}" : $"address {net.Subnet6Base}{Hex(0x40 + c)}"));
                        _features.Add(TopologyClass.FixedAddress);
                    }
                    containerBlocks.Add(Block.Braces($"container {name} on {net.Name}", cb));
                    containers.Add(new Endpoint(name, true));
                }
            }
            if (host.Networks.Count == 2 && Chance(0.5))
            {
                string name = $"cx{host.Name.Substring(2)}";
                containerBlocks.Add(Block.Braces($"container {name} on {host.Networks[0].Name}, {host.Networks[1].Name}", new[] { Block.Line("image \"busybox\"") }));
                containers.Add(new Endpoint(name, true));
                _features.Add(TopologyClass.ContainerOnTwoNetworks);
            }
        }
        blocks.AddRange(networkBlocks);
        blocks.AddRange(containerBlocks);

        var routed = hosts.Where(h => !h.Masquerade).SelectMany(h => h.Networks.Select(n => (Host: h, Net: n))).ToList();
        string Ll(bool on) => on ? " link-local fe80::1" : "";
        var nptOutside = new List<(string Inside, string Outside, int Length)>();

        // The router.
        if (shape is Shape.Full or Shape.NoFirewall)
        {
            var body = new List<Block> { Block.Line($"interface {gwIf} address {gw6}/64" + (ipv4 ? $" address {gw4}/24" : "") + Ll(gatewayLinkLocal)) };
            string upIf = shape == Shape.Full ? "Vlan252" : "GigabitEthernet0/0/0";
            string up6 = shape == Shape.Full ? site + ":fc::2" : transit6 + "2";
            string upNext6 = shape == Shape.Full ? site + ":fc::1" : transit6 + "1";
            string up4 = shape == Shape.Full ? $"10.{s4}.252.2" : "198.51.100.2";
            string upNext4 = shape == Shape.Full ? $"10.{s4}.252.1" : "198.51.100.1";
            body.Add(Block.Line($"interface {upIf} address {up6}/64" + (ipv4 ? $" address {up4}/24" : "")));
            body.Add(Block.Line($"route ::/0 via {upIf} {upNext6}"));
            if (ipv4) body.Add(Block.Line($"route 0.0.0.0/0 via {upNext4}"));
            foreach (var (host, net) in routed.Where(r => r.Net.Subnet6Base is not null)) body.Add(Block.Line($"route {net.Subnet6Base}/64 via {gwIf} {host.Address6}"));
            foreach (var (host, net) in routed.Where(r => r.Net.Subnet4Base is not null && r.Host.Address4 is not null))
                body.Add(Block.Line($"route {net.Subnet4Base}0/24 via {host.Address4}"));
            blocks.Add(Block.Braces("router r1 ios", body));
            _features.Add(TopologyClass.RouterWithStaticRoutes);
        }

        // The firewall.
        if (shape is Shape.Full or Shape.NoRouter)
        {
            _features.Add(TopologyClass.Firewall);
            string trustIf = "ethernet1/2", untrustIf = "ethernet1/1";
            string trust6 = shape == Shape.Full ? site + ":fc::1" : gw6;
            string trust4 = shape == Shape.Full ? $"10.{s4}.252.1" : gw4;
            var body = new List<Block>
            {
                Block.Line($"interface {untrustIf} zone zUntrust address {transit6}250/64" + (ipv4 ? " address 198.51.100.250/24" : "")),
                Block.Line($"interface {trustIf} zone zTrust address {trust6}/64" + (ipv4 ? $" address {trust4}/24" : "") + (shape == Shape.NoRouter ? Ll(gatewayLinkLocal) : "")),
                Block.Line($"route ::/0 via {untrustIf} {transit6}1"),
            };
            if (ipv4) body.Add(Block.Line("route 0.0.0.0/0 via 198.51.100.1"));
            if (shape == Shape.Full)
            {
                body.Add(Block.Line($"route {site}::/48 via {trustIf} {site}:fc::2"));
                if (ipv4) body.Add(Block.Line($"route 10.{s4}.0.0/16 via 10.{s4}.252.2"));
            }
            else
            {
                foreach (var (host, net) in routed.Where(r => r.Net.Subnet6Base is not null)) body.Add(Block.Line($"route {net.Subnet6Base}/64 via {trustIf} {host.Address6}"));
                foreach (var (host, net) in routed.Where(r => r.Net.Subnet4Base is not null && r.Host.Address4 is not null))
                    body.Add(Block.Line($"route {net.Subnet4Base}0/24 via {host.Address4}"));
            }
            if (Chance(0.85))
            {
                body.Add(Block.Line("allow trust_to_untrust zTrust -> zUntrust"));
                _features.Add(TopologyClass.AllowRule);
            }
            else _features.Add(TopologyClass.NoAllowRule);
            if (Chance(0.12)) body.Add(Block.Line("allow untrust_to_trust zUntrust -> zTrust"));

            // Inside prefixes that reach the firewall as sources: the LAN (masqueraded hosts, the hosts themselves),
            // the transit (the router itself) and each routed network.
            var insides = new List<string> { lan6 };
            if (shape == Shape.Full) insides.Add(site + ":fc::");
            insides.AddRange(routed.Select(r => r.Net.Subnet6Base).OfType<string>().Distinct());
            var rules = new List<Block>();
            int layout = _rng.Next(3);
            if (layout == 0)
            {
                // One rule per /64, the usual PAN-OS layout, in a random order; sometimes one is missing.
                var order = insides.OrderBy(_ => _rng.Next()).ToList();
                if (order.Count > 1 && Chance(0.4))
                {
                    order.RemoveAt(0);
                    _features.Add(TopologyClass.SourceNoNptv6RuleCovers);
                }
                foreach (var inside in order)
                {
                    string outside = $"2001:db8:{Hex(publicWord)}:{Hex(0x6600 + insides.IndexOf(inside))}::";
                    rules.Add(Nptv6Rule("npt_" + Dec(insides.IndexOf(inside) + 1), untrustIf, (inside, outside)));
                    nptOutside.Add((inside, outside, 64));
                }
            }
            else if (layout == 1)
            {
                rules.Add(Nptv6Rule("npt_site", untrustIf, ($"{site}::", $"2001:db8:{Hex(publicWord)}::"), 48));
                nptOutside.Add(($"{site}::", $"2001:db8:{Hex(publicWord)}::", 48));
            }
            else
            {
                // Two rules, the first with several mappings.
                var half = insides.Take((insides.Count + 1) / 2).ToList();
                var rest = insides.Skip(half.Count).ToList();
                var mapped = half.Select(i => (i, $"2001:db8:{Hex(publicWord)}:{Hex(0x7700 + insides.IndexOf(i))}::")).ToArray();
                rules.Add(Nptv6Rule("npt_many", untrustIf, mapped));
                nptOutside.AddRange(mapped.Select(m => (m.i, m.Item2, 64)));
                if (mapped.Length > 1) _features.Add(TopologyClass.Nptv6RuleWithSeveralMappings);
                if (rest.Count > 0)
                {
                    var more = rest.Select(i => (i, $"2001:db8:{Hex(publicWord)}:{Hex(0x7700 + insides.IndexOf(i))}::")).ToArray();
                    rules.Add(Nptv6Rule("npt_rest", untrustIf, more));
                    nptOutside.AddRange(more.Select(m => (m.i, m.Item2, 64)));
                }
                else _features.Add(TopologyClass.SourceNoNptv6RuleCovers);
            }
            if (rules.Count > 1) _features.Add(TopologyClass.SeveralNptv6Rules);
            body.AddRange(rules);
            blocks.Add(Block.Braces("firewall fw1 panos", body));
        }

        // The upstream.
        {
            var body = new List<Block>();
            string upIf = "uplink";
            string? next6, next4;
            if (shape == Shape.Direct)
            {
                upIf = gwIf;
                body.Add(Block.Line($"interface {upIf} address {gw6}/64" + (ipv4 ? $" address {gw4}/24" : "") + Ll(gatewayLinkLocal)));
                foreach (var (host, net) in routed.Where(r => r.Net.Subnet6Base is not null)) body.Add(Block.Line($"route {net.Subnet6Base}/64 via {upIf} {host.Address6}"));
                foreach (var (host, net) in routed.Where(r => r.Net.Subnet4Base is not null && r.Host.Address4 is not null))
                    body.Add(Block.Line($"route {net.Subnet4Base}0/24 via {host.Address4}"));
                next6 = null;
                next4 = null;
            }
            else
            {
                body.Add(Block.Line($"interface {upIf} address {transit6}1/64" + (ipv4 ? " address 198.51.100.1/24" : "")));
                next6 = shape == Shape.NoFirewall ? transit6 + "2" : transit6 + "250";
                next4 = shape == Shape.NoFirewall ? "198.51.100.2" : "198.51.100.250";
                foreach (var (_, outside, length) in nptOutside) body.Add(Block.Line($"route {outside}/{length} via {upIf} {next6}"));
                if (nptOutside.Count > 0) _features.Add(TopologyClass.UpstreamRoutes);
                if (Chance(shape == Shape.NoFirewall ? 0.7 : 0.3))
                {
                    body.Add(Block.Line($"route {site}::/48 via {upIf} {next6}"));
                    _features.Add(TopologyClass.UlaBehindUpstreamWithRouteBack);
                    _features.Add(TopologyClass.UpstreamRoutes);
                }
                if (ipv4 && Chance(0.7)) body.Add(Block.Line($"route 10.{s4}.0.0/16 via {next4}"));
            }
            body.Add(Block.Line($"host www 2001:db8:ffff:{Hex(_rng.Next(1, 0x100))}::80"));
            if (ipv4)
            {
                body.Add(Block.Line($"host web4 203.0.113.{_rng.Next(2, 250)}"));
                _features.Add(TopologyClass.UpstreamIpv4Host);
            }
            blocks.Add(Block.Braces("upstream isp", body));
        }

        blocks.AddRange(Expects(Block.Render(blocks), hosts, containers));
        return new GeneratedTopology(_seed, blocks, _features);
    }

    private Block Nptv6Rule(string name, string untrustIf, params (string Inside, string Outside)[] mappings) => Nptv6Rule(name, untrustIf, mappings, 64);

    private Block Nptv6Rule(string name, string untrustIf, (string Inside, string Outside) mapping, int length) => Nptv6Rule(name, untrustIf, new[] { mapping }, length);

    private static Block Nptv6Rule(string name, string untrustIf, (string Inside, string Outside)[] mappings, int length) =>
        Block.Braces($"nptv6 {name} from zTrust to zUntrust interface {untrustIf}", mappings.Select(m => Block.Line($"{m.Inside}/{length} -> {m.Outside}/{length}")));

    /// <summary>
    /// Expects in every direction. Each candidate is traced on the file without expects: a path that works becomes
    /// `ping`, one whose request never arrives `no-ping`; one in ten is flipped, so some expects fail (as trace says).
    /// </summary>
    private IEnumerable<Block> Expects(string text, List<HostPlan> hosts, List<Endpoint> containers)
    {
        var compiled = NetDslCompiler.Compile(text, "generated.netdsl");
        if (compiled.Model is null) yield break;   // the generator's own bug: the test that compiles every seed names it
        var model = compiled.Model;
        var tracer = new PathTracer(model);
        var sources = containers.Select(c => c.Name).Concat(hosts.Select(h => h.Name)).Concat(model.Routers.Select(r => r.Name))
            .Concat(model.Firewalls.Select(f => f.Name)).Concat(new[] { "isp" }).ToList();
        var named = sources.Concat(model.Upstreams.SelectMany(u => u.Hosts).Select(h => h.Name)).ToList();
        var seen = new HashSet<string>();
        int wanted = _rng.Next(5, 10);
        for (int attempt = 0; attempt < 60 && seen.Count < wanted; attempt++)
        {
            string from = Chance(0.55) && containers.Count > 0 ? Pick(containers).Name : Pick(sources);
            string to = Target(model, from, named);
            if (to == from || !seen.Add(from + " " + to)) continue;
            var target = ExpectTarget.Parse(to)!;
            var trace = tracer.Trace(from, target);
            if (trace.Forward.Count == 0 && !trace.Reason!.StartsWith("no route", StringComparison.Ordinal))
            {
                seen.Remove(from + " " + to);   // nothing to send from or to: not an expect anyone writes
                continue;
            }
            bool positive = trace.Succeeded ? true : trace.DeliveredTo is null ? false : Chance(0.5);
            bool flip = Chance(0.1);
            if (flip) _features.Add(TopologyClass.FailingExpect);
            bool kind = positive != flip;
            _features.Add(kind ? TopologyClass.PositiveExpect : TopologyClass.NegativeExpect);
            if (trace.DeliveredTo is not null && !trace.Succeeded && !flip) _features.Add(TopologyClass.FailingExpect);
            Count(model, from, target);
            yield return Block.Line($"expect {(kind ? "ping" : "no-ping")} {from} -> {to}");
        }
    }

    private string Target(NetworkModel model, string from, List<string> named)
    {
        var container = model.FindContainer(from);
        double r = _rng.NextDouble();
        // IPv4 from a container needs its network's IPv4 subnet declared (else Docker picks it and trace says it cannot predict).
        bool sendsIpv4 = container is null || container.Attachments[0].Ipv4 is not null;
        if (r < 0.12 && sendsIpv4)
        {
            // IPv4 literals: a container's, a host's, the upstream's IPv4 host.
            var v4 = model.Containers.SelectMany(c => c.Attachments).Select(a => a.Ipv4).OfType<NetDsl.Addressing.IpAddress>()
                .Concat(model.Hosts.SelectMany(h => h.Interfaces.SelectMany(i => i.Addresses)).Where(a => a.IsV4).Select(a => a.Address))
                .Concat(model.Upstreams.SelectMany(u => u.Hosts).Where(h => h.Address.IsV4).Select(h => h.Address)).ToList();
            if (v4.Count > 0) return Pick(v4).ToString();
        }
        if (r < 0.2)
        {
            // Link-locals with their zone: the bridge's fe80::1 from a container; a container's EUI-64 from its host on a named bridge.
            if (container is not null) return "fe80::1%eth0";
            var host = model.FindHost(from);
            var onNamedBridge = host is null ? null : model.Containers.SelectMany(c => c.Attachments.Select(a => a))
                .FirstOrDefault(a => a.LinkLocal is not null && model.FindNetwork(a.Network) is { BridgeName: not null } n && n.Host == from);
            if (onNamedBridge is not null) return onNamedBridge.LinkLocal + "%" + model.FindNetwork(onNamedBridge.Network)!.BridgeName;
        }
        return Pick(named);
    }

    private void Count(NetworkModel model, string from, ExpectTarget to)
    {
        _features.Add(model.FindContainer(from) is not null ? TopologyClass.ExpectFromContainer
            : model.FindHost(from) is not null ? TopologyClass.ExpectFromDockerHost
            : model.FindRouter(from) is not null ? TopologyClass.ExpectFromRouter
            : model.FindFirewall(from) is not null ? TopologyClass.ExpectFromFirewall : TopologyClass.ExpectFromUpstream);
        if (to.Address is { IsV4: true }) _features.Add(TopologyClass.Ipv4Expect);
        if (to.Address is { IsLinkLocal: true }) _features.Add(TopologyClass.LinkLocalExpect);
        if (to.Name is { } n && model.FindContainer(n) is not null) _features.Add(TopologyClass.ExpectToContainer);
        if (to.Name is { } e && model.Upstreams.Any(u => u.Hosts.Any(h => h.Name == e))) _features.Add(TopologyClass.ExpectToExternalHost);
    }
}
