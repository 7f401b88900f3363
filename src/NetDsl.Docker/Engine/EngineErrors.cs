using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using Docker.DotNet;

namespace NetDsl.Docker.Engine;

/// <summary>
/// Turns engine failures into one line naming the object and the fix. The engine's own words are kept at the end,
/// because they are what a search finds. Errors the engine defers to start (address out of subnet, duplicate
/// address, unknown network) are recognised too.
/// </summary>
public static class EngineErrors
{
    public static bool IsEngineFailure(Exception e) =>
        Unwrap(e) is DockerApiException or EngineMismatchException or HttpRequestException or SocketException or TimeoutException or OperationCanceledException
            or System.IO.IOException or UnauthorizedAccessException or System.Security.Authentication.AuthenticationException;

    /// <summary>The SSH login to an ssh:// engine's machine failed (so its files and commands are out of reach too).</summary>
    public static bool IsSshFailure(Exception e) => Chain(Unwrap(e)).Any(x => x is Host.Ssh.SshEndpointException);

    /// <summary>The exception that says what happened (Docker.DotNet wraps some in AggregateException).</summary>
    public static Exception Unwrap(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: 1 } a) e = a.InnerExceptions[0];
        return e;
    }

    public static string Describe(Exception error, string what, EngineEndpoint endpoint)
    {
        var e = Unwrap(error);
        if (e is EngineMismatchException mismatch) return $"{what}: {mismatch.Message}";
        // An ssh:// engine's failures already name the cause and the fix (host key, login, dial-stdio).
        if (Chain(e).OfType<Host.Ssh.SshEndpointException>().FirstOrDefault() is { } ssh) return $"{what}: {ssh.Message}";
        if (e is DockerApiException api)
        {
            if (!IsEngineBody(api.ResponseBody))
                return $"{what}: {endpoint} answered HTTP {(int)api.StatusCode}, but not as a Docker engine does; is --docker-host the engine's socket or port?";
            string raw = EngineMessage(api.ResponseBody);
            string hint = Hint(api.StatusCode, raw, what);
            return $"{what}: {hint} (engine: {(int)api.StatusCode} {raw})";
        }
        if (Chain(e).Any(x => x is System.Security.Authentication.AuthenticationException || x.Message.Contains("SSL", StringComparison.Ordinal) || x.Message.Contains("certificate", StringComparison.OrdinalIgnoreCase)))
            return $"{what}: the TLS handshake with {endpoint} failed ({Chain(e).Last().Message}); check --tls-dir: ca.pem must have signed the engine's certificate, and the engine must trust cert.pem";
        var socket = e as SocketException ?? e.InnerException as SocketException ?? e.InnerException?.InnerException as SocketException;
        if (e is UnauthorizedAccessException || socket?.SocketErrorCode == SocketError.AccessDenied || e.Message.Contains("Permission denied", StringComparison.OrdinalIgnoreCase))
            return $"{what}: permission denied on {endpoint}; run as root or as a member of the socket's group (usually docker)";
        if (socket?.SocketErrorCode == SocketError.ConnectionRefused)
            return $"{what}: nothing listens at {endpoint} (connection refused); is dockerd running? Choose the engine with --docker-host or DOCKER_HOST";
        if (socket?.SocketErrorCode is SocketError.AddressNotAvailable or SocketError.HostNotFound or SocketError.NoData || (endpoint.IsLocal && !System.IO.File.Exists(endpoint.Uri.AbsolutePath)))
            return endpoint.IsLocal
                ? $"{what}: there is no socket at {endpoint.Uri.AbsolutePath}; is dockerd running? Choose the engine with --docker-host or DOCKER_HOST"
                : $"{what}: the host of {endpoint} cannot be found ({socket?.Message ?? e.Message}); check --docker-host";
        if (e is HttpRequestException or SocketException or System.IO.IOException)
            return $"{what}: the engine at {endpoint} is unreachable ({e.Message}); is dockerd running? Choose it with --docker-host or DOCKER_HOST";
        if (e is TimeoutException or OperationCanceledException)
            return $"{what}: the engine at {endpoint} did not answer in time";
        return $"{what}: {e.GetType().Name}: {e.Message}";
    }

    private static System.Collections.Generic.IEnumerable<Exception> Chain(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException) yield return x;
    }

    /// <summary>The engine's errors are JSON objects with a "message"; anything else came from another server.</summary>
    private static bool IsEngineBody(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return true;   // HEAD-like answers and empty 404s of the engine itself
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("message", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// The container id of containerd's "task already exists" leftover, or null: containerd's task service says
    /// "task ID: already exists" (services/tasks/local.go, errdefs.ErrAlreadyExists), its runtime task list
    /// "ID: task already exists" (runtime/task_list.go, ErrTaskAlreadyExists); dockerd passes either through.
    /// </summary>
    public static string? StaleTask(string message)
    {
        var m = System.Text.RegularExpressions.Regex.Match(message, @"\btask ([0-9a-f]{12,64}): already exists|\b([0-9a-f]{12,64}): task already exists");
        return m.Success ? (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value) : null;
    }

    /// <summary>The leftover task's container id when <paramref name="error"/> is the engine refusing a start with it, or null.</summary>
    public static string? StaleTaskOf(Exception error) =>
        Unwrap(error) is DockerApiException api && IsEngineBody(api.ResponseBody) ? StaleTask(EngineMessage(api.ResponseBody)) : null;

    /// <summary>The engine's own words for a refusal (its JSON "message"), else the exception's message.</summary>
    public static string EngineMessageOf(Exception error) =>
        Unwrap(error) is DockerApiException api ? EngineMessage(api.ResponseBody) : Unwrap(error).Message;

    /// <summary>The first 12 hex digits of an id, as docker ps shows it.</summary>
    public static string ShortId(string id) => id.Length > 12 ? id[..12] : id;

    private static string Short(string id) => ShortId(id);

    /// <summary>"start container web" → "web"; otherwise the whole step (the command then names the step).</summary>
    private static string ContainerOf(string what) =>
        what.StartsWith("start container ", StringComparison.Ordinal) ? what["start container ".Length..] : "CONTAINER";

    private static string Hint(HttpStatusCode status, string raw, string what)
    {
        string m = raw.ToLowerInvariant();
        if (StaleTask(raw) is { } task)
            return $"the engine still holds a task {Short(task)} left by a killed dockerd or containerd (a leftover, not this file's fault; restarting the engine does not clear it); run `docker rm -f {ContainerOf(what)}` (NetDsl creates it again with the same settings on the next apply), then apply again";
        if (m.Contains("is not running")) return "the container is not running; start it (netdsl apply starts NetDsl's own containers)";
        if (m.Contains("pool overlaps")) return "its subnet overlaps a network that already exists on this engine; choose another subnet or remove that network";
        if (m.Contains("no such image")) return "the image is not on the engine; pull or import it (docker pull IMAGE), or choose another with --set";
        if (m.Contains("is already in use") || status == HttpStatusCode.Conflict) return "the name is already taken on the engine (created meanwhile?); run apply again to re-read the engine";
        if (m.Contains("out of range") || m.Contains("no available")) return "an address is outside its network's subnet or range; fix the address or the subnet in the file";
        if (m.Contains("address already in use") || m.Contains("already allocated")) return "an address is already used by another container; pick another address or remove that container";
        if (m.Contains("numerical result out of range")) return "the bridge name is too long for the kernel (15 characters at most)";
        if (m.Contains("is ambiguous")) return "several networks share this name; remove the extra ones";
        if (ApiVersionRefusal(raw) is { } refusal) return refusal;
        if (status == HttpStatusCode.NotFound) return "something it refers to does not exist on the engine (network, image or container)";
        return "the engine refused it";
    }

    /// <summary>
    /// Moby's version middleware (daemon/server/middleware/version.go) refuses a request outside its range with
    /// "client version 1.41 is too old. Minimum supported API version is 1.44, please upgrade your client to a newer
    /// version" or "client version 1.52 is too new. Maximum supported API version is 1.41". NetDsl negotiates, so this
    /// means the engine changed under it (upgraded or downgraded between connecting and this call).
    /// </summary>
    internal static string? ApiVersionRefusal(string raw)
    {
        var old = System.Text.RegularExpressions.Regex.Match(raw, @"client version (\S+) is too old\. Minimum supported API version is ([0-9.]+)");
        if (old.Success)
            return $"the engine refuses API {old.Groups[1].Value}: it requires {old.Groups[2].Value} or newer (was it upgraded since NetDsl connected?); run the command again so NetDsl negotiates anew";
        var @new = System.Text.RegularExpressions.Regex.Match(raw, @"client version (\S+) is too new\. Maximum supported API version is ([0-9.]+)");
        if (@new.Success)
            return $"the engine refuses API {@new.Groups[1].Value}: it speaks {@new.Groups[2].Value} at most (was it downgraded since NetDsl connected?); run the command again so NetDsl negotiates anew";
        return null;
    }

    private static string EngineMessage(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return "(no message)";
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("message", out var m)) return m.GetString() ?? body.Trim();
        }
        catch (JsonException) { }
        return body.Trim();
    }
}
