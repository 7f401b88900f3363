using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using NetDsl.Docker.Engine;
using NetDsl.Docker.Host;
using NetDsl.Model;

namespace NetDsl.Cli.Commands;

/// <summary>One docker-host of the file with the engine and host shell it is reached through.</summary>
internal sealed record HostTarget(DockerHost Host, EngineClient Engine, HostShell Shell, string? DaemonJson) : IDisposable
{
    public void Dispose() => Engine.Dispose();
}

/// <summary>
/// The options plan, apply, destroy and verify share, and the steps they all start with (compile, pick the hosts,
/// connect). Per-host options take <c>HOST=VALUE</c> (repeatable) or a plain VALUE for the one host chosen.
/// </summary>
internal sealed class DockerCommandOptions
{
    public Argument<string> File { get; } = new("file") { Description = "The .netdsl file." };
    public Option<string[]> Set { get; } = SourceFile.SetOption();
    public Option<string[]> DockerHost { get; } = PerHost("--docker-host",
        "Engine endpoint: unix:///path, tcp://host:port or a Docker context name; HOST=ENDPOINT per docker-host of the file (repeatable). Default DOCKER_HOST, then unix:///var/run/docker.sock.");
    public Option<string[]> TlsDirectory { get; } = PerHost("--tls-dir",
        "Folder with ca.pem, cert.pem and key.pem for a tcp:// endpoint with TLS (as DOCKER_CERT_PATH); HOST=DIR per docker-host.");
    public Option<string?> Host { get; } = new("--host") { Description = "Only this docker-host of the file (default: every docker-host; plan and apply reach them concurrently)." };
    public Option<string[]> SshKey { get; } = PerHost("--ssh-key",
        "Private key for an ssh:// endpoint (default ~/.ssh/id_ed25519, id_ecdsa, id_rsa; the host key must be in ~/.ssh/known_hosts); HOST=PATH per docker-host.");
    public Option<string[]> Netns { get; } = PerHost("--host-netns",
        "Run host-side commands (sysctl, nft, ip, ping) in this network namespace, where a private dockerd runs (labs); HOST=NS per docker-host.");

