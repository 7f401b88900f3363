using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NetDsl.Addressing;
using NetDsl.Docker.Processes;
using NetDsl.Lab.Docker;
using NetDsl.Lab.Namespaces;
using NetDsl.Lab.Sniffing;
using NetDsl.Model;
using NetDsl.Tracing;

namespace NetDsl.Lab;

/// <summary>What `lab test` found: one verdict per expect, in file order, and the outcome (ok only when every expect holds and agrees with trace).</summary>
public sealed record LabTestReport(LabOutcome Outcome, IReadOnlyList<LabVerdict> Verdicts, TimeSpan Elapsed)
{
    public int Passed => Verdicts.Count(v => v.Passed);

    public string Summary =>
        $"lab test: {Passed} of {Verdicts.Count} expects passed (hold and agree with trace); " +
        $"{Verdicts.Count(v => v.Status == "DIFF")} disagree, {Verdicts.Count(v => v.Status == "FAIL")} fail as trace says, {Verdicts.Count(v => v.Status == "ERROR")} errors; " +
        $"{Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s";
}

/// <summary>
/// `lab test`: every expect of the file — also those trace calls broken, and negative ones — traced, then pinged for
/// real from the sender (docker exec in a container, ip netns exec elsewhere) while tcpdump watches every interface of
/// the target's namespace; conntrack is read on each Docker host the trace says masquerades. Trace's verdict and the
/// lab's are reported side by side (<see cref="LabVerdict"/>).
/// </summary>
public sealed class LabTest
{
    private readonly Action<string> _output;

    /// <param name="output">Receives one line per expect as it is judged (text mode); pass a no-op for JSON.</param>
    public LabTest(Action<string> output) => _output = output;

    public async Task<LabTestReport> RunAsync(LabName name)
    {
        var clock = Stopwatch.StartNew();
        LabTestReport Failed(params string[] errors) => new(LabOutcome.Fail(errors), Array.Empty<LabVerdict>(), clock.Elapsed);
        var state = LabState.Read(name, out var stateError);
        if (state is null)
            return Failed(stateError ?? $"lab {name} is not up (no state file {LabState.PathFor(name)}): run `netdsl lab up FILE` first");
        if (state.Phase != "up")
            return Failed($"lab {name} is {state.Phase}, not up: run `netdsl lab down {state.File}`, then `netdsl lab up` again");
        string text;
        try { text = await File.ReadAllTextAsync(state.File); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return Failed($"cannot read '{state.File}': {e.Message}"); }
        var compiled = LabModel.Compile(text, state.File, state.Overrides);
        if (compiled.Model is null) return new LabTestReport(new LabOutcome(false, compiled.Errors), Array.Empty<LabVerdict>(), clock.Elapsed);
        var model = compiled.Model;
        // The interface map as `up` recorded it: with the names the engine gave the bridges the file does not name.
        var plan = LabLowering.Lower(model, name);
        if (state.Interfaces.Count > 0) plan = plan with { Interfaces = state.Interfaces };
        var tracer = new PathTracer(model);

        var verdicts = new List<LabVerdict>();
        foreach (var expect in model.Expectations)
        {
            var trace = tracer.Trace(expect);
            LabVerdict verdict;
            try
            {
                verdict = await JudgeAsync(model, plan, tracer.Topology, trace, expect);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or LabCommandException or InvalidDataException)
            {
                // A lab broken under the test (a namespace gone, tcpdump refused): this expect cannot be told, the next ones still run.
                verdict = Verdict(expect, trace, reply: false, labArrived: null, labSource: null, target: null, Array.Empty<ConntrackCheck>(), e.Message);
            }
            _output(verdict.Line());
            verdicts.Add(verdict);
        }
        var report = new LabTestReport(LabOutcome.Ok, verdicts, clock.Elapsed);
        return verdicts.All(v => v.Passed) ? report : report with { Outcome = LabOutcome.Fail($"{verdicts.Count - report.Passed} expect(s) do not hold or disagree with trace") };
    }

