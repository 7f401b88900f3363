using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet.Models;
using NetDsl.Addressing;
using NetDsl.Docker.Engine;
using NetDsl.Docker.Host;
using NetDsl.Engines;
using NetDsl.Model;
using NetDsl.Planning;

namespace NetDsl.Docker.Verify;

/// <summary>
/// Checks a <see cref="VerifyPlan"/> against a live engine and host the way the seed did by hand: network inspect,
/// `ip -6 addr` and `ip -6 route` in each container (exec) and on the host, pings. Host facts need a local engine
/// (or the lab's namespace); on a remote engine they are skipped, as are external pings with skipExternal.
/// </summary>
public sealed class Verifier
{
    private readonly EngineClient _engine;
    private readonly HostShell _shell;
    private readonly bool _skipExternal;
    private readonly ConcurrentDictionary<string, Task<(int, string)>> _outputs = new();
    private IReadOnlyList<NetworkResponse>? _networks;
    private readonly Dictionary<string, ContainerInspectResponse?> _containers = new();
    private EngineRelease? _actual;

    public Verifier(EngineClient engine, HostShell shell, bool skipExternal)
    {
        _engine = engine;
        _shell = shell;
        _skipExternal = skipExternal;
    }

    /// <param name="devices">The host and its containers: facts about other devices (another host, routers) are not observable here.</param>
    public async Task<IReadOnlyList<FactResult>> VerifyAsync(VerifyPlan plan, IReadOnlyCollection<string> devices, CancellationToken ct = default)
    {
        await _engine.ConnectAsync(ct);
        _networks = (await _engine.Docker.Networks.ListNetworksAsync(new NetworksListParameters(), ct)).ToList();
        var results = new List<FactResult>();
        foreach (var fact in plan.Facts.Where(f => devices.Contains(f.Device)))
        {
            try
            {
                results.Add(await CheckAsync(fact, ct));
            }
            catch (Exception e) when (EngineErrors.IsEngineFailure(e))
            {
                results.Add(new FactResult(fact, FactOutcome.Fail, "(not observable)", EngineErrors.Describe(e, fact.Subject, _engine.Endpoint)));
            }
        }
        return results;
    }

    private Task<FactResult> CheckAsync(VerifyFact fact, CancellationToken ct) => fact switch
    {
        EngineVersionFact f => VersionAsync(f, ct),
        NetworkFieldFact f => Task.FromResult(NetworkField(f)),
        InterfaceAddressFact f => AddressAsync(f, ct),
        LinkLocalFact f => LinkLocalAsync(f, ct),
        RouteFact f => RouteAsync(f, ct),
        PingFact f => PingAsync(f, ct),
        NoPingFact f => NoPingAsync(f, ct),
        EngineFirewallFact f => EngineFirewallAsync(f, ct),
        Nptv6GatewayFact f => Task.FromResult(Gateway(f)),
        // Uplink addresses, masquerade rules and conntrack entries are checked from captures (netdsl verify --captures).
        _ => Task.FromResult(new FactResult(fact, FactOutcome.Skipped, "(not observable live: check it with --captures DIR)")),
    };

    private async Task<FactResult> VersionAsync(EngineVersionFact f, CancellationToken ct)
    {
        var identity = await _engine.ConnectAsync(ct);
        if (identity.Release is not { } actual)
            return new FactResult(f, FactOutcome.Fail, identity.ToString(), "unrecognised engine version");
        _actual = actual;
        bool same = actual == f.Engine;
        string? note = same ? null : PredictionNote(f.Engine, actual);
        return new FactResult(f, same ? FactOutcome.Pass : FactOutcome.Fail, actual + " (" + identity + ")", note);
    }

    /// <summary>Which predictions made for the declared engine do not hold for the running one (from the engine table).</summary>
    private static string PredictionNote(EngineRelease declared, EngineRelease actual)
    {
        var notes = new List<string> { $"the file declares engine {declared}: declare `engine {actual}` so predictions match" };
        notes.AddRange(EngineTable.Differences(declared, actual));
        return string.Join("; ", notes);
    }

