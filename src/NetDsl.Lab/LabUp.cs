using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NetDsl.Lab.Docker;
using NetDsl.Docker.Engine;
using NetDsl.Engines;
using NetDsl.Lab.Namespaces;
using NetDsl.Model;
using NetDsl.Tracing;

namespace NetDsl.Lab;

/// <summary>The outcome of up, test or down: success, and the errors to print when not.</summary>
public sealed record LabOutcome(bool Succeeded, IReadOnlyList<string> Errors)
{
    public static LabOutcome Ok { get; } = new(true, Array.Empty<string>());

    public static LabOutcome Fail(params string[] errors) => new(false, errors);
}

/// <summary>
/// `lab up`: namespaces, private dockerds, veths and switches, addresses, routes, firewall rules (the
/// <see cref="LabPlan"/>), then NetDsl's own apply on every Docker host. Each thing is recorded in the
/// <see cref="LabState"/> before it is created. A failure stops there and leaves the lab for inspection;
/// `lab down` removes it.
/// </summary>
public sealed class LabUp
{
    private readonly ILabDockerEngine _engine;
    private readonly Action<string> _progress;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private readonly Translators.LabTranslator _translator;
    private readonly IReadOnlyList<string>? _netdsl;

    /// <param name="translator">Who translates NPTv6 (the kernel by default).</param>
    /// <param name="netdsl">How to start `netdsl` (for NetDsl's translator: its gateways are `netdsl nptv6 run` processes).</param>
    public LabUp(ILabDockerEngine engine, Action<string> progress, Translators.LabTranslator translator = Translators.LabTranslator.Kernel, IReadOnlyList<string>? netdsl = null)
    {
        _engine = engine;
        _progress = progress;
        _translator = translator;
        _netdsl = netdsl;
        if (translator == Translators.LabTranslator.NetDsl && netdsl is null) throw new ArgumentNullException(nameof(netdsl), "NetDsl's translator needs the command that runs netdsl");
    }

    public async Task<LabOutcome> RunAsync(string file, LabName name, IReadOnlyDictionary<string, string> userOverrides, CancellationToken ct = default)
    {
        var existing = LabDown.Leftovers(name);
        if (existing.Count > 0)
            return LabOutcome.Fail($"lab {name} already exists (or was left half-built): {string.Join(", ", existing)}. " +
                                   $"Remove it with `netdsl lab down {file}" + (name == LabName.FromFile(file) ? "" : " --name " + name) + "` first.");
        string text;
        try { text = await File.ReadAllTextAsync(file, ct); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return LabOutcome.Fail($"cannot read '{file}': {e.Message}"); }
        var compiled = LabModel.Compile(text, file, userOverrides);
        foreach (var note in compiled.Notes) Progress(note);
        if (compiled.Model is null) return new LabOutcome(false, compiled.Errors);
        var model = compiled.Model;
        var plan = LabLowering.Lower(model, name, _translator);

        var state = new LabState { Name = name.Short, File = file, Started = DateTime.UtcNow, Overrides = new(compiled.Overrides), Interfaces = plan.Interfaces.ToList(), Translator = Translators.Nptv6Lowering.Name(_translator) };
        state.Save();
        try
        {
            await BuildAsync(model, plan, state, ct);
            state.Phase = "up";
            state.Save();
            Progress("interface names (vendor -> Linux; engine-named bridges as the engine named them):");
            foreach (var i in state.Interfaces) Progress("  " + i);
            Progress($"lab {name} is up: {plan.Devices.Count} devices, {plan.Switches.Count} switches, {model.Containers.Count} containers, {model.Expectations.Count} expects (run `netdsl lab test`)");
            return LabOutcome.Ok;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            state.Phase = "failed";
            state.Save();
            return LabOutcome.Fail($"lab up failed: {e.Message}", $"what was built is still there: remove it with `netdsl lab down {file}" + (name == LabName.FromFile(file) ? "" : " --name " + name) + "`");
        }
    }

