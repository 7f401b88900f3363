using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NetDsl.Docker.Host.Ssh;
using NetDsl.Docker.Processes;

namespace NetDsl.Docker.Host;

/// <summary>
/// Runs commands on the Docker host: this machine, or (labs, tests) inside the network namespace a private dockerd
/// runs in, via <c>ip netns exec</c> (which also gives sysctl the namespace's own /proc/sys/net), or — for an ssh://
/// engine — on its machine over the same SSH login (there too inside <see cref="Netns"/> when one is named).
/// </summary>
public sealed record HostShell(string? Netns, SshConnection? Ssh = null)
{
    public static HostShell Local { get; } = new((string?)null);

    /// <summary>The host's files: this machine's, or over SFTP for an ssh:// engine.</summary>
    public IHostFiles Files => Ssh is null ? LocalFiles.Instance : new SftpFiles(Ssh);

    public Task<ProcessResult> RunAsync(string program, IEnumerable<string> arguments, string? input = null)
    {
        var command = Netns is null ? new[] { program }.Concat(arguments) : new[] { "ip", "netns", "exec", Netns, program }.Concat(arguments);
        if (Ssh is not null) return Ssh.RunAsync(string.Join(" ", command.Select(Quote)), input);
        var all = command.ToList();
        return ProcessRunner.RunAsync(all[0], all.Skip(1), input);
    }

    public Task<ProcessResult> RunAsync(string program, params string[] arguments) => RunAsync(program, arguments, null);

    /// <summary>A command line the host runs as written: <c>sh -c</c> here, the login shell over SSH.</summary>
    public Task<ProcessResult> RunCommandLineAsync(string commandLine, System.TimeSpan timeout, System.Threading.CancellationToken ct = default) =>
        Ssh is not null
            ? Ssh.RunAsync(commandLine, null, timeout, ct)
            : ProcessRunner.RunAsync("sh", new[] { "-c", commandLine }, timeout: timeout, cancellationToken: ct);

    /// <summary>One word for a POSIX shell: as is when it is plainly safe, else single-quoted.</summary>
    public static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=,%@+".Contains(c)) ? arg : "'" + arg.Replace("'", "'\\''") + "'";

    public override string ToString() => Ssh is not null ? (Netns is null ? Ssh.ToString() : $"namespace {Netns} on {Ssh}") : Netns is null ? "this host" : "namespace " + Netns;
}
