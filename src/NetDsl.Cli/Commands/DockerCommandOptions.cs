using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using NetDsl.Docker.Apply;
using NetDsl.Docker.Engine;
using NetDsl.Docker.Host;
using NetDsl.Model;

namespace NetDsl.Cli.Commands;

/// <summary>The options plan, apply and verify share, and the steps they all start with (compile, pick host, connect).</summary>
internal sealed class DockerCommandOptions
{
    public Argument<string> File { get; } = new("file") { Description = "The .netdsl file." };
    public Option<string[]> Set { get; } = SourceFile.SetOption();
    public Option<string?> DockerHost { get; } = new("--docker-host") { Description = "Engine endpoint (unix:///path or tcp://host:port); default DOCKER_HOST, then unix:///var/run/docker.sock." };
    public Option<string?> Host { get; } = new("--host") { Description = "The docker-host of the file this engine is (default: the file's only docker-host)." };
    public Option<string?> Netns { get; } = new("--host-netns") { Description = "Run host-side commands (sysctl, nft, ip, ping) in this network namespace, where a private dockerd runs (labs)." };

    /// <summary>The daemon.json option of plan and apply (verify does not read the file).</summary>
    public static Option<string?> DaemonJsonOption() =>
        new("--daemon-json") { Description = "daemon.json to merge into (local engine only; default /etc/docker/daemon.json)." };

    public void AddTo(Command command)
    {
        command.Arguments.Add(File);
        command.Options.Add(Set);
        command.Options.Add(DockerHost);
        command.Options.Add(Host);
        command.Options.Add(Netns);
    }

    /// <summary>Compiles, picks the host and opens the engine; null (message written, exit code set) when it cannot.</summary>
    public (NetworkModel Model, DockerHost Host, EngineClient Engine, HostShell Shell)? Open(ParseResult parse, CliConsole console, out int exitCode)
    {
        exitCode = ExitCodes.Success;
        string path = Path.GetFullPath(parse.GetValue(File)!);
        // The ownership label uses only the file name (OwnershipLabels.SourceName), so the path form does not matter.
        var result = SourceFile.Compile(path, parse.GetValue(Set), console);
        if (result is null) { exitCode = ExitCodes.Usage; return null; }
        if (result.HasErrors || result.Model is null) { exitCode = ExitCodes.Failure; return null; }
        var model = result.Model;
        string? hostName = parse.GetValue(Host);
        var host = hostName is null ? (model.Hosts.Count == 1 ? model.Hosts[0] : null) : model.FindHost(hostName);
        if (host is null)
        {
            console.Error.WriteLine(hostName is null
                ? $"netdsl: {path} declares {model.Hosts.Count} docker-hosts; choose one with --host ({string.Join(", ", model.Hosts.Select(h => h.Name))})"
                : $"netdsl: no docker-host named {hostName} in {path}");
            exitCode = ExitCodes.Usage;
            return null;
        }
        var endpoint = EngineEndpoint.Resolve(parse.GetValue(DockerHost), out var error);
        if (endpoint is null) { console.Error.WriteLine("netdsl: " + error); exitCode = ExitCodes.Usage; return null; }
        return (model, host, new EngineClient(endpoint), new HostShell(parse.GetValue(Netns)));
    }
}
