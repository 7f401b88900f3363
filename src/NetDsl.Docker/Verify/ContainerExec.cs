using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet.Models;
using NetDsl.Docker.Engine;

namespace NetDsl.Docker.Verify;

/// <summary>Runs a command in a container through the Engine API (as `docker exec` does) and returns its output and exit code.</summary>
public static class ContainerExec
{
    public static async Task<(int ExitCode, string Output)> RunAsync(EngineClient engine, string container, IList<string> command, CancellationToken ct = default)
    {
        var exec = await engine.Docker.Exec.CreateContainerExecAsync(container,
            new ContainerExecCreateParameters { Cmd = command, AttachStdout = true, AttachStderr = true }, ct);
        using var stream = await engine.Docker.Exec.StartContainerExecAsync(exec.ID, new ContainerExecStartParameters { Detach = false }, ct);
        var (stdout, stderr) = await stream.ReadOutputToEndAsync(ct);
        var inspect = await engine.Docker.Exec.InspectContainerExecAsync(exec.ID, ct);
        return ((int)(inspect.ExitCode ?? -1), stdout + stderr);
    }
}
