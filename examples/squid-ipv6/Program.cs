using Squid.Ipv6;

// Everything below is typed: a misspelt network or container is a compile error, and a mistake in
// lab.netdsl fails the build at its line and column.
var network = Lab.Networks.BrIpv6Nw;
Console.WriteLine($"network {network.Name} {network.Subnet6} gateway {network.Gateway6}");
foreach (var attachment in Lab.Containers.Cnt01.Attachments)
    Console.WriteLine($"container {Lab.Containers.Cnt01.Name} {attachment.Ipv6}/{attachment.PrefixLength} link-local {attachment.LinkLocal}");
foreach (var mapping in Lab.Nptv6Rules.Nat66NPTv6ToInternet.Mappings)
    Console.WriteLine($"nptv6 {mapping.Inside} -> {mapping.Outside}");

// Other parameter values: the model is bound again from the embedded file, with the same checks.
var production = Lab.Create(Lab.Parameters.Default with { Routingprefix = NetDsl.Addressing.IpPrefix.Parse("2001:db8:aa00::/48") });
Console.WriteLine($"upstream with another prefix: {production.Upstreams[0].Interfaces[0].Addresses[0]}");
