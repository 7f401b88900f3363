using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NetDsl.Docker.Apply;
using NetDsl.Docker.DaemonJson;
using NetDsl.Docker.Engine;
using NetDsl.Docker.Host;
using NetDsl.Lab;
using NetDsl.Model;
using NetDsl.Planning;

namespace NetDsl.Lab;

/// <summary>The lab's Docker hosts configured by the same planner and applier as `netdsl apply`.</summary>
public sealed class LabDockerEngine : ILabDockerEngine
{
    /// <summary>
    /// shutdown-timeout 1: the lab's containers run /bin/sh as PID 1, which ignores SIGTERM, so every stop would
    /// otherwise wait the default 10 s.
    /// </summary>
    private const string BaseDaemonJson = "{\n  \"shutdown-timeout\": 1\n}\n";

    private readonly IReadOnlyList<string>? _netdsl;

    /// <param name="netdsl">How to start netdsl, for a host's NPTv6 gateways (apply runs them in the lab's namespace).</param>
    public LabDockerEngine(IReadOnlyList<string>? netdsl = null) => _netdsl = netdsl;

    public string InitialDaemonJson(NetworkModel model, DockerHost host)
    {
        var write = ApplyPlanner.Plan(model).StepsOn(host.Name).OfType<WriteDaemonJsonStep>().FirstOrDefault();
        return write is null ? BaseDaemonJson : DaemonJsonMerge.Merge(BaseDaemonJson, write.Settings).Text;
    }

    public async Task<LabApplyResult> ApplyAsync(NetworkModel model, DockerHost host, string dockerHost, string netns, string? daemonJsonPath, CancellationToken ct)
    {
        var endpoint = EngineEndpoint.Resolve(dockerHost, out var error);
        if (endpoint is null) return new LabApplyResult(false, new[] { error ?? "bad engine endpoint " + dockerHost });
        using var engine = new EngineClient(endpoint);
        try
        {
            var options = new ApplyOptions(daemonJsonPath, new HostShell(netns), NetDsl: _netdsl);
            var plan = ApplyPlanner.Plan(model);
            var hostPlan = await HostPlanner.PlanAsync(engine, plan, host, options, ct);
            var report = await new Applier(engine, options).ApplyAsync(plan, host, hostPlan, ct);
            var lines = report.Outcomes.Select(o => o.ToString()).ToList();
            lines.Add($"{report.MutatingCalls} mutating engine call(s) in {report.Elapsed.TotalSeconds:0.00} s");
            return new LabApplyResult(!report.Failed && !report.NeedsOperator, lines);
        }
        catch (Exception e) when (EngineErrors.IsEngineFailure(e))
        {
            return new LabApplyResult(false, new[] { EngineErrors.Describe(e, "apply", engine.Endpoint) });
        }
    }
}
