using System.IO;
using NetDsl.TestSupport;

namespace NetDsl.Captures.Tests;

/// <summary>The seed's outputs as checked in under examples/squid-ipv6/captures/.</summary>
internal static class SeedCaptures
{
    public static string Directory => Path.Combine(RepoPaths.Root, "examples", "squid-ipv6", "captures");

    public const string DockerInspect = "dockerhost.docker-network-inspect.br_ipv6_nw.json";
    public const string HostIpAddr = "dockerhost.ip-addr.txt";
    public const string HostRoutes = "dockerhost.ip-6-route.txt";
    public const string ContainerIpAddr = "cnt01.ip-addr.txt";
    public const string ContainerRoutes = "cnt01.ip-6-route.txt";
    public const string Nft = "dockerhost.nft-list-chain.nat_POST_public_allow.txt";
    public const string Conntrack = "dockerhost.conntrack-e.icmpv6.txt";
    public const string IosRun = "Rdc01.show-run.txt";
    public const string PanosInterfaces = "FWdc01.show-interface-all.txt";
    public const string PanosNat = "FWdc01.nat-policy.txt";

    public static readonly string[] All =
    {
        DockerInspect, HostIpAddr, HostRoutes, ContainerIpAddr, ContainerRoutes, Nft, Conntrack, IosRun, PanosInterfaces, PanosNat,
    };

    public static string Text(string name) => File.ReadAllText(Path.Combine(Directory, name));
}
