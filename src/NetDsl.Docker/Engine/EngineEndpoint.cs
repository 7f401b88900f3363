using System;
using System.IO;

namespace NetDsl.Docker.Engine;

/// <summary>
/// Which engine to talk to and how: a unix socket, TCP (with TLS client certificates when <see cref="TlsDirectory"/>
/// holds ca.pem, cert.pem and key.pem, as DOCKER_CERT_PATH does), or a Docker context name (its endpoint and TLS
/// material). From <c>--docker-host</c>, else <c>DOCKER_HOST</c>, else <c>unix:///var/run/docker.sock</c>. Only a
/// unix socket is "local". An ssh:// endpoint reaches the engine through <c>docker system dial-stdio</c> on its
/// machine, and that machine itself: daemon.json (over SFTP), nftables, sysctls and the restart command (over SSH).
/// </summary>
/// <param name="SshKey">The private key for an ssh:// endpoint (<c>--ssh-key</c>); null: ~/.ssh/id_ed25519, id_ecdsa, id_rsa.</param>
public sealed record EngineEndpoint(Uri Uri, string? TlsDirectory = null, string? Context = null, string? SshKey = null)
{
    public const string DefaultSocket = "unix:///var/run/docker.sock";

    public bool IsLocal => Uri.Scheme == "unix";

    public bool IsSsh => Uri.Scheme == "ssh";

    /// <summary>NetDsl can read and write the engine's host (files, commands): a local socket, or over SSH.</summary>
    public bool ReachesHost => IsLocal || IsSsh;

    /// <summary>Who and where for an ssh:// endpoint; null for the others.</summary>
    public Host.Ssh.SshTarget? Ssh => IsSsh ? Host.Ssh.SshTarget.From(Uri, SshKey) : null;

    public override string ToString() => Context is null ? Uri.OriginalString : $"{Uri.OriginalString} (context {Context})";

    /// <summary>The endpoint, or null with a one-line reason and the accepted forms (never an exception).</summary>
    /// <param name="option">A URI, or a Docker context name; null: DOCKER_HOST, then the default socket.</param>
    /// <param name="tlsDirectory">ca.pem, cert.pem and key.pem for TCP with TLS; null: DOCKER_CERT_PATH when DOCKER_TLS_VERIFY is set.</param>
    /// <param name="sshKey">The private key for an ssh:// endpoint; only with one.</param>
    public static EngineEndpoint? Resolve(string? option, out string? error, string? tlsDirectory = null, string? sshKey = null)
    {
        string text = !string.IsNullOrWhiteSpace(option) ? option!
            : Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } env ? env
            : DefaultSocket;
        string? context = null;
        if (!text.Contains("://", StringComparison.Ordinal) && IsContextName(text))
        {
            var found = DockerContexts.Find(text, out error);
            if (found is null) return null;
            context = text;
            tlsDirectory ??= found.Value.TlsDirectory;
            text = found.Value.Host;
        }
        var endpoint = Parse(text, out error);
        if (endpoint is null)
        {
            error = $"'{text}' is not a Docker host: {error}; use unix:///path/to/docker.sock, tcp://host:port, ssh://user@host or a Docker context name";
            return null;
        }
        if (sshKey is not null)
        {
            if (!endpoint.IsSsh) { error = $"an SSH key ({sshKey}) is for ssh:// endpoints, not {text}"; return null; }
            if (!File.Exists(sshKey)) { error = $"the SSH key {sshKey} does not exist; give the private key file with --ssh-key HOST=PATH"; return null; }
            endpoint = endpoint with { SshKey = Path.GetFullPath(sshKey) };
        }
        if (tlsDirectory is null && endpoint.Uri.Scheme is not ("unix" or "ssh") && Environment.GetEnvironmentVariable("DOCKER_TLS_VERIFY") is { Length: > 0 } verify && verify != "0")
            tlsDirectory = Environment.GetEnvironmentVariable("DOCKER_CERT_PATH") is { Length: > 0 } certs ? certs : Path.Combine(DockerContexts.ConfigDirectory);
        if (tlsDirectory is not null)
        {
            if (endpoint.Uri.Scheme is "unix" or "ssh") { error = $"TLS certificates ({tlsDirectory}) are for tcp:// endpoints, not {text}"; return null; }
            foreach (var pem in new[] { "ca.pem", "cert.pem", "key.pem" })
                if (!File.Exists(Path.Combine(tlsDirectory, pem)))
                {
                    error = $"TLS folder {tlsDirectory} has no {pem}; it needs ca.pem, cert.pem and key.pem (as DOCKER_CERT_PATH)";
                    return null;
                }
        }
        return endpoint with { TlsDirectory = tlsDirectory, Context = context };
    }

    private static bool IsContextName(string text) =>
        text.Length is > 0 and <= 128 && char.IsLetterOrDigit(text[0]) && text.IndexOfAny(new[] { '/', ':', ' ', '=' }) < 0;

    private static EngineEndpoint? Parse(string text, out string? error)
    {
        error = null;
        if (text.Length == 0 || text.Trim() != text || text.Contains(' ')) { error = "it contains spaces"; return null; }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)) { error = "it is not a URI"; return null; }
        if (uri.Query.Length > 0 || uri.Fragment.Length > 0) { error = "it has text after the address (a query or fragment)"; return null; }
        if (uri.UserInfo.Length > 0 && uri.Scheme != "ssh") { error = "it names a user, which only ssh:// endpoints do"; return null; }
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
            case "ssh":
                if (uri.Host.Length == 0) { error = "it names no host (ssh://user@host[:port])"; return null; }
                if (uri.UserInfo.Contains(':')) { error = "it carries a password; NetDsl logs in with keys only (ssh://user@host, --ssh-key HOST=PATH)"; return null; }
                if (uri.AbsolutePath is not ("" or "/")) { error = "it has a path after the host (ssh://user@host[:port])"; return null; }
                return new EngineEndpoint(uri);
            default:
                error = $"the scheme '{uri.Scheme}' is not one NetDsl speaks";
                return null;
        }
    }
}
