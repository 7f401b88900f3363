using System;

namespace NetDsl.Docker.Engine;

/// <summary>
/// Which engine to talk to: <c>--docker-host</c>, else <c>DOCKER_HOST</c>, else <c>unix:///var/run/docker.sock</c>.
/// Only a unix socket is "local": then daemon.json, nftables and sysctls can be applied on this machine.
/// </summary>
public sealed record EngineEndpoint(Uri Uri)
{
    public const string DefaultSocket = "unix:///var/run/docker.sock";

    public bool IsLocal => Uri.Scheme == "unix";

    public override string ToString() => Uri.OriginalString;

    /// <summary>The endpoint, or null with a one-line reason and the accepted forms (never an exception).</summary>
    public static EngineEndpoint? Resolve(string? option, out string? error)
    {
        string text = !string.IsNullOrWhiteSpace(option) ? option!
            : Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } env ? env
            : DefaultSocket;
        var endpoint = Parse(text, out error);
        if (endpoint is null) error = $"'{text}' is not a Docker host: {error}; use unix:///path/to/docker.sock or tcp://host:port";
        return endpoint;
    }

    private static EngineEndpoint? Parse(string text, out string? error)
    {
        error = null;
        if (text.Length == 0 || text.Trim() != text || text.Contains(' ')) { error = "it contains spaces"; return null; }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)) { error = "it is not a URI"; return null; }
        if (uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0) { error = "it has text after the address (a query, fragment or user)"; return null; }
        switch (uri.Scheme)
        {
            case "unix":
                if (uri.Host.Length > 0 || uri.AbsolutePath is "" or "/") { error = "a unix socket needs a path (three slashes: unix:///run/docker.sock)"; return null; }
                return new EngineEndpoint(uri);
            case "tcp" or "http" or "https":
                if (uri.Host.Length == 0) { error = "it names no host"; return null; }
                if (uri.Port <= 0) { error = "it names no port (Docker listens on 2375, or 2376 with TLS)"; return null; }
                if (uri.AbsolutePath is not ("" or "/")) { error = "it has a path after host:port"; return null; }
                return new EngineEndpoint(uri);
            default:
                error = $"the scheme '{uri.Scheme}' is not one NetDsl speaks";
                return null;
        }
    }
}
