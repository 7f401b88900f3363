using System.Collections.Generic;
using System.Linq;
using Docker.DotNet.Models;
using NetDsl.Model;
using NetDsl.Planning;
using NetworkAttachment = NetDsl.Model.NetworkAttachment;

namespace NetDsl.Targets.Docker;

/// <summary>
/// The Engine API request objects for the plan's steps. apply sends exactly these, and the engine-api and
/// docker.sh renderers are built from them, so the three can never disagree.
/// </summary>
public static class EngineRequests
{
    public static NetworksCreateParameters CreateNetwork(CreateNetworkStep step, string source)
    {
        var n = step.Network;
        var ipam = new List<IPAMConfig>();
        if (n.Subnet6 is { } s6) ipam.Add(new IPAMConfig { Subnet = s6.ToString(), Gateway = n.Gateway6?.ToString()!, IPRange = n.IpRange6?.ToString()! });
        // Nulls are left out of the request (the library and the engine treat them as "not set").
        // An IPv4 subnet is pinned only when declared: Docker always allocates one, but only a declared one makes
        // MACs and link-locals predictable.
        if (n.Subnet4 is { } s4) ipam.Insert(0, new IPAMConfig { Subnet = s4.ToString(), Gateway = n.Gateway4?.ToString()!, IPRange = n.IpRange4?.ToString() ?? "" });
        return new NetworksCreateParameters
        {
            Name = n.Name,
            Driver = n.Driver,
            // An IPv4-only network says false outright, so a daemon's default-network-opts cannot turn IPv6 on.
            EnableIPv6 = n.EnableIpv6,
            // Only for an IPv6-only network: older engines (API before 1.48) would not know the field.
            EnableIPv4 = n.EnableIpv4 ? null : false,
            IPAM = new IPAM { Driver = "default", Config = ipam },
            Options = n.Options.ToDictionary(o => o.Key, o => o.Value),
            Labels = Labels(n.Labels, source, step.SettingsHash),
        };
    }

    public static CreateContainerParameters CreateContainer(CreateContainerStep step, string source)
    {
        var c = step.Container;
        var first = c.Attachments[0];
        return new CreateContainerParameters
        {
            Name = c.Name,
            Image = c.Image,
            Cmd = c.Command.Count == 0 ? null! : c.Command.ToList(),
            Tty = c.Tty,
            OpenStdin = c.Interactive,
            Labels = Labels(EquatableArray<KeyValue>.Empty, source, step.SettingsHash),
            HostConfig = new HostConfig { NetworkMode = first.Network },
            NetworkingConfig = new NetworkingConfig
            {
                EndpointsConfig = new Dictionary<string, EndpointSettings> { [first.Network] = Endpoint(first) },
            },
        };
    }

    public static NetworkConnectParameters Connect(string container, NetworkAttachment a) =>
        new() { Container = container, EndpointConfig = Endpoint(a) };

    /// <summary>Every predicted address pinned, so parallel creation cannot hand them out in another order.</summary>
    private static EndpointSettings Endpoint(NetworkAttachment a) => new()
    {
        IPAMConfig = new EndpointIPAMConfig { IPv6Address = a.Ipv6?.ToString()!, IPv4Address = a.Ipv4?.ToString()! },
    };

    private static Dictionary<string, string> Labels(EquatableArray<KeyValue> declared, string source, string hash)
    {
        var labels = declared.ToDictionary(l => l.Key, l => l.Value);
        labels[OwnershipLabels.Source] = source;
        labels[OwnershipLabels.Hash] = hash;
        return labels;
    }
}
