using System;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace NetDsl.Docker.Engine;

/// <summary>
/// A plain GET on the engine's socket, for the few answers Docker.DotNet has no call for (Podman's own libpod API:
/// the bridge netavark picked for a network). Unix sockets and tcp:// endpoints alike.
/// </summary>
public static class EngineHttp
{
    /// <summary>The JSON document at <paramref name="path"/>, or null when the engine answers with an error status.</summary>
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
            baseAddress = new UriBuilder(endpoint.Uri) { Scheme = endpoint.Uri.Scheme == "https" ? "https" : "http" }.Uri;
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await client.GetAsync(path, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) return null;
        var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        return await JsonDocument.ParseAsync(body, cancellationToken: ct).ConfigureAwait(false);
    }
}