    private static Option<string[]> PerHost(string name, string description) => new(name)
    {
        Description = description,
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>The daemon.json option of plan, apply and destroy (verify does not read the file).</summary>
    public static Option<string[]> DaemonJsonOption() =>
        PerHost("--daemon-json", "daemon.json to merge into, on the engine's machine (a local socket's, or over SFTP for ssh://; default /etc/docker/daemon.json); HOST=PATH per docker-host.");

    public void AddTo(Command command)
    {
        command.Arguments.Add(File);
        command.Options.Add(Set);
        command.Options.Add(DockerHost);
        command.Options.Add(TlsDirectory);
        command.Options.Add(SshKey);
        command.Options.Add(Host);
        command.Options.Add(Netns);
    }

    /// <summary>One host (the file's only one, or --host): compiles and opens the engine; null (message written, exit code set) when it cannot.</summary>
    public (NetworkModel Model, DockerHost Host, EngineClient Engine, HostShell Shell)? Open(ParseResult parse, CliConsole console, out int exitCode)
    {
        var all = OpenAll(parse, console, out exitCode, single: true);
        if (all is null) return null;
        var t = all.Value.Targets[0];
        return (all.Value.Model, t.Host, t.Engine, t.Shell);
    }

    /// <summary>
    /// Every host to work on: --host, else all of the file's docker-hosts. With several, each needs its endpoint
    /// (<c>--docker-host HOST=URI</c>). Null (message written, exit code set) when any cannot be reached as given.
    /// </summary>
    public (NetworkModel Model, IReadOnlyList<HostTarget> Targets)? OpenAll(ParseResult parse, CliConsole console, out int exitCode,
        Option<string[]>? daemonJson = null, bool single = false)
    {
        exitCode = ExitCodes.Success;
        string path = Path.GetFullPath(parse.GetValue(File)!);
        // The ownership label uses the project name or the file name (NetworkModel.Owner), so the path form does not matter.
        var result = SourceFile.Compile(path, parse.GetValue(Set), console);
        if (result is null) { exitCode = ExitCodes.Usage; return null; }
        if (result.HasErrors || result.Model is null) { exitCode = ExitCodes.Failure; return null; }
        var model = result.Model;
        string? hostName = parse.GetValue(Host);
        var hosts = hostName is not null ? (model.FindHost(hostName) is { } h ? new List<DockerHost> { h } : new List<DockerHost>()) : model.Hosts.ToList();
        if (hostName is not null && hosts.Count == 0) return Usage(console, $"no docker-host named {hostName} in {path}", out exitCode);
        if (hosts.Count == 0) return Usage(console, $"{path} declares no docker-host", out exitCode);
        if (single && hosts.Count > 1)
            return Usage(console, $"{path} declares {hosts.Count} docker-hosts; choose one with --host ({string.Join(", ", hosts.Select(x => x.Name))})", out exitCode);

        var names = model.Hosts.Select(x => x.Name).ToHashSet(StringComparer.Ordinal);
        var endpoints = PerHostValues(parse.GetValue(DockerHost), names, "--docker-host", out var error);
        var tls = error is null ? PerHostValues(parse.GetValue(TlsDirectory), names, "--tls-dir", out error) : null;
        var netns = error is null ? PerHostValues(parse.GetValue(Netns), names, "--host-netns", out error) : null;
        var sshKeys = error is null ? PerHostValues(parse.GetValue(SshKey), names, "--ssh-key", out error) : null;
        var daemon = error is null && daemonJson is not null ? PerHostValues(parse.GetValue(daemonJson), names, "--daemon-json", out error) : new Dictionary<string, string>();
        if (error is not null) return Usage(console, error, out exitCode);

        if (hosts.Count > 1 && hosts.FirstOrDefault(x => !endpoints!.ContainsKey(x.Name)) is { } missing && !endpoints!.ContainsKey(""))
            return Usage(console, $"{path} declares {hosts.Count} docker-hosts: give each its engine with --docker-host HOST=URI (none for {missing.Name}), or choose one with --host", out exitCode);
        if (hosts.Count > 1 && endpoints!.ContainsKey("") )
            return Usage(console, $"one --docker-host for {hosts.Count} docker-hosts would apply them all to the same engine; use --docker-host HOST=URI for each, or --host", out exitCode);

        var targets = new List<HostTarget>();
        foreach (var host in hosts)
        {
            string? For(Dictionary<string, string> values) => values.TryGetValue(host.Name, out var v) ? v : values.TryGetValue("", out var any) ? any : null;
            var endpoint = EngineEndpoint.Resolve(For(endpoints!), out var endpointError, For(tls!), For(sshKeys!));
            if (endpoint is null)
            {
                foreach (var t in targets) t.Dispose();
                return Usage(console, (hosts.Count > 1 ? "host " + host.Name + ": " : "") + endpointError, out exitCode);
            }
            try
            {
                var engine = new EngineClient(endpoint);
                targets.Add(new HostTarget(host, engine, new HostShell(For(netns!), engine.Ssh), For(daemon!)));
            }
            catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or IOException or UnauthorizedAccessException)
            {
                foreach (var t in targets) t.Dispose();
                return Usage(console, $"host {host.Name}: cannot load the TLS certificates in {endpoint.TlsDirectory}: {e.Message}", out exitCode);
            }
        }
        return (model, targets);
    }

    /// <summary>HOST=VALUE entries by host; a plain VALUE under "" (for the one host chosen). Unknown HOST: an error.</summary>
    private static Dictionary<string, string>? PerHostValues(string[]? values, ISet<string> hosts, string option, out string? error)
    {
        error = null;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var v in values ?? Array.Empty<string>())
        {
            int eq = v.IndexOf('=');
            string key = eq > 0 && !v[..eq].Contains('/') && !v[..eq].Contains(':') ? v[..eq] : "";
            string value = key.Length > 0 ? v[(eq + 1)..] : v;
            if (key.Length > 0 && !hosts.Contains(key))
            {
                error = $"{option} {v}: the file declares no docker-host named {key} ({string.Join(", ", hosts)})";
                return null;
            }
            if (result.ContainsKey(key))
            {
                error = $"{option} is given twice for {(key.Length == 0 ? "the host" : key)}";
                return null;
            }
            result[key] = value;
        }
        return result;
    }

    private static (NetworkModel, IReadOnlyList<HostTarget>)? Usage(CliConsole console, string message, out int exitCode)
    {
        console.Error.WriteLine("netdsl: " + message);
        exitCode = ExitCodes.Usage;
        return null;
    }
}
