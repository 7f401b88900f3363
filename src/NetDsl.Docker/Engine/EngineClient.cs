using System;
using System.Threading;
using Docker.DotNet;

namespace NetDsl.Docker.Engine;

/// <summary>
/// A Docker.DotNet client (TLS client certificates when the endpoint has them) pinned to API 1.41 (Docker 20.10, what Debian ships and the notes measured), plus a count
/// of the calls that change the engine: a second apply must make none.
/// </summary>
public sealed class EngineClient : IDisposable
{
    public static readonly Version ApiVersion = new(1, 41);

    private int _mutations;

    public EngineClient(EngineEndpoint endpoint, TimeSpan? timeout = null)
    {
        Endpoint = endpoint;
        var builder = new DockerClientBuilder()
            .WithEndpoint(endpoint.Uri)
            .WithApiVersion(ApiVersion)
            .WithTimeout(timeout ?? TimeSpan.FromSeconds(60));
        // TLS: the client certificate, and the server's checked against ca.pem only (as `docker --tlsverify` does).
        if (endpoint.TlsDirectory is { } tls) builder = builder.WithAuthProvider(global::Docker.DotNet.X509.DockerTlsCertificates.LoadFromDirectory(tls).CreateCredentials());
        Docker = builder.Build();
    }

    public EngineEndpoint Endpoint { get; }

    public DockerClient Docker { get; }

    /// <summary>Create, start, connect, remove calls made so far (inspections and lists are not counted).</summary>
    public int MutatingCalls => Volatile.Read(ref _mutations);

    public void CountMutation() => Interlocked.Increment(ref _mutations);

    public void Dispose() => Docker.Dispose();
}