    private FactResult NetworkField(NetworkFieldFact f)
    {
        var n = _networks!.FirstOrDefault(x => x.Name == f.Network);
        if (n is null) return new FactResult(f, FactOutcome.Fail, "(no such network)", "run netdsl apply");
        var fields = NetDsl.Docker.Apply.Observed.Fields(n);
        string key = f.Field switch
        {
            Planning.NetworkField.EnableIpv6 => "enable-ipv6",
            Planning.NetworkField.EnableIpv4 => "enable-ipv4",
            Planning.NetworkField.Subnet6 => "subnet6",
            Planning.NetworkField.Gateway6 => "gateway6",
            Planning.NetworkField.Subnet4 => "subnet4",
            _ => "gateway4",
        };
        var observed = fields.TryGetValue(key, out var v) ? v : "(none)";
        return new FactResult(f, observed == f.Expected ? FactOutcome.Pass : FactOutcome.Fail, observed);
    }

    private async Task<FactResult> AddressAsync(InterfaceAddressFact f, CancellationToken ct)
    {
        (int code, string output) = f.IsContainer
            ? await ContainerOutputAsync(f.Device, new[] { "ip", "-6", "addr", "show", "dev", f.Interface! }, ct)
            : await HostOutputAsync("ip", "-6", "addr", "show", "dev", await BridgeNameAsync(f.Interface, f.Network, ct));
        if (code != 0) return new FactResult(f, FactOutcome.Fail, "(ip failed: " + output.Trim() + ")");
        var addresses = IpOutput.Addresses(output);
        bool found = addresses.Any(a => a.Address == f.Address && a.Length == f.PrefixLength);
        string? note = null;
        if (!found && !f.IsContainer && f.Address.IsLinkLocal && _actual is { } actual && !EngineTable.BridgeGetsFe80Colon1.For(actual, false))
            note = $"expected: {actual} does not add fe80::1 to bridges ({EngineTable.BridgeGetsFe80Colon1.RowFor(actual)?.Source})";
        return new FactResult(f, found ? FactOutcome.Pass : FactOutcome.Fail, addresses.Count == 0 ? "(no IPv6 address)" : string.Join(", ", addresses), note);
    }

    private async Task<FactResult> LinkLocalAsync(LinkLocalFact f, CancellationToken ct)
    {
        var c = await InspectAsync(f.Device, ct);
        var endpoint = c?.NetworkSettings?.Networks?.TryGetValue(f.Network, out var e) == true ? e : null;
        if (endpoint is null || !MacAddress.TryParse(endpoint.MacAddress, out var mac))
            return new FactResult(f, FactOutcome.Fail, "(container or its MAC not found)");
        var eui64 = mac.LinkLocal();
        var (code, output) = await ContainerOutputAsync(f.Device, new[] { "ip", "-6", "addr", "show", "dev", f.Interface }, ct);
        var linkLocals = code == 0 ? IpOutput.Addresses(output).Where(a => a.Address.IsLinkLocal).Select(a => a.Address).ToList() : new List<IpAddress>();
        bool ok = linkLocals.Contains(eui64) && (f.Predicted is null || f.Predicted == eui64);
        string? note = f.Predicted is { } p && p != eui64 ? $"predicted {p}, but the engine gave MAC {mac} (EUI-64 {eui64})" : null;
        return new FactResult(f, ok ? FactOutcome.Pass : FactOutcome.Fail,
            (linkLocals.Count == 0 ? "(no link-local)" : string.Join(", ", linkLocals)) + " with MAC " + mac, note);
    }

    private async Task<FactResult> RouteAsync(RouteFact f, CancellationToken ct)
    {
        var (code, output) = f.IsContainer
            ? await ContainerOutputAsync(f.Device, new[] { "ip", "-6", "route" }, ct)
            : await HostOutputAsync("ip", "-6", "route");
        if (code != 0) return new FactResult(f, FactOutcome.Fail, "(ip -6 route failed: " + output.Trim() + ")");
        string? dev = f.Dev ?? (f.Network is null ? null : await BridgeNameAsync(null, f.Network, ct));
        var candidates = IpOutput.Routes(output).Where(r => r.Destination == f.Destination).ToList();
        var match = candidates.FirstOrDefault(r => r.Via == f.Via && (dev is null || r.Dev == dev));
        return new FactResult(f, match is not null ? FactOutcome.Pass : FactOutcome.Fail,
            match?.Text ?? (candidates.Count == 0 ? "(no route)" : string.Join(" | ", candidates.Select(c => c.Text))));
    }

