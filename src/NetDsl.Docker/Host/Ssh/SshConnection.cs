using System;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NetDsl.Docker.Processes;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace NetDsl.Docker.Host.Ssh;

/// <summary>
/// One SSH login to an engine's machine, shared by everything apply does there: the Engine API (each HTTP connection
/// is a channel running <c>docker system dial-stdio</c>, as the docker CLI does for ssh://), host commands (sysctl,
/// nft, the restart command, journalctl) and files (daemon.json over SFTP). Opened on first use; the server's key
/// must be in known_hosts (never trusted on first sight), keys only (no passwords, no agent). Every failure is an
/// <see cref="SshEndpointException"/> naming the cause and the fix.
/// </summary>
public sealed class SshConnection : IDisposable
{
    private readonly SemaphoreSlim _opening = new(1, 1);
    private readonly Slot<SshClient> _client = new();
    private readonly Slot<SftpClient> _sftp = new();
    private string? _hostKeyProblem;

    public SshConnection(SshTarget target, TimeSpan? timeout = null)
    {
        Target = target;
        Timeout = timeout ?? TimeSpan.FromSeconds(15);
    }

    public SshTarget Target { get; }

    public TimeSpan Timeout { get; }

    public override string ToString() => "ssh://" + Target;

    /// <summary>Runs <paramref name="commandLine"/> (the login shell parses it) and waits; a connection failure is exit 255, as with ssh.</summary>
    public async Task<ProcessResult> RunAsync(string commandLine, string? input = null, TimeSpan? timeout = null, CancellationToken ct = default)
    {
        SshClient client;
        try { client = await ClientAsync(ct).ConfigureAwait(false); }
        catch (SshEndpointException e) { return new ProcessResult($"ssh {Target} {commandLine}", 255, "", e.Message); }
        using var cmd = client.CreateCommand(commandLine);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            var running = cmd.ExecuteAsync(limit.Token);
            using (var stdin = cmd.CreateInputStream())
                if (input is not null) await stdin.WriteAsync(Encoding.UTF8.GetBytes(input), limit.Token).ConfigureAwait(false);
            await running.ConfigureAwait(false);
            return new ProcessResult($"ssh {Target} {commandLine}", cmd.ExitStatus ?? 255, cmd.Result, cmd.Error);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new ProcessResult($"ssh {Target} {commandLine}", 124, "", "timed out");
        }
        catch (Exception e) when (e is SshException or IOException or SocketException or ObjectDisposedException)
        {
            return new ProcessResult($"ssh {Target} {commandLine}", 255, "", $"the SSH connection to {Target} failed: {e.Message}");
        }
    }

    /// <summary>A channel running <paramref name="commandLine"/>: its stdin and stdout as one stream (the Engine API over dial-stdio).</summary>
    public async Task<Stream> DialAsync(string commandLine, CancellationToken ct)
    {
        var client = await ClientAsync(ct).ConfigureAwait(false);
        var cmd = client.CreateCommand(commandLine);
        try
        {
            var running = cmd.ExecuteAsync(CancellationToken.None);
            return new SshChannelStream(cmd, running, cmd.CreateInputStream(), $"`{commandLine}` on {Target}");
        }
        catch (Exception e) when (e is SshException or IOException or SocketException or ObjectDisposedException)
        {
            cmd.Dispose();
            throw new SshEndpointException($"cannot open an SSH channel to {Target} ({e.Message}); is its sshd's MaxSessions reached, or the connection lost?", e);
        }
    }

    /// <summary>The SFTP session (opened on first use) for daemon.json and its backup.</summary>
    public Task<SftpClient> SftpAsync(CancellationToken ct = default) => OpenAsync(_sftp, info => new SftpClient(info), "SFTP", ct);

    private Task<SshClient> ClientAsync(CancellationToken ct) => OpenAsync(_client, info => new SshClient(info), "SSH", ct);

    /// <summary>The slot's open client, or a new one connected in its place; one at a time, so concurrent callers share it.</summary>
    private async Task<T> OpenAsync<T>(Slot<T> slot, Func<ConnectionInfo, T> make, string what, CancellationToken ct) where T : BaseClient
    {
        await _opening.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (slot.Client is { IsConnected: true } open) return open;
            slot.Client?.Dispose();
            slot.Client = null;
            var client = make(Connection());
            await ConnectAsync(client, ct, what).ConfigureAwait(false);
            return slot.Client = client;
        }
        finally
        {
            _opening.Release();
        }
    }

    private sealed class Slot<T> where T : BaseClient
    {
        public T? Client;
    }

    private ConnectionInfo Connection()
    {
        if (Target.KeyFiles.Count == 0)
            throw new SshEndpointException($"no SSH key to log in to {Target} with: none of ~/.ssh/id_ed25519, id_ecdsa, id_rsa exists; give one with --ssh-key HOST=PATH");
        var keys = Target.KeyFiles.Select(LoadKey).ToArray();
        return new ConnectionInfo(Target.Host, Target.Port, Target.User, new PrivateKeyAuthenticationMethod(Target.User, keys)) { Timeout = Timeout };
    }

    private static IPrivateKeySource LoadKey(string path)
    {
        try
        {
            return new PrivateKeyFile(path);
        }
        catch (SshPassPhraseNullOrEmptyException e)
        {
            throw new SshEndpointException($"the SSH key {path} is protected by a passphrase and NetDsl does not use ssh-agent; give an unencrypted deployment key with --ssh-key HOST=PATH", e);
        }
        catch (Exception e) when (e is SshException or IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or NotSupportedException or CryptographicException)
        {
            throw new SshEndpointException($"cannot read the SSH key {path} ({e.Message}); give a readable OpenSSH private key with --ssh-key HOST=PATH", e);
        }
    }

    private async Task ConnectAsync(BaseClient client, CancellationToken ct, string what)
    {
        _hostKeyProblem = null;
        client.HostKeyReceived += (_, e) =>
        {
            var verdict = KnownHosts.Check(KnownHosts.ReadAll(Target.KnownHostsFiles), Target.KnownHostsName, e.HostKeyName, e.HostKey);
            e.CanTrust = verdict == KnownHosts.Verdict.Trusted;
            _hostKeyProblem = HostKeyProblem(verdict, e.HostKeyName, e.HostKey);
        };
        try
        {
            await client.ConnectAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            client.Dispose();
            throw new SshEndpointException(Describe(e, what), e);
        }
    }

    private string Describe(Exception e, string what)
    {
        if (_hostKeyProblem is { } problem) return problem;
        string where = $"{Target.Host}:{Target.Port}";
        return e switch
        {
            SocketException { SocketErrorCode: SocketError.ConnectionRefused } => $"nothing listens for SSH at {where} (connection refused); is sshd running there, and is the port right in ssh://{Target}?",
            SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain } => $"the host {Target.Host} cannot be found; check the name in ssh://{Target}",
            SocketException s => $"cannot reach {where} for SSH ({s.Message})",
            SshAuthenticationException => $"the SSH server at {where} refused {Target.User}'s keys ({string.Join(", ", Target.KeyFiles)}); add the public key to {Target.User}'s ~/.ssh/authorized_keys there, or give another with --ssh-key HOST=PATH",
            SshOperationTimeoutException or TimeoutException or OperationCanceledException => $"the SSH server at {where} did not answer within {Timeout.TotalSeconds:0} s",
            _ => $"the {what} connection to {Target} failed ({e.Message})",
        };
    }

    private string? HostKeyProblem(KnownHosts.Verdict verdict, string type, byte[] key)
    {
        string fingerprint = "SHA256:" + Convert.ToBase64String(SHA256.HashData(key)).TrimEnd('=');
        string name = Target.KnownHostsName;
        return verdict switch
        {
            KnownHosts.Verdict.Unknown => $"the SSH host key of {name} ({type} {fingerprint}) is in no known_hosts file ({string.Join(", ", Target.KnownHostsFiles)}); NetDsl never trusts a key on first sight: check the fingerprint, then add it (ssh-keyscan{(Target.Port == SshTarget.DefaultPort ? "" : " -p " + Target.Port)} {Target.Host} >> ~/.ssh/known_hosts) or log in once with ssh",
            KnownHosts.Verdict.Changed => $"the SSH host key of {name} ({type} {fingerprint}) is not the one known_hosts lists for it: the host was reinstalled, or something is in between; if you trust the new key, remove the old line (ssh-keygen -R '{name}') and add the new one",
            KnownHosts.Verdict.Revoked => $"the SSH host key of {name} ({type} {fingerprint}) is marked @revoked in known_hosts; the host must get a new key",
            _ => null,
        };
    }

    public void Dispose()
    {
        _client.Client?.Dispose();
        _sftp.Client?.Dispose();
        _opening.Dispose();
    }
}
