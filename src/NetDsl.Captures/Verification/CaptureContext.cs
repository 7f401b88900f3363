using System;
using System.Collections.Generic;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Captures.Model;
using NetDsl.Model;

namespace NetDsl.Captures.Verification;

/// <summary>
/// The captures and the model a verification reads, with the redaction map: every prefix parameter of the file
/// (<c>let ROUTINGPREFIX = 2001:db8:ff00::/48</c>) stands for a placeholder of the same name in a capture.
/// </summary>
internal sealed class CaptureContext
{
    public CaptureContext(NetworkModel model, CaptureSet captures)
    {
        Model = model;
        Captures = captures;
        var parameters = new Dictionary<string, IpPrefix>(StringComparer.Ordinal);
        foreach (var p in model.Parameters.Where(p => p.Kind == ParameterKind.Prefix))
            if (IpPrefix.TryParse(p.Value, out var prefix)) parameters[p.Name] = prefix;
        Parameters = parameters;
    }

    public NetworkModel Model { get; }

    public CaptureSet Captures { get; }

    public IReadOnlyDictionary<string, IpPrefix> Parameters { get; }

    public IEnumerable<CaptureFile> Covering(string device, params CaptureFormat[] formats) =>
        formats.SelectMany(f => Captures.Covering(device, f));

    /// <summary>The address a capture printed, with any redaction substituted; null when the placeholder has no parameter.</summary>
    public IpAddress? Resolve(CapturedAddress? address) =>
        address is not null && address.TryResolve(Parameters, out var resolved) ? resolved : null;

    public IpPrefix? Resolve(CapturedPrefix? prefix) =>
        prefix is not null && prefix.TryResolve(Parameters, out var resolved) ? resolved : null;

    /// <summary>A note for a capture value whose redaction cannot be filled in, or null when it resolves.</summary>
    public string? Unresolvable(CapturedAddress? address) =>
        address?.Placeholder is { } word && Resolve(address) is null
            ? $"the capture redacts {word}, and the file has no prefix parameter of that name (let {word} = …/48)"
            : null;

    /// <summary>
    /// The Linux name of a network's bridge: declared in the file, else what `docker network inspect` shows
    /// (the bridge.name option, or br-&lt;first 12 hex digits of the id&gt;); null when neither says.
    /// </summary>
    public string? BridgeName(string host, string? declared, string? network)
    {
        if (declared is not null) return declared;
        var observed = Captures.Covering(host, CaptureFormat.DockerNetworkInspect)
            .SelectMany(f => f.OfType<ObservedNetwork>()).FirstOrDefault(n => n.Name == network);
        if (observed is null) return null;
        var option = observed.Options.FirstOrDefault(o => o.Key == "com.docker.network.bridge.name");
        if (option is not null) return option.Value;
        return observed.Id is { Length: >= 12 } id ? "br-" + id.Substring(0, 12) : null;
    }
}
