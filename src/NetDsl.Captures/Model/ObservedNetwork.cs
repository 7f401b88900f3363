using NetDsl.Addressing;
using NetDsl.Model;

namespace NetDsl.Captures.Model;

/// <summary>A Docker network as `docker network inspect` prints it.</summary>
public sealed record ObservedNetwork(
    string Device,
    string Name,
    string? Id,
    string? Driver,
    bool EnableIPv6,
    EquatableArray<ObservedSubnet> Subnets,
    EquatableArray<ObservedEndpoint> Containers,
    EquatableArray<NetworkOption> Options,
    CaptureLocation Location) : Observation(Device, Location);

/// <summary>One IPAM config entry: a subnet and, when Docker printed one, its gateway.</summary>
public sealed record ObservedSubnet(CapturedPrefix Subnet, CapturedAddress? Gateway, CaptureLocation Location);

/// <summary>A container attached to the network, with the addresses Docker gave it (with prefix length).</summary>
public sealed record ObservedEndpoint(
    string ContainerId,
    string Name,
    MacAddress? Mac,
    CapturedPrefix? IPv4,
    CapturedPrefix? IPv6,
    CaptureLocation Location);

/// <summary>A driver option such as <c>com.docker.network.bridge.name = br_ipv6_nw</c>.</summary>
public sealed record NetworkOption(string Key, string Value);
