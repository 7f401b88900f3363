using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NetDsl.Docker.Processes;
using NetDsl.Gateway;
using NetDsl.Nptv6;

namespace NetDsl.Cli.Commands.Nptv6;

/// <summary>
/// `netdsl nptv6 run (FILE --rule NAME | --inside P --outside P) [--tun NAME | --nfqueue N] …`: the userspace NPTv6
/// gateway (NetDsl.Gateway) in the foreground until SIGINT or SIGTERM, with its routes (<c>--route</c>), a status
/// file and counters. A shell: the data path, the translation and the routes are the library's.
/// </summary>
public static class Nptv6RunCommand
{
    public static Command Create(CliConsole console)
    {
        var rule = new Nptv6RuleOptions();
        var file = new Argument<string?>("FILE") { Description = "The .netdsl file, with --rule.", Arity = ArgumentArity.ZeroOrOne };
        var tun = new Option<string?>("--tun") { Description = "Data path: create this TUN device (default 'nptv6' when --nfqueue is not given) and translate what is routed into it (tayga's design)." };
        var queues = new Option<int>("--queues") { Description = "TUN queues, one reader thread each (default 1).", DefaultValueFactory = _ => 1 };
        var mtu = new Option<int>("--mtu") { Description = "MTU of the TUN device (default 65535: never smaller than a real interface's).", DefaultValueFactory = _ => 65535 };
        var route = new Option<bool>("--route") { Description = "With --tun: add the routes and the policy rule that send the rule's traffic into the device (removed on exit)." };
        var table = new Option<int>("--table") { Description = $"With --route: the routing table of the inside prefixes' policy rule (default {TunRouting.DefaultTable}; one per gateway).", DefaultValueFactory = _ => TunRouting.DefaultTable };
        var keepHopLimit = new Option<bool>("--no-hop-limit-compensation") { Description = "With --tun: leave the hop limit as the kernel's two forwardings leave it (one less than with the kernel's own NPTv6)." };
        var nfqueue = new Option<int?>("--nfqueue") { Description = "Data path: NFQUEUE number N receives what SNPT would translate, N+1 what DNPT would (ip6tables ... -j NFQUEUE --queue-num N)." };
        var xdp = new Option<string?>("--xdp") { Description = "Data path: AF_XDP on INSIDE,OUTSIDE (two interfaces): the gateway forwards the rule's packets between them itself, the fastest path (docs/nptv6.md)." };
        var batch = new Option<int>("--batch") { Description = "Packets per batch (default 64).", DefaultValueFactory = _ => 64 };
        var noIcmp = new Option<bool>("--no-icmp-errors") { Description = "Drop untranslatable packets silently instead of answering ICMPv6 Parameter Problem." };
        var stats = new Option<int>("--stats") { Description = "Print the counters every N seconds (default 0: only when stopping).", DefaultValueFactory = _ => 0 };
        var statusFile = new Option<string?>("--status-file") { Description = "Write the gateway's status and counters (JSON) to this file every second and when stopping." };
        var command = new Command("run", "Run the userspace NPTv6 gateway: translate live packets from a TUN device or NFQUEUE until SIGINT/SIGTERM.") { file };
        rule.AddTo(command);
        foreach (var option in new Option[] { tun, queues, mtu, route, table, keepHopLimit, nfqueue, xdp, batch, noIcmp, stats, statusFile }) command.Options.Add(option);
        command.SetAction(async (parse, ct) =>
        {
            string? path = parse.GetValue(file);
            if (path is not null && !rule.UsesFile(parse))
            {
                console.Error.WriteLine("netdsl nptv6 run: a FILE needs --rule NAME (or give --inside/--outside without a file).");
                return ExitCodes.Usage;
            }
            if (!rule.TryResolve(parse, console, path, out var mappings, out int exitCode)) return exitCode;
            if ((parse.GetValue(nfqueue) is not null ? 1 : 0) + (parse.GetValue(tun) is not null ? 1 : 0) + (parse.GetValue(xdp) is not null ? 1 : 0) > 1)
            {
                console.Error.WriteLine("netdsl nptv6 run: give one data path: --tun NAME, --nfqueue N or --xdp INSIDE,OUTSIDE.");
                return ExitCodes.Usage;
            }
            GatewayDataPath dataPath;
            if (parse.GetValue(xdp) is { } interfaces)
            {
                var pair = interfaces.Split(',');
                if (pair.Length != 2 || parse.GetValue(route))
                {
                    console.Error.WriteLine(pair.Length != 2 ? $"netdsl nptv6 run: --xdp '{interfaces}': give INSIDE,OUTSIDE (two interface names)." : "netdsl nptv6 run: --route is for --tun.");
                    return ExitCodes.Usage;
                }
                dataPath = new XdpDataPath(pair[0].Trim(), pair[1].Trim());
            }
            else if (parse.GetValue(nfqueue) is { } queue)
            {
                if (queue < 0 || queue > 65534)
                {
                    console.Error.WriteLine($"netdsl nptv6 run: --nfqueue {queue}: use 0-65534 (N+1 is the inbound queue).");
                    return ExitCodes.Usage;
                }
                if (parse.GetValue(route))
                {
                    console.Error.WriteLine("netdsl nptv6 run: --route is for --tun; with --nfqueue the ip6tables rules choose the packets (docs/nptv6.md).");
                    return ExitCodes.Usage;
                }
                dataPath = new NfQueueDataPath((ushort)queue);
            }
            else
            {
                dataPath = new TunDataPath(parse.GetValue(tun) ?? "nptv6", parse.GetValue(queues), parse.GetValue(mtu), !parse.GetValue(keepHopLimit));
            }
            var options = new Nptv6GatewayOptions(mappings, dataPath) { BatchSize = parse.GetValue(batch), ParameterProblems = !parse.GetValue(noIcmp) };
            if (options.Validate() is { } problem)
            {
                console.Error.WriteLine("netdsl nptv6 run: " + problem + ".");
                return ExitCodes.Usage;
            }
            // The command line as the status file records it (apply compares it with the one it wants).
            var commandLine = new[] { "nptv6", "run" }.Concat(parse.Tokens.SkipWhile(t => t.Value != "run").Skip(1).Select(t => t.Value)).ToList();
            return await RunAsync(options, commandLine, parse.GetValue(route) ? new TunRouting(((TunDataPath)dataPath).Device, parse.GetValue(table), TunRouting.DefaultPriority, mappings.Select(m => m.Prefixes).ToList()) : null,
                parse.GetValue(stats), parse.GetValue(statusFile), console, ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(Nptv6GatewayOptions options, IReadOnlyList<string> commandLine, TunRouting? routing, int statsSeconds, string? statusFile, CliConsole console, CancellationToken invocation)
    {
        // SIGINT and SIGTERM stop the gateway cleanly (routes removed, final counters printed) instead of killing the process.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(invocation);
        void OnSignal(System.Runtime.InteropServices.PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
        using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, OnSignal);
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, OnSignal);
        var ct = stop.Token;
        if (options.DataPath is TunDataPath && ReadSysctl("/proc/sys/net/ipv6/conf/all/forwarding") == "0")
            console.Error.WriteLine("netdsl nptv6 run: warning: IPv6 forwarding is off (net.ipv6.conf.all.forwarding=0): the kernel will not route packets through the TUN device.");
        Nptv6Gateway gateway;
        try
        {
            gateway = Nptv6Gateway.Start(options);
        }
        catch (GatewayException e)
        {
            console.Error.WriteLine("netdsl nptv6 run: " + e.Message);
            return ExitCodes.Failure;
        }
        var started = DateTime.UtcNow;
        try
        {
            if (routing is not null && await ApplyRoutesAsync(routing, console) is false) return ExitCodes.Failure;
            console.Out.WriteLine($"nptv6 gateway running (pid {Environment.ProcessId}): {options.DataPath.Describe()}; " +
                string.Join(", ", options.Mappings.Select(m => m.Prefixes.ToString())) + (routing is null ? "" : $"; routes into {((TunDataPath)options.DataPath).Device} (table {routing.Table})"));
            console.Out.Flush();
            WriteStatus(gateway, commandLine, started, statusFile, console);

            var clock = System.Diagnostics.Stopwatch.StartNew();
            var lastStats = TimeSpan.Zero;
            while (!ct.IsCancellationRequested && gateway.IsRunning)
            {
                try { await Task.Delay(TimeSpan.FromSeconds(1), ct); }
                catch (OperationCanceledException) { break; }
                WriteStatus(gateway, commandLine, started, statusFile, console);
                if (statsSeconds > 0 && clock.Elapsed - lastStats >= TimeSpan.FromSeconds(statsSeconds))
                {
                    lastStats = clock.Elapsed;
                    console.Out.WriteLine("nptv6 gateway: " + gateway.Stats);
                    console.Out.Flush();
                }
            }
        }
        finally
        {
            if (routing is not null) await RemoveRoutesAsync(routing);
            gateway.Stop();
            WriteStatus(gateway, commandLine, started, statusFile, console);
        }
        console.Out.WriteLine("nptv6 gateway stopped: " + gateway.Stats);
        if (gateway.Failure is { } failure)
        {
            console.Error.WriteLine("netdsl nptv6 run: the data path failed: " + failure.Message);
            return ExitCodes.Failure;
        }
        return ExitCodes.Success;
    }

    private static async Task<bool> ApplyRoutesAsync(TunRouting routing, CliConsole console)
    {
        await RemoveRoutesAsync(routing);
        foreach (var args in routing.Setup)
        {
            var r = await ProcessRunner.RunAsync("ip", args);
            if (!r.Succeeded)
            {
                console.Error.WriteLine($"netdsl nptv6 run: {r.Command} failed: {r.StandardError.Trim()}");
                return false;
            }
        }
        return true;
    }

    private static async Task RemoveRoutesAsync(TunRouting routing)
    {
        foreach (var args in routing.Teardown) await ProcessRunner.RunAsync("ip", args);
    }

    private static void WriteStatus(Nptv6Gateway gateway, IReadOnlyList<string> commandLine, DateTime started, string? path, CliConsole console)
    {
        if (path is null) return;
        try
        {
            new Nptv6GatewayStatus(Environment.ProcessId, started, commandLine, gateway.Options.DataPath.Describe(),
                gateway.Options.Mappings.Select(m => m.Prefixes.ToString()).ToList(), gateway.IsRunning, gateway.Failure?.Message, gateway.Stats).Write(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"netdsl nptv6 run: cannot write the status file {path}: {e.Message}");
        }
    }

    private static string? ReadSysctl(string path)
    {
        try { return File.ReadAllText(path).Trim(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }
}