    /// <summary>
    /// A rule the engine makes in its own firewall, read from the host as `verify --captures` reads a pasted listing
    /// (<see cref="NetDsl.Captures.Verification.EngineFirewallChecks"/>): `ip6tables-save`, or `nft list ruleset` for
    /// dockerd's nftables backend.
    /// </summary>
    private async Task<FactResult> EngineFirewallAsync(EngineFirewallFact f, CancellationToken ct)
    {
        if (!_engine.Endpoint.ReachesHost) return new FactResult(f, FactOutcome.Skipped, "(the engine is remote and NetDsl has no login there: check it with --captures DIR, or reach it as ssh://user@host)");
        bool nft = f.Backend == FirewallBackend.Nftables;
        var command = nft ? new[] { "nft", "list", "ruleset" } : new[] { f.Family == IpFamily.Ipv6 ? "ip6tables-save" : "iptables-save" };
        var (code, output) = await HostOutputAsync(command);
        if (code != 0) return new FactResult(f, FactOutcome.Fail, "(" + command[0] + " failed: " + output.Trim() + ")");
        var parsed = nft ? NetDsl.Captures.Parsers.NftParser.Parse(output, f.Device + ".nft-list-ruleset.txt").Widen()
                         : NetDsl.Captures.Parsers.IptablesSaveParser.Parse(output, f.Device + "." + command[0] + ".txt");
        string? bridge = f.Network is null ? null : await BridgeNameAsync(f.Bridge, f.Network, ct);
        var finding = NetDsl.Captures.Verification.EngineFirewallChecks.Check(f, parsed.Observations, bridge);
        return finding.Verdict switch
        {
            NetDsl.Captures.Verification.RuleVerdict.Holds => new FactResult(f, FactOutcome.Pass, finding.Observed, finding.Note),
            NetDsl.Captures.Verification.RuleVerdict.Broken when f.ObserveOnly => new FactResult(f, FactOutcome.Skipped, finding.Observed,
                "observed, not predicted: the engine does not keep this rule reliably (" + f.Source + ")"),
            NetDsl.Captures.Verification.RuleVerdict.Broken => new FactResult(f, FactOutcome.Fail, finding.Observed, (finding.Note is null ? "" : finding.Note + "; ") + "predicted from: " + f.Source),
            _ => new FactResult(f, FactOutcome.Skipped, finding.Observed, finding.Note),
        };
    }

    /// <summary>The gateway's status file: running (its process alive) with the rule's mappings; its counters say what it translated.</summary>
    private FactResult Gateway(Nptv6GatewayFact f)
    {
        var status = Nptv6GatewayRunner.Observe(_shell, f.Service, out string? problem);
        if (status is null) return new FactResult(f, FactOutcome.Fail, "(no gateway)", problem + "; run netdsl apply");
        if (problem is not null) return new FactResult(f, FactOutcome.Fail, problem, "run netdsl apply" + (status.Failure is null ? "" : "; the gateway's log says why it stopped"));
        string observed = "running: " + string.Join(", ", status.Mappings);
        var s = status.Stats;
        string counters = $"{s.TranslatedOutbound} packets translated out, {s.TranslatedInbound} in, {s.DroppedUntranslatable} dropped as untranslatable, since {status.Started:u}"
            + (s.Translated == 0 ? " (nothing has crossed it yet)" : "");
        return new FactResult(f, observed == f.Expected ? FactOutcome.Pass : FactOutcome.Fail, observed, counters);
    }

    private async Task<FactResult> PingAsync(PingFact f, CancellationToken ct)
    {
        if (f.External && _skipExternal) return new FactResult(f, FactOutcome.Skipped, "(external target, --skip-external)");
        string target = f.Address + (f.Zone is null ? "" : "%" + f.Zone);
        var (code, output) = f.FromContainer
            ? await ContainerExec.RunAsync(_engine, f.Device, new[] { "ping", "-c", "1", "-W", "2", target }, ct)
            : await HostRunAsync("ping", "-6", "-c", "1", "-W", "2", target);
        var line = output.Split('\n').FirstOrDefault(l => l.Contains("bytes from", StringComparison.Ordinal))?.Trim();
        return new FactResult(f, code == 0 ? FactOutcome.Pass : FactOutcome.Fail, code == 0 ? (line ?? "reply") : "no reply (exit " + code + ")");
    }

