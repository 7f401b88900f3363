using System.Collections.Generic;

namespace NetDsl.Tests.Diagnostics;

/// <summary>One bad and one good example per diagnostic id.</summary>
public static class DiagnosticExamples
{
    private const string Host = "docker-host h { }\n";
    private const string Net = Host + "network n on h { subnet fd00:1::/64 }\n";

    public static readonly IReadOnlyList<DiagnosticExample> All = new DiagnosticExample[]
    {
        new("NDSL0001", "let CMD = [\"a\" ⟦\"⟧b\"]\n", "let CMD = [\"a\", \"b\"]\n"),
        new("NDSL0002", Net + "container c on n { image ⟦\"⟧centos:8 }\n", Net + "container c on n { image \"centos:8\" }\n"),
        new("NDSL0003", "docker-host h ⟦{⟧\n  engine 20.10\nnetwork n on h { subnet fd00:1::/64 }\n", "docker-host h {\n  engine 20.10\n}\nnetwork n on h { subnet fd00:1::/64 }\n"),
        new("NDSL0004", "⟦dockerhost⟧ h { }\n", "docker-host h { }\n"),
        new("NDSL0005", Host + "network n on h { subnet fd00:1::/64  ⟦bridge⟧ br0 }\n", Host + "network n on h { subnet fd00:1::/64  bridge-name br0 }\n"),
        new("NDSL0006", "router r ios { interface e0 address fd00:9::1/64  route ::/0 via⟦⟧ }\n", "router r ios { interface e0 address fd00:9::1/64  route ::/0 via fd00:9::2 }\n"),
        new("NDSL0007", Net + "container c on n { image \"x\"  ⟦image⟧ \"y\" }\n", Net + "container c on n { image \"y\" }\n"),
        new("NDSL0008", Net + "container ⟦c⟧ on n { tty }\n", Net + "container c on n { image \"x\"  tty }\n"),
        new("NDSL0009", Net + "container c on n { image \"x\"  command [\"a⟦\\q⟧\"] }\n", Net + "container c on n { image \"x\"  command [\"a\\\\q\"] }\n"),
        // U+FFFD is what the CLI (and the compiler's AdditionalText) make of bytes that are not UTF-8.
        new("NDSL0010", Net + "container c on n { image \"busy⟦\uFFFD⟧box\" }\n", Net + "container c on n { image \"busybox\" }\n"),
        new("NDSL0011", Net + "container c on n { image \"busybox⟦\u202E⟧:latest\" }\n", Net + "container c on n { image \"busybox:latest\" }\n"),
        new("NDSL0012", "⟦⟧# the lab, to be written\n", "# the lab\n" + Host),

        new("NDSL1001", Host + "network n on ⟦hst⟧ { subnet fd00:1::/64 }\n", Host + "network n on h { subnet fd00:1::/64 }\n"),
        new("NDSL1002", Host + "docker-host ⟦h⟧ { }\n", Host + "docker-host h2 { }\n"),
        new("NDSL1003", "docker-host ⟦1host⟧ { }\n", "docker-host host1 { }\n"),
        new("NDSL1004", "let ⟦cafe⟧ = fd00::/48\ndocker-host h { interface e address cafe:1::1/64 }\n", "let CAFE_NET = fd00::/48\ndocker-host h { interface e address CAFE_NET:1::1/64 }\n"),
        new("NDSL1005", "let P = ⟦fd00::/300⟧\n", "let P = fd00::/48\nrouter r ios { interface e0 address P:1::1/64 }\n"),
        new("NDSL1006", "⟦⟧let P = fd00::/48\nrouter r ios { interface e0 address P:1::1/64 }\n", "let P = fd00::/48\nrouter r ios { interface e0 address P:1::1/64 }\n",
            new Dictionary<string, string> { ["Q"] = "fd01::/48" }),
        new("NDSL1007", "let IMAGE = \"busybox\"\nrouter r ios { interface e0 address ⟦IMAGE⟧ }\n", "let IMAGE = \"busybox\"\n" + Net + "container c on n { image IMAGE }\n"),
        new("NDSL1008", "⟦let UNUSED = \"x\"⟧\n", "let USED = \"x\"\n" + Net + "container c on n { image USED }\n"),
        new("NDSL1009", Host + "network br-x on h { subnet fd00:1::/64 }\n⟦network br_x on h { subnet fd00:2::/64 }⟧\n", Host + "network br-x on h { subnet fd00:1::/64 }\nnetwork br_y on h { subnet fd00:2::/64 }\n"),
        new("NDSL1010", Net + "container c on n { image ⟦\"centos 8\"⟧ }\n", Net + "container c on n { image \"centos:8\" }\n"),
        new("NDSL1501", "⟦router topology.md ios { interface e0 address fd00::1/64 }⟧\n", "router topology ios { interface e0 address fd00::1/64 }\n"),

        new("NDSL2001", "router r ios { interface e0 address fd00::1/64  route ::/0 via ⟦fd00::zz⟧ }\n", "router r ios { interface e0 address fd00::1/64  route ::/0 via fd00::2 }\n"),
        new("NDSL2002", Host + "network n on h { subnet ⟦fd00:1::⟧ }\n", Host + "network n on h { subnet fd00:1::/64 }\n"),
        new("NDSL2003", Host + "network n on h { subnet ⟦fd00:1::1/64⟧ }\n", Host + "network n on h { subnet fd00:1::/64 }\n"),
        new("NDSL2004", "docker-host h { daemon { ipv6 true  fixed-cidr-v6 ⟦10.0.0.0/24⟧ } }\n", "docker-host h { daemon { ipv6 true  fixed-cidr-v6 2001:db8:1::/64 } }\n"),
        new("NDSL2005", "let P = fd00::/56\nrouter r ios { interface e0 address ⟦P:100::1/64⟧ }\n", "let P = fd00::/56\nrouter r ios { interface e0 address P:ff::1/64 }\n"),
        new("NDSL2006", "docker-host h { daemon { ipv6 true  fixed-cidr-v6 fd00:1::/64 } }\n⟦network n on h { subnet fd00:1::/64 }⟧\n", "docker-host h { daemon { ipv6 true  fixed-cidr-v6 fd00:2::/64 } }\nnetwork n on h { subnet fd00:1::/64 }\n"),
        new("NDSL2007", Net + "container c on n { image \"x\"  address ⟦fd00:2::5⟧ }\n", Net + "container c on n { image \"x\"  address fd00:1::5 }\n"),
        new("NDSL2008", Net + "container a on n { image \"x\"  address fd00:1::5 }\ncontainer b on n { image \"x\"  address ⟦fd00:1::5⟧ }\n", Net + "container a on n { image \"x\"  address fd00:1::5 }\ncontainer b on n { image \"x\"  address fd00:1::6 }\n"),
        new("NDSL2009", Net + "container c on n { image \"x\"  address ⟦fd00:1::1⟧ }\n", Net + "container c on n { image \"x\"  address fd00:1::9 }\n"),
        new("NDSL2011", Host + "network n on h { subnet ⟦ff05::/64⟧ }\n", Host + "network n on h { subnet fd00:1::/64 }\n"),
        new("NDSL2012", Host + "network ⟦n⟧ on h { bridge-name br_n }\n", Host + "network n on h { subnet 172.30.0.0/24  bridge-name br_n }\n"),
        new("NDSL2010", "router r ios { interface e0 address fd00::1/64 link-local ⟦fd00::1⟧ }\n", "router r ios { interface e0 address fd00::1/64 link-local fe80::1 }\n"),

        new("NDSL2101", "docker-host h { interface eth0 address fd00:a::10/64 }\n⟦network n on h { subnet fd00:a::/64 }⟧\n",
            "docker-host h { interface eth0 address fd00:a::10/64 }\nnetwork n on h { subnet fd00:1::/64 }\n"),
        new("NDSL2102", "docker-host h1 { interface eth0 address fd00:a::11/64 }\ndocker-host h2 { interface eth0 address fd00:a::12/64 }\n" +
                "network n1 on h1 { subnet fd00:1::/64 }\n⟦network n2 on h2 { subnet fd00:1::/64 }⟧\nrouter r ios { interface e0 address fd00:a::1/64  route fd00:1::/64 via fd00:a::11 }\n",
            "docker-host h1 { interface eth0 address fd00:a::11/64  masquerade ipv6 out-not lo }\ndocker-host h2 { interface eth0 address fd00:a::12/64  masquerade ipv6 out-not lo }\n" +
                "network n1 on h1 { subnet fd00:1::/64 }\nnetwork n2 on h2 { subnet fd00:1::/64 }\nrouter r ios { interface e0 address fd00:a::1/64 }\n"),
        new("NDSL3001", Host + "network n on h { subnet fd00:1::/64  bridge-name ⟦br_ipv6_network1⟧ }\n", Host + "network n on h { subnet fd00:1::/64  bridge-name br_ipv6_net1 }\n"),
        new("NDSL3002", "docker-host h { daemon { ⟦ipv6 true⟧ } }\n", "docker-host h { daemon { ipv6 true  fixed-cidr-v6 2001:db8:1::/64 } }\n"),
        new("NDSL3003", "docker-host h { daemon { ⟦ip6tables true⟧ } }\n", "docker-host h { daemon { ip6tables true  experimental true } }\n"),
        new("NDSL3004", Host + "network n on h { subnet fd00:1::/64  driver ⟦macvlan⟧ }\n", Host + "network n on h { subnet fd00:1::/64  driver bridge }\n"),
        new("NDSL3005", Host + "network n on h { subnet fd00:1::/127 }\ncontainer a on ⟦n⟧ { image \"x\" }\n", Host + "network n on h { subnet fd00:1::/126 }\ncontainer a on n { image \"x\" }\n"),
        new("NDSL3006", "docker-host h1 { }\ndocker-host h2 { }\nnetwork a on h1 { subnet fd00:1::/64 }\nnetwork b on h2 { subnet fd00:2::/64 }\ncontainer c on a, ⟦b⟧ { image \"x\" }\n",
            "docker-host h1 { }\nnetwork a on h1 { subnet fd00:1::/64 }\nnetwork b on h1 { subnet fd00:2::/64 }\ncontainer c on a, b { image \"x\" }\n"),
        new("NDSL3007", "docker-host h { engine ⟦19.03⟧ }\n", "docker-host h { engine 20.10 }\n"),
        new("NDSL3008", Host + "network n on h { subnet fd00:1::/64  gateway ⟦fd00:2::1⟧ }\n", Host + "network n on h { subnet fd00:1::/64  gateway fd00:1::fe }\n"),
        new("NDSL3010", "docker-host h { interface ⟦enp0s31f6-uplink1⟧ address fd00::5/64 }\n", "docker-host h { interface enp0s31f6 address fd00::5/64 }\n"),
        new("NDSL3009", "docker-host h { daemon { ipv6 true  fixed-cidr-v6 ⟦2001:db8:1::/96⟧ } }\n", "docker-host h { daemon { ipv6 true  fixed-cidr-v6 2001:db8:1::/64 } }\n"),

        new("NDSL3201", "docker-host h { engine ⟦moby⟧ 28.3 }\n", "docker-host h { engine docker 28.3 }\n"),
        new("NDSL3202", "docker-host h { engine podman 4.3  ⟦daemon⟧ { ipv6 true  fixed-cidr-v6 2001:db8:1::/64 } }\n", "docker-host h { engine podman 4.3 }\n"),
        new("NDSL3203", "docker-host h { daemon { ⟦default-address-pool fd00:100::/48 size 64⟧ } }\n",
            "docker-host h { daemon { default-address-pool 172.80.0.0/16 size 24  default-address-pool fd00:100::/48 size 64 } }\n"),

        new("NDSL3204", "docker-host h { engine 27.5  daemon { ⟦bip6⟧ 2001:db8:2::1/64 } }\n", "docker-host h { engine 28.0  daemon { bip6 2001:db8:2::1/64 } }\n"),
        new("NDSL3205", "docker-host h { engine 27.0 }\nnetwork n on h { subnet fd00:1::/64  gateway-mode ipv6 ⟦nat-unprotected⟧ }\n",
            "docker-host h { engine 28.0 }\nnetwork n on h { subnet fd00:1::/64  gateway-mode ipv6 nat-unprotected }\n"),
        new("NDSL3206", "docker-host h {\n  engine 27.0\n  ⟦masquerade ipv6 out-not lo⟧\n}\nnetwork n on h { subnet fd00:1::/64 }\n",
            "docker-host h {\n  engine 27.0\n  masquerade ipv6 out-not lo\n}\nnetwork n on h { subnet fd00:1::/64  gateway-mode ipv6 routed }\n"),
        new("NDSL3207", "docker-host h { engine 28.0 }\nnetwork n on h { subnet fd00:1::/64  gateway-mode ipv6 ⟦isolated⟧ }\n",
            "docker-host h { engine 28.0 }\nnetwork n on h { subnet fd00:1::/64  gateway-mode ipv6 routed }\n"),

        new("NDSL3208", "docker-host h { engine 27.5 }\nnetwork n on h { subnet fd00:1::/64  ⟦ipv4 false⟧ }\n", "docker-host h { engine 28.0 }\nnetwork n on h { subnet fd00:1::/64  ipv4 false }\n"),
        new("NDSL3209", "docker-host h { engine 28.0 }\nnetwork n on h { subnet fd00:1::/64  subnet 172.30.0.0/24  ⟦ipv4 false⟧ }\n", "docker-host h { engine 28.0 }\nnetwork n on h { subnet fd00:1::/64  ipv4 false }\n"),
        new("NDSL3210", "docker-host h {\n  interface eth0 address fd00:9::5/64\n  ⟦masquerade ipv6 out eth0 out-not eth0⟧\n}\n",
            "docker-host h {\n  interface eth0 address fd00:9::5/64\n  masquerade ipv6 out eth0\n}\n"),

        new("NDSL4001", "router r ios { interface e0 address fd00::1/64  route ::/0 via ⟦fd01::1⟧ }\n", "router r ios { interface e0 address fd00::1/64  route ::/0 via fd00::2 }\n"),
        new("NDSL4002", "docker-host h { interface eth0 address fd00::5/64  route ::/0 via ⟦fe80::1⟧ }\n", "docker-host h { interface eth0 address fd00::5/64  route ::/0 via fe80::1 dev eth0 }\n"),
        new("NDSL4003", "router r ios { interface e0 address fd00::1/64  route ::/0 via ⟦e1⟧ fd00::2 }\n", "router r ios { interface e0 address fd00::1/64  route ::/0 via e0 fd00::2 }\n"),
        new("NDSL4004", "router r ios {\n  interface e0 address fd00::1/64\n  route ::/0 via fd00::2\n  ⟦route ::/0 via fd00::2⟧\n}\n", "router r ios {\n  interface e0 address fd00::1/64\n  route ::/0 via fd00::2\n}\n"),

        new("NDSL4005", "router r ios { interface e0 address fd00::1/64  route ::/0 via ⟦fd00::1⟧ }\n", "router r ios { interface e0 address fd00::1/64  route ::/0 via fd00::2 }\n"),

        new("NDSL5001", Fw("⟦fd00:1::/64 -> 2001:db8:1::/56⟧"), Fw("fd00:1::/64 -> 2001:db8:1::/64")),
        new("NDSL5002", Fw("⟦fd00:1::/80⟧ -> 2001:db8:1::/80"), Fw("fd00:1::/64 -> 2001:db8:1::/64")),
        new("NDSL5003", Fw("⟦2001:db8:9::/64⟧ -> 2001:db8:1::/64"), Fw("fd00:1::/64 -> 2001:db8:1::/64")),
        new("NDSL5004", Fw("fd00:1::/64 -> 2001:db8:1::/64\n    fd00:2::/64 -> ⟦2001:db8:1::/64⟧"), Fw("fd00:1::/64 -> 2001:db8:1::/64\n    fd00:2::/64 -> 2001:db8:2::/64")),
        new("NDSL5005", Fw("fd00:1::/64 -> 2001:db8:1::/64").Replace("allow t_u zT -> zU", "allow t_u zT -> ⟦zX⟧"), Fw("fd00:1::/64 -> 2001:db8:1::/64")),
        new("NDSL5006", Fw("fd00:1::/64 -> 2001:db8:1::/64").Replace("interface ethernet1/1 {", "interface ⟦ethernet1/2⟧ {"), Fw("fd00:1::/64 -> 2001:db8:1::/64")),
        new("NDSL5007", Fw("fd00:1::/64 -> 2001:db8:1::/64").Replace("  allow t_u zT -> zU\n", "").Replace("  nptv6 ", "  ⟦nptv6 ").Replace("2001:db8:1::/64\n  }", "2001:db8:1::/64\n  }⟧"), Fw("fd00:1::/64 -> 2001:db8:1::/64")),
        new("NDSL5008", Fw("fd00:1::/64 -> 2001:db8:1::/64\n    ⟦fd00:1::/64⟧ -> 2001:db8:2::/64"), Fw("fd00:1::/64 -> 2001:db8:1::/64\n    fd00:2::/64 -> 2001:db8:2::/64")),
        new("NDSL5601", HostNpt("⟦kernel⟧"), HostNpt("netdsl")),

        new("NDSL6001", "docker-host h { interface eth0 address 2001:db8::5/64 }\nupstream isp { interface u address 2001:db8::1/64  host dns 2001:db8:9::8 }\n⟦expect ping h -> dns⟧\n",
            "docker-host h { interface eth0 address 2001:db8::5/64  route ::/0 via 2001:db8::1 }\nupstream isp { interface u address 2001:db8::1/64  host dns 2001:db8:9::8 }\nexpect ping h -> dns\n"),
        new("NDSL6002", Host + "expect ping h -> ⟦nowhere⟧\n", "upstream isp { interface u address 2001:db8::1/64  host nowhere 2001:db8::8 }\nexpect ping isp -> nowhere\n"),
        new("NDSL6101", "docker-host h { interface eth0 address 2001:db8::5/64  route ::/0 via 2001:db8::1 }\nupstream isp { interface u address 2001:db8::1/64  host dns 2001:db8:9::8 }\n⟦expect no-ping h -> dns⟧\n",
            "docker-host h { interface eth0 address 2001:db8::5/64 }\nupstream isp { interface u address 2001:db8::1/64  host dns 2001:db8:9::8 }\nexpect no-ping h -> dns\n"),
    };

    /// <summary>A docker-host with an NPTv6 rule for NetDsl's gateway, asking for <paramref name="translator"/>.</summary>
    private static string HostNpt(string translator) =>
        "docker-host h {\n" +
        "  interface eth0 address 2001:db8:ff::2/64\n" +
        "  nptv6 r interface eth0 translator " + translator + " {\n" +
        "    fd00:1::/64 -> 2001:db8:1::/64\n" +
        "  }\n" +
        "}\n";

    /// <summary>A firewall with zones zT (interface ethernet1/2) and zU (interface ethernet1/1), an allow rule and one NPTv6 rule.</summary>
    private static string Fw(string mappings) =>
        "firewall f panos {\n" +
        "  interface ethernet1/2 zone zT address fd00:ff::1/64\n" +
        "  interface ethernet1/1 zone zU address 2001:db8:ff::1/64\n" +
        "  allow t_u zT -> zU\n" +
        "  nptv6 r from zT to zU interface ethernet1/1 {\n" +
        "    " + mappings + "\n" +
        "  }\n" +
        "}\n";
}
