using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using NetDsl.Addressing;
using NetDsl.Lab.Devices;
using NetDsl.Lab.Namespaces;
using NetDsl.Lab.Translators;
using NetDsl.Docker.Host;
using NetDsl.Nptv6;

namespace NetDsl.Lab.Tests.Nptv6;

/// <summary>
/// The kernel oracle: three namespaces in a line, inside ── router ── outside, with the Linux SNPT/DNPT targets
/// on the router for every rule, and a TUN device in the router to inject crafted packets.
///
///   inside (vi fd00:ffff::2) ── (ri fd00:ffff::1) router (ro 2001:db8:fffe::1) ── (vo 2001:db8:fffe::2) outside
///                                         └─ tun (crafted packets in either direction)
///
/// Rules are not bound to interfaces (SNPT on every packet leaving with an inside source, DNPT on every packet
/// arriving for an outside address), so a packet injected on the TUN device is translated whichever way it goes.
/// All traffic stays in these namespaces: ULA inside, 2001:db8::/32 outside.
///
/// With <see cref="OracleTranslator.GatewayNfQueue"/> or <see cref="OracleTranslator.GatewayTun"/> the same router runs
/// NetDsl's live gateway (`netdsl nptv6 run --linux`) instead of SNPT/DNPT, so the same oracle holds it to the same bytes.
/// </summary>
public sealed class NptOracleLab : IAsyncDisposable
{
    public static readonly IpAddress InsideHost = IpAddress.Parse("fd00:ffff::2");
    public static readonly IpAddress RouterInside = IpAddress.Parse("fd00:ffff::1");
    public static readonly IpAddress RouterOutside = IpAddress.Parse("2001:db8:fffe::1");
    public static readonly IpAddress OutsideHost = IpAddress.Parse("2001:db8:fffe::2");

    private readonly List<NetworkNamespace> _namespaces = new();

    private NptOracleLab(string suffix, IReadOnlyList<Nptv6Translator> rules, OracleTranslator translator)
    {
        Suffix = suffix;
        Rules = rules;
        Translator = translator;
    }

    public OracleTranslator Translator { get; }

    /// <summary>The live gateway (`netdsl nptv6 run` in the router), when <see cref="Translator"/> is one.</summary>
    public GatewayProcess? Gateway { get; private set; }

    public string Suffix { get; }

    public IReadOnlyList<Nptv6Translator> Rules { get; }

    public NetworkNamespace Inside { get; private set; } = null!;

    public NetworkNamespace Router { get; private set; } = null!;

    public NetworkNamespace Outside { get; private set; } = null!;

    public TunDevice Tun { get; private set; } = null!;

    // With the AF_XDP gateway, packets must arrive on the router's veths to be seen: they are injected into the inside
    // and the outside host instead, which forward them to the router (one more hop, so one more off the hop limit).
    private TunDevice? _insideTun, _outsideTun;

    /// <summary>How many routers a crafted packet crosses before it is captured: the router, and with XDP the edge host too.</summary>
    public int Hops => Translator == OracleTranslator.GatewayXdp ? 2 : 1;

    /// <summary>Injects a crafted packet where it starts: into the router (or, with XDP, into the host it comes from).</summary>
    public void Inject(byte[] packet, Nptv6Direction direction)
    {
        if (Translator != OracleTranslator.GatewayXdp) Tun.Write(packet);
        else (direction == Nptv6Direction.Outbound ? _insideTun! : _outsideTun!).Write(packet);
    }

    public static async Task<NptOracleLab> CreateAsync(IReadOnlyList<Nptv6Translator> rules, OracleTranslator translator = OracleTranslator.Kernel)
    {
        string suffix = Guid.NewGuid().ToString("N").Substring(0, 6);
        var lab = new NptOracleLab(suffix, rules, translator);
        try
        {
            await lab.BuildAsync();
        }
        catch
        {
            await lab.DisposeAsync();
            throw;
        }
        return lab;
    }