    /// <summary>
    /// <c>expect no-ping</c>: the same one echo request; no reply passes. iputils and busybox ping exit 1 for "no
    /// reply" and 2 for errors such as "Network is unreachable", which is blocked too; anything else (no ping in the
    /// container, a container that does not run: exec's own errors) means nothing was tested, so it fails.
    /// </summary>
    private async Task<FactResult> NoPingAsync(NoPingFact f, CancellationToken ct)
    {
        if (f.External && _skipExternal) return new FactResult(f, FactOutcome.Skipped, "(external target, --skip-external)");
        string target = f.Address + (f.Zone is null ? "" : "%" + f.Zone);
        var (code, output) = f.FromContainer
            ? await ContainerExec.RunAsync(_engine, f.Device, new[] { "ping", "-c", "1", "-W", "2", target }, ct)
            : await HostRunAsync("ping", "-6", "-c", "1", "-W", "2", target);
        if (code == 0)
        {
            var line = output.Split('\n').FirstOrDefault(l => l.Contains("bytes from", StringComparison.Ordinal))?.Trim();
            return new FactResult(f, FactOutcome.Fail, line ?? "reply", "the path is open: something routes and forwards " + f.Device + " -> " + f.Target);
        }
        if (code is 1 or 2)
        {
            var why = output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("unreachable", StringComparison.OrdinalIgnoreCase));
            return new FactResult(f, FactOutcome.Pass, "no reply" + (why is null ? "" : " (" + why + ")"));
        }
        var first = output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        return new FactResult(f, FactOutcome.Fail, "ping did not run (exit " + code + (first.Length > 0 ? ": " + first : "") + ")", "nothing was tested: make ping runnable on " + f.Device);
    }

    /// <summary>
    /// The bridge's interface: declared (the bridge-name option), or the name the engine gave it
    /// (<see cref="EngineTable.BridgeNames"/>): Docker's br-&lt;first 12 of the network id&gt;, Podman's podmanN from
    /// its own network inspect.
    /// </summary>
    private async Task<string> BridgeNameAsync(string? declared, string? network, CancellationToken ct)
    {
        if (declared is not null) return declared;
        var n = _networks!.FirstOrDefault(x => x.Name == network);
        if (n?.Options?.TryGetValue("com.docker.network.bridge.name", out var name) == true) return name;
        if (n is null) return "(unknown)";
        if (PodmanNetworks.NamesBridgesItself(_engine)) return await PodmanNetworks.BridgeAsync(_engine, n.Name, ct) ?? "(unknown)";
        return "br-" + n.ID[..12];
    }

    private async Task<ContainerInspectResponse?> InspectAsync(string name, CancellationToken ct)
    {
        if (_containers.TryGetValue(name, out var c)) return c;
        try { c = await _engine.Docker.Containers.InspectContainerAsync(name, ct); }
        catch (global::Docker.DotNet.DockerContainerNotFoundException) { c = null; }
        _containers[name] = c;
        return c;
    }

    private Task<(int, string)> ContainerOutputAsync(string container, string[] command, CancellationToken ct) =>
        _outputs.GetOrAdd("c:" + container + ":" + string.Join(" ", command), _ => ContainerExec.RunAsync(_engine, container, command, ct));

    private Task<(int, string)> HostOutputAsync(params string[] command) =>
        _outputs.GetOrAdd("h:" + string.Join(" ", command), _ => HostRunAsync(command));

    private async Task<(int, string)> HostRunAsync(params string[] command)
    {
        if (!_engine.Endpoint.ReachesHost) return (-1, "the engine is remote and NetDsl has no login there: host facts are observed on its machine only (or reach it as ssh://user@host)");
        var r = await _shell.RunAsync(command[0], command.Skip(1));
        return (r.ExitCode, r.StandardOutput + r.StandardError);
    }
}
