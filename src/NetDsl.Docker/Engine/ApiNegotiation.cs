using System;
using System.Globalization;
using System.Linq;
using Docker.DotNet.Models;
using NetDsl.Engines;

namespace NetDsl.Docker.Engine;

/// <summary>
/// Who the engine is, from its <c>GET /version</c>: kind and version (<see cref="Release"/>, null when the answer
/// names no version NetDsl can read), the text it gave, its API range, and the API version NetDsl uses with it.
/// </summary>
public sealed record EngineIdentity(EngineRelease? Release, string VersionText, System.Version MaxApi, System.Version MinApi, System.Version Api)
{
    /// <summary>"Docker 20.10.24, API 1.41 (engine speaks 1.12 to 1.41)".</summary>
    public override string ToString() =>
        (Release is { } r ? (r.Kind == EngineKind.Docker ? "Docker " : "Podman ") + VersionText : "engine " + VersionText) +
        $", API {Api} (engine speaks {MinApi} to {MaxApi})";

    /// <summary>Whether a request field that came with <paramref name="api"/> may be sent (EnableIPv4: 1.48).</summary>
    public bool Supports(System.Version api) => Api >= api;
}

/// <summary>
/// The engine is not one NetDsl can act on for this file: no common API version (the message names both ranges and
/// the fix), or another kind than the file declares (Podman where the file says Docker, or the reverse).
/// </summary>
public sealed class EngineMismatchException : Exception
{
    public EngineMismatchException(string message) : base(message) { }
}

/// <summary>
/// Picks the API version: the highest both NetDsl (<see cref="EngineTable.ClientApi"/>) and the engine speak. An
/// engine whose newest version is older than NetDsl's oldest is too old; one whose oldest is newer than NetDsl's
/// newest (Docker 29.0–29.2 refuse everything below 1.44) is too new for this NetDsl. Moby's version middleware
/// accepts any version from its minimum to its maximum (daemon/server/middleware/version.go), so the choice
/// never meets its "client version … is too old / too new" error.
/// </summary>
public static class ApiNegotiation
{
    /// <summary>Engines older than API 1.12 do not report a minimum; treat them as speaking only their own version.</summary>
    public static EngineIdentity Negotiate(VersionResponse answer, EngineEndpoint endpoint)
    {
        var (lowest, highest) = EngineTable.ClientApi;
        var max = ParseApi(answer.APIVersion);
        if (max is null)
            throw new EngineMismatchException($"the engine at {endpoint} did not say which Engine API version it speaks (ApiVersion '{answer.APIVersion}'); is it a Docker or Podman engine?");
        var min = ParseApi(answer.MinAPIVersion) ?? max;
        var release = ReleaseOf(answer);
        string who = Describe(release, answer.Version);
        var chosen = max < highest ? max : highest;
        if (chosen < lowest)
            throw new EngineMismatchException(
                $"{who} at {endpoint} speaks Engine API {min} to {max}, older than NetDsl's {lowest} to {highest}: upgrade the engine to Docker 20.10 or later (or Podman 4.3 or later)");
        if (chosen < min)
            throw new EngineMismatchException(
                $"{who} at {endpoint} requires Engine API {min} or newer (it speaks {min} to {max}), but this NetDsl speaks {lowest} to {highest}: upgrade NetDsl, or run an engine that still accepts API {highest}");
        return new EngineIdentity(release, answer.Version ?? "", max, min, chosen);
    }

    /// <summary>
    /// Plan and apply act only on the kind of engine the file declares: a Docker file's daemon.json and restart mean
    /// nothing to Podman, and the predictions differ. The version may differ (verify names what that changes).
    /// </summary>
    /// <exception cref="EngineMismatchException">The engine is of another kind.</exception>
    public static void RequireKind(EngineIdentity identity, EngineRelease declared, string host, EngineEndpoint endpoint)
    {
        if (identity.Release is { } actual && actual.Kind != declared.Kind)
            throw new EngineMismatchException(
                $"the engine at {endpoint} is {actual.Title} ({identity.VersionText}), but docker-host {host} declares engine {declared}: declare `engine {actual}` for this host, or point --docker-host at a {declared.KindName} engine");
    }

    /// <summary>
    /// Newer request fields go only to engines that have them: an IPv6-only network (<c>ipv4 false</c>) needs
    /// EnableIPv4 (<see cref="EngineTable.EnableIpv4Api"/>); an older engine would create the network with IPv4.
    /// </summary>
    /// <exception cref="EngineMismatchException">A network needs a field the negotiated version does not have.</exception>
    public static void RequireApiFor(EngineIdentity identity, System.Collections.Generic.IEnumerable<NetDsl.Model.DockerNetwork> networks, EngineEndpoint endpoint)
    {
        var ipv6Only = networks.FirstOrDefault(n => !n.EnableIpv4);
        if (ipv6Only is not null && !identity.Supports(EngineTable.EnableIpv4Api))
            throw new EngineMismatchException(
                $"network {ipv6Only.Name} is IPv6-only (ipv4 false), which needs Engine API {EngineTable.EnableIpv4Api} (Docker 28.0), but the engine at {endpoint} speaks {identity.Api} ({identity}): upgrade the engine, or remove ipv4 false");
    }

    /// <summary>Kind and version from the answer: Podman names itself in its components ("Podman Engine").</summary>
    public static EngineRelease? ReleaseOf(VersionResponse answer)
    {
        bool podman = answer.Components?.Any(c => c.Name?.IndexOf("Podman", StringComparison.OrdinalIgnoreCase) >= 0) == true
                      || answer.Platform?.Name?.IndexOf("Podman", StringComparison.OrdinalIgnoreCase) >= 0;
        return EngineVersion.TryParse(answer.Version, out var v) ? new EngineRelease(podman ? EngineKind.Podman : EngineKind.Docker, v) : null;
    }

    private static string Describe(EngineRelease? release, string? versionText) =>
        release is { } r ? (r.Kind == EngineKind.Docker ? "Docker " : "Podman ") + versionText : "the engine (version '" + versionText + "')";

    /// <summary>"1.41" → 1.41; null for anything else.</summary>
    public static System.Version? ParseApi(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = text!.Trim().TrimStart('v').Split('.');
        return parts.Length == 2
               && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int major)
               && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int minor)
            ? new System.Version(major, minor)
            : null;
    }
}
