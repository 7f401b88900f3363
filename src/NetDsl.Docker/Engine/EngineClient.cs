using System;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;

namespace NetDsl.Docker.Engine;

/// <summary>
/// A Docker.DotNet client (TLS client certificates when the endpoint has them) at the Engine API version negotiated
/// with the engine (<see cref="ConnectAsync"/>: the highest version both speak, never a fixed one), the engine's
/// identity, and a count of the calls that change the engine: a second apply must make none. Plan, apply and verify
/// connect first; <see cref="Docker"/> is only valid after that.
/// </summary>
public sealed class EngineClient : IDisposable
{
    private readonly TimeSpan _timeout;
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private DockerClient? _docker;
    private int _mutations;

    public EngineClient(EngineEndpoint endpoint, TimeSpan? timeout = null)
    {
        Endpoint = endpoint;
        _timeout = timeout ?? TimeSpan.FromSeconds(60);
        Ssh = endpoint.Ssh is { } target ? new Host.Ssh.SshConnection(target) : null;
    }

    public EngineEndpoint Endpoint { get; }

    /// <summary>The SSH login an ssh:// endpoint goes through (shared with the host's shell and files); null otherwise.</summary>
    public Host.Ssh.SshConnection? Ssh { get; }

    /// <summary>What the engine said about itself and the API version chosen; null before <see cref="ConnectAsync"/>.</summary>
    public EngineIdentity? Identity { get; private set; }

    /// <summary>The client at the negotiated API version.</summary>
    /// <exception cref="InvalidOperationException">Before <see cref="ConnectAsync"/> (a programming error, never an input's).</exception>
    public DockerClient Docker => _docker ?? throw new InvalidOperationException("EngineClient: call ConnectAsync before using the engine");

    /// <summary>Create, start, connect, remove calls made so far (inspections and lists are not counted).</summary>
    public int MutatingCalls => Volatile.Read(ref _mutations);

    public void CountMutation() => Interlocked.Increment(ref _mutations);

    /// <summary>
    /// Asks the engine for its version and API range (<c>GET /version</c>, unversioned, which every engine answers
    /// whatever its minimum) and opens the client at the highest API version both sides speak. Idempotent.
    /// </summary>
    /// <exception cref="EngineMismatchException">No common version: the message names both ranges and what to do.</exception>
    public async Task<EngineIdentity> ConnectAsync(CancellationToken ct = default)
    {
        if (Identity is { } known) return known;
        await _connecting.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (Identity is { } again) return again;
            using var unversioned = Build(null);
            var answer = await unversioned.System.GetVersionAsync(ct).ConfigureAwait(false);
            var identity = ApiNegotiation.Negotiate(answer, Endpoint);
            _docker = Build(identity.Api);
            Identity = identity;
            return identity;
        }
        finally
        {
            _connecting.Release();
        }
    }

    private DockerClient Build(Version? api)
    {
        var builder = new DockerClientBuilder().WithEndpoint(Endpoint.Uri).WithTimeout(_timeout);
        if (api is not null) builder = builder.WithApiVersion(api);
        // TLS: the client certificate, and the server's checked against ca.pem only (as `docker --tlsverify` does).
        if (Endpoint.TlsDirectory is { } tls) builder = builder.WithAuthProvider(global::Docker.DotNet.X509.DockerTlsCertificates.LoadFromDirectory(tls).CreateCredentials());
        return Ssh is not null ? builder.WithTransportOptions(SshTransport.Instance, Ssh).Build() : builder.Build();
    }

    public void Dispose()
    {
        _docker?.Dispose();
        Ssh?.Dispose();
        _connecting.Dispose();
    }
}
