using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace NetDsl.Docker.Engine;

/// <summary>
/// Docker CLI contexts (<c>docker context create NAME --docker host=…,ca=…,cert=…,key=…</c>): the endpoint is in
/// <c>$DOCKER_CONFIG/contexts/meta/SHA256(NAME)/meta.json</c> and the TLS material, when there is any, in
/// <c>$DOCKER_CONFIG/contexts/tls/SHA256(NAME)/docker/{ca,cert,key}.pem</c> (DOCKER_CONFIG defaults to ~/.docker).
/// </summary>
public static class DockerContexts
{
    public static string ConfigDirectory =>
        Environment.GetEnvironmentVariable("DOCKER_CONFIG") is { Length: > 0 } d ? d
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker");

    /// <summary>The context's host URI and TLS folder (null when it has none); null with a reason when it cannot be read.</summary>
    public static (string Host, string? TlsDirectory)? Find(string name, out string? error)
    {
        error = null;
        string id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
        string meta = Path.Combine(ConfigDirectory, "contexts", "meta", id, "meta.json");
        try
        {
            if (!File.Exists(meta))
            {
                error = $"there is no Docker context named '{name}' in {ConfigDirectory} (docker context ls lists them)";
                return null;
            }
            using var doc = JsonDocument.Parse(File.ReadAllText(meta));
            if (!doc.RootElement.TryGetProperty("Endpoints", out var endpoints) || !endpoints.TryGetProperty("docker", out var docker)
                || !docker.TryGetProperty("Host", out var host) || host.GetString() is not { Length: > 0 } uri)
            {
                error = $"Docker context '{name}' ({meta}) names no docker endpoint";
                return null;
            }
            string tls = Path.Combine(ConfigDirectory, "contexts", "tls", id, "docker");
            return (uri, File.Exists(Path.Combine(tls, "cert.pem")) ? tls : null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException)
        {
            error = $"cannot read Docker context '{name}' ({meta}): {e.Message}";
            return null;
        }
    }
}