    private static async Task<LabVerdict> JudgeAsync(NetworkModel model, LabPlan plan, Topology topology, TraceResult trace, Expectation expect)
    {
        var origin = topology.Find(expect.From);
        var resolved = origin is null ? PathTarget.Failed($"'{expect.From}' is not in the lab") : PathTargets.Resolve(model, topology, origin, expect.To);
        if (resolved.Error is not null)
            return Verdict(expect, trace, false, null, null, null, Array.Empty<ConntrackCheck>(), "nothing to ping: " + resolved.Error);

        var watch = LabProbe.TargetFor(trace, expect, model, topology, plan);
        var conntracks = trace.Arrived ? LabProbe.ConntrackFor(trace, plan).ToList() : new List<ConntrackExpectation>();
        foreach (var c in conntracks) await NetworkNamespace.Open(c.Namespace).ExecAsync("conntrack", "-F");
        Tcpdump? capture = watch is null ? null : await WatchAsync(watch);
        ProcessResult ping;
        IReadOnlyList<IpAddress> sources = Array.Empty<IpAddress>();
        try
        {
            ping = await PingAsync(model, plan, expect, resolved.Address);
            // ping says 1 for no reply; an engine that does not answer is no verdict at all.
            string said = ping.StandardError + ping.StandardOutput;
            if (said.Contains("Cannot connect to the Docker daemon", StringComparison.Ordinal) || said.Contains("Error response from daemon", StringComparison.Ordinal))
                throw new InvalidOperationException("cannot ping from " + expect.From + ": " + said.Trim().Split('\n')[0]);
            if (capture is not null) sources = await SeenAsync(capture, watch!.Address, ping.Succeeded);
        }
        finally
        {
            if (capture is not null) await capture.DisposeAsync();
        }

        bool? labArrived = watch is null ? null : sources.Count > 0;
        var checks = new List<ConntrackCheck>();
        if (labArrived == true)
        {
            foreach (var c in conntracks)
            {
                var list = await NetworkNamespace.Open(c.Namespace).ExecAsync("conntrack", "-L", "-f", c.Source.IsV4 ? "ipv4" : "ipv6");
                checks.Add(new ConntrackCheck(c.Device, c.ToString(), LabProbe.HasConntrackEntry(list.StandardOutput, c)));
            }
        }
        return Verdict(expect, trace, ping.Succeeded, labArrived, sources.Count > 0 ? sources[0] : null, watch?.Device, checks, null);
    }

    private static LabVerdict Verdict(Expectation expect, TraceResult trace, bool reply, bool? labArrived, IpAddress? labSource, string? target,
        IReadOnlyList<ConntrackCheck> conntrack, string? error)
    {
        bool labReached = reply && labArrived != false;
        bool holds = error is null && (expect.Kind == ExpectationKind.Ping ? labReached : !reply && labArrived != true);
        var traceSource = trace.SourceAtTarget;
        bool agree = error is null
                     && trace.Succeeded == labReached
                     && (labArrived is null || labArrived == trace.Arrived)
                     && (traceSource is null || labSource is null || traceSource == labSource)
                     && conntrack.All(c => c.Found);
        return new LabVerdict(expect.ToString(), expect.Verb, trace.Succeeded, labReached, holds, agree,
            traceSource?.ToString(), labSource?.ToString(), error, trace.Arrived, labArrived, reply,
            trace.BrokenAt, trace.Reason, target, conntrack);
    }

    /// <summary>
    /// The sources of the echo requests the capture saw. tcpdump may not have read a packet off its ring when the ping
    /// returns (on a loaded machine, seen: a reply came back and "nothing" was captured), and SIGINT makes it stop
    /// reading: so the capture is watched until the request shows (up to 3 s after a reply, 0.5 s without one) before
    /// tcpdump is stopped.
    /// </summary>
    private static async Task<IReadOnlyList<IpAddress>> SeenAsync(Tcpdump capture, IpAddress address, bool replied)
    {
        var wait = Stopwatch.StartNew();
        var limit = TimeSpan.FromMilliseconds(replied ? 3000 : 500);
        while (wait.Elapsed < limit && LabProbe.EchoRequestSources(await capture.PeekAsync(), address).Count == 0)
            await Task.Delay(50);
        return LabProbe.EchoRequestSources(await capture.StopAsync(), address);
    }

    /// <summary>tcpdump on every interface of the target's namespace, for ICMP and ICMPv6 (the echo requests are picked out after).</summary>
    private static async Task<Tcpdump> WatchAsync(TargetWatch watch)
    {
        if (watch.Namespace is not null) return await Tcpdump.StartAsync(NetworkNamespace.Open(watch.Namespace), "any", "icmp or icmp6");
        var engine = PrivateEngines.Attach(watch.HostNamespace!);
        var pid = await engine.DockerAsync("inspect", "-f", "{{.State.Pid}}", watch.Container!);
        if (!pid.Succeeded || !int.TryParse(pid.StandardOutput.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int p) || p <= 0)
            throw new InvalidOperationException($"container {watch.Container} is not running: {(pid.StandardOutput + pid.StandardError).Trim()}");
        return await Tcpdump.StartAsync(new[] { "nsenter", "-t", p.ToString(CultureInfo.InvariantCulture), "-n" }, watch.Container!, "any", "icmp or icmp6");
    }

    private static Task<ProcessResult> PingAsync(NetworkModel model, LabPlan plan, Expectation expect, IpAddress address)
    {
        string? zone = expect.To.Zone;
        if (model.FindContainer(expect.From) is { } container)
        {
            string target = address + (zone is null ? "" : "%" + zone);
            var host = model.FindNetwork(container.Attachments[0].Network)!.Host;
            // busybox ping picks the family from the address; it has no -6 on every build.
            return PrivateEngines.Attach(plan.Device(host)!.Namespace).DockerAsync("exec", container.Name, "ping", "-c", "1", "-W", "1", target);
        }
        var device = plan.Device(expect.From)!;
        string linuxTarget = address + (zone is null ? "" : "%" + plan.Linux(device.Name, zone));
        return NetworkNamespace.Open(device.Namespace).ExecAsync("ping", address.IsV4 ? "-4" : "-6", "-n", "-c", "1", "-W", "1", linuxTarget);
    }
}
