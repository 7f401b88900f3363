namespace NetDsl.Captures;

/// <summary>The commands whose output NetDsl can read. One parser per format, in Parsers/.</summary>
public enum CaptureFormat
{
    /// <summary>`docker network inspect NAME` (JSON).</summary>
    DockerNetworkInspect,

    /// <summary>`ip addr`, `ip -6 addr`, `ip add`, `ip a`.</summary>
    IpAddr,

    /// <summary>`ip route`, `ip -6 route`.</summary>
    IpRoute,

    /// <summary>`nft list ruleset`, `nft list table …`, `nft list chain …`.</summary>
    NftList,

    /// <summary>`ip6tables-save`, `iptables-save` (also `-c`), and `ip6tables -S` / `iptables -S` (optionally `-t TABLE`).</summary>
    IptablesSave,

    /// <summary>`conntrack -E` (events) and `conntrack -L` (table).</summary>
    Conntrack,

    /// <summary>Cisco IOS `show running-config` (also filtered, e.g. `sh run | in ::/0`).</summary>
    IosRunningConfig,

    /// <summary>PAN-OS `show interface all`.</summary>
    PanosShowInterfaceAll,

    /// <summary>PAN-OS running NAT policy (`show running nat-policy`).</summary>
    PanosNatPolicy,

    /// <summary>PAN-OS configuration in `set` form (`set cli config-output-format set`, `show config running`).</summary>
    PanosSetCommands,
}
