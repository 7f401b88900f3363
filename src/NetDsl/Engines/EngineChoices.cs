namespace NetDsl.Engines;

/// <summary>How an engine picks a container's MAC address.</summary>
public enum ContainerMac
{
    /// <summary>02:42 followed by the four bytes of the container's IPv4 address: predictable when the IPv4 subnet is declared.</summary>
    FromIpv4,

    /// <summary>Random: the MAC and the EUI-64 link-local are observed, never predicted.</summary>
    Random,
}

/// <summary>How containers on Docker's default bridge get their IPv6 address from fixed-cidr-v6.</summary>
public enum DefaultBridgeIpv6
{
    /// <summary>The prefix plus the MAC when fixed-cidr-v6 is /80 or shorter, else ::2, ::3….</summary>
    FromMacUpTo80,

    /// <summary>IPAM-assigned like any network: ::2, ::3….</summary>
    Ipam,
}

/// <summary>How an engine names a network's bridge when the file does not.</summary>
public enum BridgeNaming
{
    /// <summary>Docker: "br-" and the first 12 hex digits of the network id.</summary>
    NetworkId,

    /// <summary>Podman (netavark): podman0, podman1… by creation order; libpod's network inspect says which.</summary>
    PodmanIndex,
}
