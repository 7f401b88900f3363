using System;
using System.Collections.Generic;
using System.Linq;

namespace NetDsl.Targets.Tests.Consumers;

/// <summary>
/// Seeded random .netdsl files that should check clean: a Docker host (daemon keys, interfaces, routes, masquerade),
/// networks (IPv4 subnets, ip-ranges, bridge names, options and labels with awkward text), containers (images,
/// commands full of quotes, '$' and spaces, fixed addresses), an IOS router with IPv4 and IPv6, a PAN-OS firewall
/// with NPTv6, an upstream, parameters (composed and carved). One statement per line, so a shrinker can drop lines.
/// Smaller than the differential harness's topology generator (issue 11), which replaces it once it lands.
/// </summary>
public static class LabFileGenerator
{
    private static readonly string[] Images = { "busybox", "centos:centos8", "registry.example.com:5000/team/app:1.2", "alpine@sha256:" + new string('a', 64), "nginx:1.25-alpine" };

    private static readonly string[] Words = { "/bin/sh", "-c", "echo \\\"$HOME\\\" 'single' `date`; ls *", "a b", "tab\\there", "100%", "--flag=x=y", "ünïcode", "{}", "#", "\\\\" };

    public static List<string> Generate(int seed)
    {
        var r = new Random(seed);
        var lines = new List<string>();
        int k = r.Next(1, 200);
        string Hex(int n) => n.ToString("x");
        bool v4Host = r.Next(2) == 0;
        lines.Add($"let PFX = fd{Hex(k)}::/48");
        lines.Add($"let DELEGATED = 2001:db8:{Hex(k)}00::/56");
        lines.Add($"let UPLINK = fd{Hex(k)}:ffff::5/64");
        var daemon = new List<string> { "ipv6 true", $"fixed-cidr-v6 2001:db8:{Hex(k)}:ff00::/64" };
        if (r.Next(2) == 0) daemon.Add("ip6tables true  experimental true");
        if (r.Next(3) == 0) daemon.Add("live-restore true");
        if (r.Next(3) == 0) daemon.Add($"default-address-pool fd{Hex(k)}:9900::/40 size 64");
        string masq = r.Next(3) switch { 0 => "masquerade ipv6 out-not lo", 1 => "masquerade ipv6 out eth0", _ => "masquerade ipv6 out-not docker0 source PFX:1::/64" };
        lines.Add($"docker-host h{k} {{ engine {(r.Next(2) == 0 ? "20.10" : "27.0")}  interface eth0 address UPLINK{(v4Host ? $" address 10.{k}.0.5/24" : "")}  route ::/0 via fd{Hex(k)}:ffff::1 dev eth0  daemon {{ {string.Join("  ", daemon)} }}  {masq} }}");

        int networks = r.Next(1, 4);
        var names = new List<string>();
        for (int n = 1; n <= networks; n++)
        {
            string name = "net" + n;
            names.Add(name);
            var settings = new List<string> { n == 1 ? "subnet PFX:1::/64" : n == 2 ? "subnet DELEGATED:5::/64" : $"subnet fd{Hex(k)}:{Hex(n)}::/64" };
            if (r.Next(2) == 0) settings.Add($"subnet 172.{16 + n}.0.0/16" + (r.Next(2) == 0 ? $"  ip-range 172.{16 + n}.{r.Next(1, 250)}.0/24" : ""));
            if (r.Next(3) == 0) settings.Add(n == 1 ? "ip-range PFX:1:1::/80" : "gateway " + (n == 2 ? "DELEGATED:5::fe" : $"fd{Hex(k)}:{Hex(n)}::fe"));
            if (r.Next(2) == 0) settings.Add($"bridge-name br_{k}_{n}");
            if (r.Next(2) == 0) settings.Add("option com.docker.network.driver.mtu \"1400\"");
            if (r.Next(2) == 0) settings.Add($"label team \"{Words[r.Next(Words.Length)]}\"");
            lines.Add($"network {name} on h{k} {{ {string.Join("  ", settings)} }}");
        }
        int containers = r.Next(0, 5);
        for (int c = 1; c <= containers; c++)
        {
            var on = names.OrderBy(_ => r.Next()).Take(r.Next(1, names.Count + 1)).ToList();
            var settings = new List<string> { $"image \"{Images[r.Next(Images.Length)]}\"" };
            if (r.Next(2) == 0) settings.Add("command [" + string.Join(", ", Enumerable.Range(0, r.Next(1, 4)).Select(_ => "\"" + Words[r.Next(Words.Length)] + "\"")) + "]");
            if (r.Next(2) == 0) settings.Add("tty");
            if (r.Next(2) == 0) settings.Add("interactive");
            if (on.Count == 1 && on[0] == "net1" && r.Next(3) == 0) settings.Add($"address PFX:1::{Hex(0x100 + c)}");
            lines.Add($"container c{c} on {string.Join(", ", on)} {{ {string.Join("  ", settings)} }}");
        }

        string routerV4 = r.Next(2) == 0 ? "  interface GigabitEthernet0/1 address 192.0.2.1/24  route 0.0.0.0/0 via 192.0.2.254" : "";
        lines.Add($"router r{k} ios {{ interface Vlan10 address fd{Hex(k)}:ffff::1/64 link-local fe80::1  interface Vlan252 address fd{Hex(k)}:fefc::2/64{routerV4}  route ::/0 via Vlan252 fd{Hex(k)}:fefc::1 }}");
        lines.Add($"firewall fw{k} panos {{ interface ethernet1/1.999 zone zUntrust address 2001:db8:ff{Hex(k)}:ffff::250/64  interface ethernet1/2.252 zone zTrust address fd{Hex(k)}:fefc::1/64"
            + (r.Next(2) == 0 ? "  interface ethernet1/3 zone zDmz address 198.51.100.1/24" : "")
            + $"  route ::/0 via ethernet1/1.999 2001:db8:ff{Hex(k)}:ffff::1  allow trust_out zTrust -> zUntrust"
            + $"  nptv6 nat66 from zTrust to zUntrust interface ethernet1/1.999 {{ PFX:1::/64 -> 2001:db8:ff{Hex(k)}:ff66::/64 }} }}");
        lines.Add($"upstream isp {{ interface uplink address 2001:db8:ff{Hex(k)}:ffff::1/64  route 2001:db8:ff{Hex(k)}:ff66::/64 via uplink 2001:db8:ff{Hex(k)}:ffff::250  host dns.example 2001:db8:53::53 }}");
        return lines;
    }
}