    private async Task BuildAsync(NetworkModel model, LabPlan plan, LabState state, CancellationToken ct)
    {
        // Docker hosts first and in parallel: their engines take the longest to start.
        var hosts = plan.Devices.Where(d => d.Kind == DeviceKind.DockerHost).ToList();
        state.Dockerds.AddRange(hosts.Select(h => h.Namespace));
        state.Save();
        var engines = hosts.Select(async h =>
        {
            var host = model.FindHost(h.Name)!;
            var dockerd = await PrivateEngines.StartDetachedAsync(host.Engine.Kind, h.Namespace, _engine.InitialDaemonJson(model, host));
            Progress($"{host.Engine.KindName} engine for {h.Name} answers (namespace {h.Namespace})");
            await dockerd.ImportBusyboxAsync(LabModel.Image);
            Progress($"{h.Name}: busybox image {LabModel.Image} imported");
            return dockerd;
        }).ToList();

        foreach (var ns in plan.Namespaces.Where(n => !state.Dockerds.Contains(n)))
        {
            state.Namespaces.Add(ns);
            state.Save();
            await NetworkNamespace.CreateAsync(ns);
        }
        Progress($"namespaces: {string.Join(", ", plan.Namespaces)}");
        var dockerds = await Task.WhenAll(engines);

        foreach (var v in plan.Veths)
        {
            var a = NetworkNamespace.Open(v.A.Namespace);
            await a.ConnectAsync(v.A.Interface, NetworkNamespace.Open(v.B.Namespace), v.B.Interface);
        }
        Progress($"{plan.Veths.Count} veth pairs");
        foreach (var step in plan.Steps)
        {
            ct.ThrowIfCancellationRequested();
            var ns = NetworkNamespace.Open(step.Namespace);
            var r = step.Input is null ? await ns.ExecAsync(step.Command[0], step.Command.Skip(1).ToArray())
                                       : await ns.ExecWithInputAsync(step.Input, step.Command[0], step.Command.Skip(1).ToArray());
            if (!r.Succeeded) throw new InvalidOperationException($"{step.Why}: {step} failed: {r.StandardError.Trim()}");
        }
        Progress($"{plan.Steps.Count} addresses, routes and firewall rules");
        foreach (var gateway in plan.Gateways)
        {
            var process = await NetDsl.Docker.Host.GatewayProcess.StartAsync(_netdsl!, gateway.Namespace, gateway.Arguments, LabState.GatewayFolder(plan.Name), gateway.FileName);
            Progress($"NetDsl NPTv6 gateway for {gateway.Firewall} rule {gateway.Rule}: NFQUEUE {gateway.FirstQueue} and {gateway.FirstQueue + 1} (pid {process.Pid}, log {process.LogPath})");
        }

        var applies = hosts.Select(async (h, index) =>
        {
            var host = model.FindHost(h.Name)!;
            var result = await _engine.ApplyAsync(model, host, dockerds[index].Host, h.Namespace, dockerds[index].DaemonJsonPath, ct);
            if (!result.Succeeded) throw new InvalidOperationException($"apply on {h.Name} failed:\n  " + string.Join("\n  ", result.Lines));
            Progress($"{h.Name}: applied ({result.Lines.LastOrDefault()})");
            var bridges = await EngineBridgeNamesAsync(model, h, dockerds[index]);
            lock (state) state.Interfaces.AddRange(bridges);
            await WaitForDadAsync(dockerds[index], model.ContainersOn(h.Name).Select(c => c.Name).ToList(), ct);
        });
        await Task.WhenAll(applies);
        state.Save();
    }

    /// <summary>
    /// The names the engine gave the bridges the file does not name (<see cref="EngineTable.BridgeNames"/>): Docker's
    /// "br-" + the first 12 hex digits of the network id (what trace says, as br-&lt;NETWORK id&gt;), Podman's podmanN
    /// from its own API; read from the engine and checked to exist on the host.
    /// </summary>
    private static async Task<IReadOnlyList<LabInterfaceName>> EngineBridgeNamesAsync(NetworkModel model, LabDevice host, IPrivateEngine dockerd)
    {
        var names = new List<LabInterfaceName>();
        var naming = EngineTable.BridgeNames.For(model.FindHost(host.Name)!.Engine, BridgeNaming.NetworkId);
        foreach (var network in model.NetworksOn(host.Name).Where(n => n.BridgeName is null))
        {
            string bridge;
            if (naming == BridgeNaming.PodmanIndex)
            {
                var endpoint = EngineEndpoint.Resolve(dockerd.Host, out _)!;
                using var doc = await EngineHttp.GetJsonAsync(endpoint, "/v4.0.0/libpod/networks/" + Uri.EscapeDataString(network.Name) + "/json");
                bridge = doc?.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && doc.RootElement.TryGetProperty("network_interface", out var b) ? b.GetString() ?? "" : "";
                if (bridge.Length == 0) throw new InvalidOperationException($"network {network.Name} on {host.Name}: Podman names no bridge for it");
            }
            else
            {
                var id = await dockerd.DockerAsync("network", "inspect", "-f", "{{.Id}}", network.Name);
                string text = id.StandardOutput.Trim();
                if (!id.Succeeded || text.Length < 12) throw new InvalidOperationException($"network {network.Name} on {host.Name}: the engine gives no id ({id.StandardError.Trim()})");
                bridge = "br-" + text.Substring(0, 12);
            }
            var link = await NetworkNamespace.Open(host.Namespace).ExecAsync("ip", "-o", "link", "show", "dev", bridge);
            if (!link.Succeeded) throw new InvalidOperationException($"network {network.Name} on {host.Name}: no bridge {bridge} (br- + 12 hex digits of the id) on the host");
            names.Add(new LabInterfaceName(host.Name, Topology.BridgeInterfaceName(network), bridge));
        }
        return names;
    }

    /// <summary>
    /// Waits until no container address is tentative. Containers get namespaces of their own with the kernel's
    /// default DAD, so for a second or so their link-local is unusable and a ping to fe80::1%eth0 leaves from the
    /// global address instead — a source trace does not predict and a real host would not use once settled.
    /// </summary>
    private async Task WaitForDadAsync(IPrivateEngine dockerd, IReadOnlyList<string> containers, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        foreach (var c in containers)
        {
            while (true)
            {
                var r = await dockerd.DockerAsync("exec", c, "cat", "/proc/net/if_inet6");
                if (!r.Succeeded || !HasTentative(r.StandardOutput)) break;
                if (clock.Elapsed > TimeSpan.FromSeconds(10)) throw new TimeoutException($"container {c} still has tentative addresses after 10 s");
                await Task.Delay(100, ct);
            }
        }
        if (containers.Count > 0) Progress($"duplicate address detection done in {containers.Count} container(s) ({clock.Elapsed.TotalSeconds:0.0} s)");
    }

    /// <summary>/proc/net/if_inet6: address, ifindex, prefix length, scope, flags (hex; 0x40 = IFA_F_TENTATIVE), name.</summary>
    internal static bool HasTentative(string ifInet6) =>
        ifInet6.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Any(f => f.Length >= 5 && int.TryParse(f[4], System.Globalization.NumberStyles.HexNumber, null, out int flags) && (flags & 0x40) != 0);

    private void Progress(string line) => _progress($"[{_clock.Elapsed.TotalSeconds,5:0.0}s] {line}");
}
