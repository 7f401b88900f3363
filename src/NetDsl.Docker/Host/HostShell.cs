using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NetDsl.Docker.Processes;

namespace NetDsl.Docker.Host;

/// <summary>
/// Runs commands on the Docker host: this machine, or (labs, tests) inside the network namespace a private dockerd
/// runs in, via <c>ip netns exec</c> (which also gives sysctl the namespace's own /proc/sys/net).
/// </summary>
public sealed record HostShell(string? Netns)
{
    public static HostShell Local { get; } = new((string?)null);

    public Task<ProcessResult> RunAsync(string program, IEnumerable<string> arguments, string? input = null) =>
        Netns is null
            ? ProcessRunner.RunAsync(program, arguments, input)
            : ProcessRunner.RunAsync("ip", new[] { "netns", "exec", Netns, program }.Concat(arguments), input);

    public Task<ProcessResult> RunAsync(string program, params string[] arguments) => RunAsync(program, arguments, null);

    public override string ToString() => Netns is null ? "this host" : "namespace " + Netns;
}
