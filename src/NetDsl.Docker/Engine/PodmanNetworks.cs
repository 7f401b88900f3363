using System;
using System.Threading;
using System.Threading.Tasks;
using NetDsl.Engines;

namespace NetDsl.Docker.Engine;

/// <summary>
/// What Podman's Docker-compatible API leaves out of a network and only its own libpod API says: the bridge netavark
/// created (<c>network_interface</c>: the declared bridge-name, or podmanN). One place for apply's drift and verify.
/// </summary>
public static class PodmanNetworks
{
    /// <summary>Whether the connected engine names bridges the Podman way (only then is the libpod call made).</summary>
    public static bool NamesBridgesItself(EngineClient engine) =>
        EngineTable.BridgeNames.For(engine.Identity?.Release ?? EngineRelease.Default, BridgeNaming.NetworkId) == BridgeNaming.PodmanIndex;

    /// <summary>The network's bridge as libpod reports it, or null when the engine does not say.</summary>
    public static async Task<string?> BridgeAsync(EngineClient engine, string network, CancellationToken ct = default)
    {
        using var doc = await EngineHttp.GetJsonAsync(engine, "/v4.0.0/libpod/networks/" + Uri.EscapeDataString(network) + "/json", ct);
        return doc?.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && doc.RootElement.TryGetProperty("network_interface", out var bridge)
               && bridge.ValueKind == System.Text.Json.JsonValueKind.String && bridge.GetString() is { Length: > 0 } name
            ? name
            : null;
    }
}
