using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NetDsl.Docker.Processes;
using NetDsl.Gateway;
using NetDsl.Planning;

namespace NetDsl.Docker.Host;

/// <summary>
/// Runs a docker-host's NPTv6 gateway (<see cref="Nptv6GatewayService"/>) the way the host allows: a systemd unit where
/// the host runs systemd (this machine), else a detached process in the foreground of its own session (a container
/// without systemd, a lab namespace). Either way the gateway's status file says whether it runs with the rule's
/// arguments; a gateway that does is kept, any other is replaced.
/// </summary>
public sealed class Nptv6GatewayRunner
{
    private readonly HostShell _shell;
    private readonly IReadOnlyList<string> _netdsl;
    private readonly string _source;

    /// <param name="netdsl">How to start netdsl (the systemd unit's ExecStart, the foreground process).</param>
    /// <param name="source">The .netdsl file's name, for the unit's comment.</param>
    public Nptv6GatewayRunner(HostShell shell, IReadOnlyList<string> netdsl, string source)
    {
        _shell = shell;
        _netdsl = netdsl;
        _source = Path.GetFileName(source);
    }

    /// <summary>systemd only on this machine when it runs systemd; a lab namespace or a container gets the foreground mode.</summary>
    public bool UsesSystemd => _shell.Netns is null && Directory.Exists("/run/systemd/system");

    /// <summary>Where the gateway's status file is: per namespace in a lab, so two lab hosts with one rule name do not share it.</summary>
    public static string StatusPath(HostShell shell, Nptv6GatewayService service) =>
        shell.Netns is null ? service.StatusPath : Path.Combine(Nptv6GatewayService.StateFolder, shell.Netns, service.Rule.Name + ".json");

    private IReadOnlyList<string> Arguments(Nptv6GatewayService service)
    {
        var args = service.Arguments.ToList();
        args[args.IndexOf("--status-file") + 1] = StatusPath(_shell, service);
        return args;
    }

    /// <summary>Null when the gateway runs as wanted, else what is there now ("not running", "other arguments", …).</summary>
    public async Task<string?> DifferenceAsync(Nptv6GatewayService service)
    {
        var status = Nptv6GatewayStatus.TryRead(StatusPath(_shell, service), out string? error);
        if (status is null) return "not running (" + error + ")";
        if (!status.Running || !ProcessTree.IsAlive(status.ProcessId)) return "not running (stopped" + (status.Failure is null ? "" : ": " + status.Failure) + ")";
        if (!status.Arguments.SequenceEqual(Arguments(service))) return "running with other arguments (" + string.Join(" ", status.Arguments) + ")";
        if (UsesSystemd && await UnitDiffersAsync(service)) return "its systemd unit differs";
        return null;
    }

    /// <summary>Makes the gateway run as wanted; null on success, else why not.</summary>
    public async Task<string?> EnsureAsync(Nptv6GatewayService service)
    {
        try
        {
            return UsesSystemd ? await EnsureUnitAsync(service) : await EnsureForegroundAsync(service);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or TimeoutException)
        {
            return e.Message;
        }
    }

    private async Task<bool> UnitDiffersAsync(Nptv6GatewayService service) =>
        !File.Exists(service.UnitPath) || await File.ReadAllTextAsync(service.UnitPath) != service.Unit(_netdsl, _source);

    private async Task<string?> EnsureUnitAsync(Nptv6GatewayService service)
    {
        string unit = service.Unit(_netdsl, _source);
        if (await UnitDiffersAsync(service))
        {
            string temporary = service.UnitPath + ".netdsl-tmp";
            await File.WriteAllTextAsync(temporary, unit);
            File.Move(temporary, service.UnitPath, overwrite: true);
            if (await SystemctlAsync("daemon-reload") is { } reload) return reload;
        }
        if (await SystemctlAsync("enable", service.UnitName) is { } enable) return enable;
        if (await SystemctlAsync("restart", service.UnitName) is { } restart) return restart;
        return await WaitRunningAsync(service);
    }

    private async Task<string?> SystemctlAsync(params string[] arguments)
    {
        var r = await ProcessRunner.RunAsync("systemctl", arguments);
        return r.Succeeded ? null : $"systemctl {string.Join(" ", arguments)} failed: {r.StandardError.Trim()}";
    }

    private async Task<string?> EnsureForegroundAsync(Nptv6GatewayService service)
    {
        string status = StatusPath(_shell, service);
        if (Nptv6GatewayStatus.TryRead(status, out _) is { } old && ProcessTree.IsAlive(old.ProcessId))
            await GatewayProcess.Attach(old.ProcessId, "", status).StopAsync();
        string log = Path.ChangeExtension(status, ".log");
        var process = await GatewayProcess.StartCommandAsync(_netdsl, _shell.Netns, Arguments(service), status, log);
        return process.Pid > 0 ? null : "the gateway did not start: " + process.Tail();
    }

    private async Task<string?> WaitRunningAsync(Nptv6GatewayService service)
    {
        for (int i = 0; i < 300; i++)
        {
            if (await DifferenceAsync(service) is null) return null;
            await Task.Delay(100);
        }
        return "the gateway does not run after 30 s: " + await DifferenceAsync(service) + "; see journalctl -u " + service.UnitName;
    }

    /// <summary>For verify: the gateway's status with its counters, or why it cannot be had.</summary>
    public static Nptv6GatewayStatus? Observe(HostShell shell, Nptv6GatewayService service, out string? problem)
    {
        var status = Nptv6GatewayStatus.TryRead(StatusPath(shell, service), out problem);
        if (status is not null && (!status.Running || !ProcessTree.IsAlive(status.ProcessId)))
            problem = "not running" + (status.Failure is null ? " (pid " + status.ProcessId.ToString(CultureInfo.InvariantCulture) + " gone)" : ": " + status.Failure);
        return status;
    }
}