    private async Task BuildAsync()
    {
        Inside = await AddNamespaceAsync("ndsl-npt-i-" + Suffix);
        Router = await AddNamespaceAsync("ndsl-npt-r-" + Suffix);
        Outside = await AddNamespaceAsync("ndsl-npt-o-" + Suffix);
        await Inside.ConnectAsync("vi", Router, "ri");
        await Router.ConnectAsync("ro", Outside, "vo");

        await Router.ExecCheckedAsync("sysctl", "-qw", "net.ipv6.conf.all.forwarding=1");
        // Router solicitations and autoconfiguration would only add noise to the captures.
        foreach (var ns in new[] { Inside, Outside })
            await ns.ExecCheckedAsync("sysctl", "-qw", "net.ipv6.conf.all.router_solicitations=0");
        await Inside.ExecCheckedAsync("ip", "-6", "addr", "add", InsideHost + "/64", "dev", "vi", "nodad");
        await Inside.ExecCheckedAsync("ip", "-6", "route", "add", "default", "via", RouterInside.ToString());
        await Router.ExecCheckedAsync("ip", "-6", "addr", "add", RouterInside + "/64", "dev", "ri", "nodad");
        await Router.ExecCheckedAsync("ip", "-6", "addr", "add", RouterOutside + "/64", "dev", "ro", "nodad");
        await Outside.ExecCheckedAsync("ip", "-6", "addr", "add", OutsideHost + "/64", "dev", "vo", "nodad");
        await Outside.ExecCheckedAsync("ip", "-6", "route", "add", "default", "via", RouterOutside.ToString());
        // Answer every echo in a burst of pings (the global ICMP limit allows a burst of only 50 by default).
        await Outside.ExecAsync("sysctl", "-qw", "net.ipv6.icmp.ratelimit=0", "net.ipv4.icmp_msgs_burst=10000", "net.ipv4.icmp_msgs_per_sec=10000");

        // Stateless, as RFC 6296 is: no conntrack, so nothing but the NPT targets touches the packets.
        await Router.ExecCheckedAsync("ip6tables", "-t", "raw", "-A", "PREROUTING", "-j", "CT", "--notrack");
        foreach (var translator in Rules)
        {
            string inside = translator.Prefixes.Inside.ToString(), outside = translator.Prefixes.Outside.ToString();
            await Router.ExecCheckedAsync("ip", "-6", "route", "add", inside, "via", InsideHost.ToString(), "dev", "ri");
            // The kernel's targets, or NFQUEUE to the gateway in the same places; the TUN gateway adds routes instead.
            if (Translator == OracleTranslator.Kernel)
            {
                await Router.ExecCheckedAsync("ip6tables", "-t", "mangle", "-A", "POSTROUTING", "-s", inside,
                    "-j", "SNPT", "--src-pfx", inside, "--dst-pfx", outside);
                await Router.ExecCheckedAsync("ip6tables", "-t", "mangle", "-A", "PREROUTING", "-d", outside,
                    "-j", "DNPT", "--src-pfx", outside, "--dst-pfx", inside);
            }
            else if (Translator == OracleTranslator.GatewayNfQueue)
            {
                await Router.ExecCheckedAsync("ip6tables", "-t", "mangle", "-A", "POSTROUTING", "-s", inside, "-j", "NFQUEUE", "--queue-num", "100");
                await Router.ExecCheckedAsync("ip6tables", "-t", "mangle", "-A", "PREROUTING", "-d", outside, "-j", "NFQUEUE", "--queue-num", "101");
            }
        }
        if (Translator != OracleTranslator.Kernel)
        {
            // Every rule in one gateway: their prefixes are disjoint, so first match picks the rule the kernel would.
            var arguments = Rules.SelectMany(r => new[] { "--inside", r.Prefixes.Inside.ToString(), "--outside", r.Prefixes.Outside.ToString() }).ToList();
            arguments.Add("--linux");
            arguments.AddRange(Translator switch
            {
                OracleTranslator.GatewayNfQueue => new[] { "--nfqueue", "100" },
                OracleTranslator.GatewayXdp => new[] { "--xdp", "ri,ro" },
                _ => new[] { "--tun", "ndg" + Suffix, "--route" },
            });
            Gateway = await GatewayProcess.StartAsync(NetDsl.Cli.SelfCommand.Prefix(), Router.Name, arguments, System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ndsl-npt-" + Suffix), "gateway");
        }

        // Resolve both neighbours now: packets that arrive while the router is still resolving one wait in a short
        // queue and the excess is dropped, which would look like a translator dropping them.
        await Router.ExecCheckedAsync("ping", "-6", "-n", "-q", "-c", "1", "-W", "2", InsideHost.ToString());
        await Router.ExecCheckedAsync("ping", "-6", "-n", "-q", "-c", "1", "-W", "2", OutsideHost.ToString());
        await Inside.ExecCheckedAsync("ping", "-6", "-n", "-q", "-c", "1", "-W", "2", RouterInside.ToString());
        await Outside.ExecCheckedAsync("ping", "-6", "-n", "-q", "-c", "1", "-W", "2", RouterOutside.ToString());

        // The TUN device is opened here (root namespace) and moved into the router; its descriptor follows it.
        Tun = TunDevice.Create("ndt" + Suffix);
        await NetDsl.Docker.Processes.ProcessRunner.RunAsync("ip", new[] { "link", "set", Tun.Name, "netns", Router.Name }).ContinueWith(t => t.Result.EnsureSuccess());
        await Router.ExecCheckedAsync("sysctl", "-qw", $"net.ipv6.conf.{Tun.Name}.accept_ra=0");
        await Router.ExecCheckedAsync("ip", "link", "set", Tun.Name, "up");
        if (Translator == OracleTranslator.GatewayXdp)
        {
            _insideTun = await EdgeTunAsync(Inside, "ndi" + Suffix);
            _outsideTun = await EdgeTunAsync(Outside, "ndo" + Suffix);
            // Inbound packets for the inside prefixes end at the inside host (captured there), not forwarded back.
            foreach (var rule in Rules)
                await Inside.ExecCheckedAsync("ip", "-6", "route", "add", "blackhole", rule.Prefixes.Inside.ToString());
        }
    }

    private static async Task<TunDevice> EdgeTunAsync(NetworkNamespace ns, string name)
    {
        var tun = TunDevice.Create(name);
        await NetDsl.Docker.Processes.ProcessRunner.RunAsync("ip", new[] { "link", "set", tun.Name, "netns", ns.Name }).ContinueWith(t => t.Result.EnsureSuccess());
        await ns.ExecCheckedAsync("sysctl", "-qw", "net.ipv6.conf.all.forwarding=1", $"net.ipv6.conf.{tun.Name}.accept_ra=0");
        await ns.ExecCheckedAsync("ip", "link", "set", tun.Name, "up");
        return tun;
    }

    /// <summary>Adds addresses to the inside host (so it can ping from them and the router can reach them).</summary>
    public async Task AddInsideAddressesAsync(IEnumerable<IpAddress> addresses)
    {
        var batch = new StringBuilder();
        foreach (var address in addresses.Distinct()) batch.Append("addr add ").Append(address).Append("/128 dev vi nodad\n");
        (await Inside.ExecWithInputAsync(batch.ToString(), "ip", "-batch", "-")).EnsureSuccess();
    }

    private async Task<NetworkNamespace> AddNamespaceAsync(string name)
    {
        var ns = await NetworkNamespace.CreateAsync(name);
        _namespaces.Add(ns);
        return ns;
    }

    public async ValueTask DisposeAsync()
    {
        if (Gateway is not null)
        {
            await Gateway.StopAsync();
            try { System.IO.Directory.Delete(System.IO.Path.GetDirectoryName(Gateway.StatusPath)!, recursive: true); }
            catch (System.IO.IOException) { }
        }
        Tun?.Dispose();
        _insideTun?.Dispose();
        _outsideTun?.Dispose();
        foreach (var ns in _namespaces) await ns.DisposeAsync();
        _namespaces.Clear();
    }
}

/// <summary>Who translates in the oracle's router.</summary>
public enum OracleTranslator
{
    /// <summary>Linux's SNPT/DNPT targets.</summary>
    Kernel,

    /// <summary>`netdsl nptv6 run --nfqueue`: NFQUEUE targets where SNPT/DNPT were.</summary>
    GatewayNfQueue,

    /// <summary>`netdsl nptv6 run --tun --route`: routes into a TUN device (tayga's design).</summary>
    GatewayTun,

    /// <summary>`netdsl nptv6 run --xdp ri,ro`: AF_XDP on the router's veths, the gateway forwarding the rule's packets itself.</summary>
    GatewayXdp,
}
