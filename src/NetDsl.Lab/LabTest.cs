using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NetDsl.Lab.Sniffing;
using NetDsl.Lab.Docker;
using NetDsl.Lab.Namespaces;
using NetDsl.Docker.Processes;
using NetDsl.Model;
using NetDsl.Tracing;

namespace NetDsl.Lab;

/// <summary>
/// `lab test`: for every expect of the file, traces it, pings for real from the sender (docker exec in a container,
/// ip netns exec elsewhere), captures the echo request where it arrives and compares its source with the trace, and
/// reads conntrack on each Docker host that masquerades it. One line per expect.
/// </summary>
public sealed class LabTest
{
    private readonly Action<string> _output;

    public LabTest(Action<string> output) => _output = output;

    public async Task<LabOutcome> RunAsync(LabName name)
    {
        var state = LabState.Read(name, out var stateError);
        if (state is null)
            return LabOutcome.Fail(stateError ?? $"lab {name} is not up (no state file {LabState.PathFor(name)}): run `netdsl lab up FILE` first");
        if (state.Phase != "up")
            return LabOutcome.Fail($"lab {name} is {state.Phase}, not up: run `netdsl lab down {state.File}`, then `netdsl lab up` again");
        string text;
        try { text = await File.ReadAllTextAsync(state.File); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return LabOutcome.Fail($"cannot read '{state.File}': {e.Message}"); }
        var compiled = LabModel.Compile(text, state.File, state.Overrides);
        if (compiled.Model is null) return new LabOutcome(false, compiled.Errors);
        var model = compiled.Model;
        var plan = LabLowering.Lower(model, name);
        var tracer = new PathTracer(model);

        var clock = Stopwatch.StartNew();
        int passed = 0;
        foreach (var expect in model.Expectations)
        {
            bool ok;
            string line;
            try
            {
                (ok, line) = await CheckAsync(model, plan, tracer.Trace(expect), expect);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or LabCommandException)
            {
                // A lab broken under the test (a namespace gone, tcpdump refused): this expect fails, the next ones still run.
                (ok, line) = (false, $"{expect.From} -> {expect.To}  ({e.Message})");
            }
            _output((ok ? "ok    " : "FAIL  ") + line);
            if (ok) passed++;
        }
        _output($"lab test: {passed} of {model.Expectations.Count} expects passed in {clock.Elapsed.TotalSeconds:0.0} s");
        return passed == model.Expectations.Count ? LabOutcome.Ok : LabOutcome.Fail($"{model.Expectations.Count - passed} expect(s) failed");
    }

    private static async Task<(bool, string)> CheckAsync(NetworkModel model, LabPlan plan, TraceResult trace, Expectation expect)
    {
        string what = $"{expect.From} -> {expect.To}";
        if (!trace.Succeeded) return (false, $"{what}  (trace says broken at {trace.BrokenAt}: {trace.Reason})");

        var point = LabProbe.CapturePointFor(trace, plan);
        var conntracks = LabProbe.ConntrackFor(trace, plan).ToList();
        foreach (var c in conntracks) await NetworkNamespace.Open(c.Namespace).ExecAsync("conntrack", "-F");
        Tcpdump? capture = point is null ? null : await Tcpdump.StartAsync(NetworkNamespace.Open(point.Namespace), point.Interface, "icmp6");
        var ping = await PingAsync(model, plan, expect, trace);

        var facts = new List<string>();
        bool ok = ping.Succeeded;
        if (!ping.Succeeded) facts.Add($"no reply: {(ping.StandardOutput + ping.StandardError).Trim().Split('\n').LastOrDefault()}");
        if (capture is not null && point is not null)
        {
            await using (capture)
            {
                var sources = LabProbe.EchoRequestSources(await capture.StopAsync(), point.WireDestination);
                string where = $"{point.Device} {point.VendorInterface}";
                if (sources.Count == 0) { ok = false; facts.Add($"no echo request to {point.WireDestination} seen on {where}"); }
                else if (sources[0] != point.ExpectedSource) { ok = false; facts.Add($"src at {where} {sources[0]}, trace says {point.ExpectedSource}"); }
                else facts.Add($"src at {where} {sources[0]} = trace");
            }
        }
        foreach (var c in conntracks)
        {
            var list = await NetworkNamespace.Open(c.Namespace).ExecAsync("conntrack", "-L", "-f", "ipv6");
            if (LabProbe.HasConntrackEntry(list.StandardOutput, c)) facts.Add($"conntrack on {c.Device} {c.Source} -> {c.Masqueraded} = trace");
            else { ok = false; facts.Add($"conntrack on {c.Device} has no entry {c}"); }
        }
        return (ok, $"{what}  ({string.Join("; ", facts.DefaultIfEmpty("reply"))})");
    }

    private static Task<ProcessResult> PingAsync(NetworkModel model, LabPlan plan, Expectation expect, TraceResult trace)
    {
        string? zone = expect.To.Zone;
        if (model.FindContainer(expect.From) is { } container)
        {
            string target = trace.Destination + (zone is null ? "" : "%" + zone);
            var host = model.FindNetwork(container.Attachments[0].Network)!.Host;
            // busybox ping picks the family from the address; it has no -6 on every build.
            return PrivateEngines.Attach(plan.Device(host)!.Namespace).DockerAsync("exec", container.Name, "ping", "-c", "1", "-W", "2", target);
        }
        var device = plan.Device(expect.From)!;
        string linuxTarget = trace.Destination + (zone is null ? "" : "%" + plan.Linux(device.Name, zone));
        return NetworkNamespace.Open(device.Namespace).ExecAsync("ping", "-6", "-n", "-c", "1", "-W", "2", linuxTarget);
    }
}
