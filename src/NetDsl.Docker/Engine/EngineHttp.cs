using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace NetDsl.Docker.Engine;

/// <summary>
/// A plain GET on the engine's socket, for the few answers Docker.DotNet has no call for (Podman's own libpod API:
/// the bridge netavark picked for a network). Unix sockets and tcp:// endpoints alike, with TLS when the endpoint has it.
/// </summary>
public static class EngineHttp
{
    /// <summary>The JSON document at <paramref name="path"/>, or null when the engine answers with an error status.</summary>
    public static async Task<JsonDocument?> GetJsonAsync(EngineClient engine, string path, CancellationToken ct = default)
    {
        if (engine.Ssh is null) return await GetJsonAsync(engine.Endpoint, path, ct).ConfigureAwait(false);
        using var overSsh = new HttpClient(SshTransport.Handler(engine.Ssh)) { BaseAddress = SshTransport.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        return await GetJsonAsync(overSsh, path, ct).ConfigureAwait(false);
    }

    /// <summary>The same for an endpoint without an SSH login (unix socket or tcp://).</summary>
    public static async Task<JsonDocument?> GetJsonAsync(EngineEndpoint endpoint, string path, CancellationToken ct = default)
    {
        using var handler = new SocketsHttpHandler();
        Uri baseAddress;
        if (endpoint.IsLocal)
        {
            string socket = endpoint.Uri.LocalPath;
            handler.ConnectCallback = async (_, token) =>
            {
                var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await s.ConnectAsync(new UnixDomainSocketEndPoint(socket), token).ConfigureAwait(false);
                    return new NetworkStream(s, ownsSocket: true);
                }
                catch
                {
                    s.Dispose();
                    throw;
                }
            };
            baseAddress = new Uri("http://localhost");
        }
        else
        {
            // TLS as EngineClient does it: the client certificate, and the server's checked against ca.pem only.
            if (endpoint.TlsDirectory is { } tls) UseTls(handler, tls);
            bool https = endpoint.TlsDirectory is not null || endpoint.Uri.Scheme == "https";
            baseAddress = new UriBuilder(endpoint.Uri) { Scheme = https ? "https" : "http" }.Uri;
        }
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        return await GetJsonAsync(client, path, ct).ConfigureAwait(false);
    }

    private static async Task<JsonDocument?> GetJsonAsync(HttpClient client, string path, CancellationToken ct)
    {
        using var response = await client.GetAsync(path, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) return null;
        var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        return await JsonDocument.ParseAsync(body, cancellationToken: ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The client certificate (cert.pem, key.pem), and the server's accepted only when ca.pem signed it (the host name
    /// is not checked), as <c>docker --tlsverify</c> and <see cref="EngineClient"/> do.
    /// </summary>
    private static void UseTls(SocketsHttpHandler handler, string folder)
    {
        var client = X509Certificate2.CreateFromPemFile(Path.Combine(folder, "cert.pem"), Path.Combine(folder, "key.pem"));
        var authority = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(folder, "ca.pem")));
        handler.SslOptions.ClientCertificates = new X509CertificateCollection { client };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
        {
            if (certificate is null) return false;
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(authority);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(certificate as X509Certificate2 ?? new X509Certificate2(certificate));
        };
    }
}
