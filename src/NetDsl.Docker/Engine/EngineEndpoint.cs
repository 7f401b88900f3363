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

    public static EngineEndpoint? Resolve(string? option, out string? error)
    {
        error = null;
        string text = !string.IsNullOrWhiteSpace(option) ? option!
            : Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } env ? env
            : DefaultSocket;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != "unix" && uri.Scheme != "tcp" && uri.Scheme != "http" && uri.Scheme != "https"))
        {
            error = $"'{text}' is not a Docker host: use unix:///path/to/docker.sock or tcp://host:port";
            return null;
        }
        return new EngineEndpoint(uri);
    }
}
