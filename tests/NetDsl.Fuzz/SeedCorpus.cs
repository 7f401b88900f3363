using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using NetDsl.Addressing;
using NetDsl.Captures;
using NetDsl.Fuzz.Targets;
using NetDsl.Pcap;
using NetDsl.Tests.Diagnostics;
using NetDsl.TestSupport;

namespace NetDsl.Fuzz;

/// <summary>
/// The seed corpus afl-fuzz starts from, by target: the examples, every diagnostic's bad and good example, the
/// captured device outputs (one per parser that reads them, plus format recognition), small pcap files, daemon.json
/// files. Committed under Corpus/TARGET/; SeedCorpusTests keeps it equal to this (NETDSL_UPDATE_GOLDEN=1 rewrites).
/// </summary>
public static class SeedCorpus
{
    public static IEnumerable<(string Target, string File, byte[] Bytes)> All() =>
        FrontDoor().Concat(Captures()).Concat(Pcaps()).Concat(DaemonJsons());

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static IEnumerable<(string, string, byte[])> FrontDoor()
    {
        foreach (var dir in Directory.GetDirectories(RepoPaths.Examples).OrderBy(d => d, System.StringComparer.Ordinal))
        {
            var file = Path.Combine(dir, "lab.netdsl");
            if (File.Exists(file)) yield return ("front-door", "example-" + Path.GetFileName(dir) + ".netdsl", File.ReadAllBytes(file));
        }
        foreach (var example in DiagnosticExamples.All)
        {
            yield return ("front-door", "diagnostic-" + example.Id + "-bad.netdsl", Utf8(example.BadText));
            yield return ("front-door", "diagnostic-" + example.Id + "-good.netdsl", Utf8(example.Good));
        }
    }

    private static IEnumerable<(string, string, byte[])> Captures()
    {
        string dir = Path.Combine(RepoPaths.Examples, "squid-ipv6", "captures");
        foreach (var file in Directory.GetFiles(dir).Where(f => !f.EndsWith("README.md", System.StringComparison.Ordinal)).OrderBy(f => f, System.StringComparer.Ordinal))
        {
            string text = File.ReadAllText(file);
            var recognised = CaptureParsers.Parse(text, Path.GetFileName(file), out var format);
            _ = recognised;
            var name = Path.GetFileNameWithoutExtension(file);
            if (format is { } f) yield return ("captures", name + "." + f, Prefixed(CaptureTarget.Selector(f), text));
            yield return ("captures", name + ".recognised", Prefixed(CaptureTarget.Selector(null), "# netdsl-capture: device=d command=\"" + CommandOf(format) + "\"\n" + text));
        }
    }

    private static string CommandOf(CaptureFormat? format) => format switch
    {
        CaptureFormat.DockerNetworkInspect => "docker network inspect br",
        CaptureFormat.IpAddr => "ip addr",
        CaptureFormat.IpRoute => "ip -6 route",
        CaptureFormat.NftList => "nft list ruleset",
        CaptureFormat.Conntrack => "conntrack -E",
        CaptureFormat.IosRunningConfig => "show running-config",
        CaptureFormat.PanosShowInterfaceAll => "show interface all",
        CaptureFormat.PanosNatPolicy => "show running nat-policy",
        _ => "show config running",
    };

    private static byte[] Prefixed(byte selector, string text) => new[] { selector }.Concat(Utf8(text)).ToArray();

    private static IEnumerable<(string, string, byte[])> Pcaps()
    {
        var inside = IpAddress.Parse("fd01:203:405:1::10");
        var outside = IpAddress.Parse("2001:db8:1:1::10");
        var remote = IpAddress.Parse("2001:db8:ff::8");
        var echo = Ipv6TestPackets.EchoRequest(inside, remote, 7, 1, Utf8("ping"));
        var packets = new[]
        {
            echo,
            Ipv6TestPackets.Udp(inside, remote, 5353, 53, Utf8("q")),
            Ipv6TestPackets.TcpSyn(remote, outside, 443, 40000, 1),
            Ipv6TestPackets.IcmpError(remote, inside, echo),
        };
        yield return ("pcap", "four-packets.pcap", Bytes(PcapFile.FromIpv6Packets(packets)));
        yield return ("pcap", "one-packet.pcap", Bytes(PcapFile.FromIpv6Packets(new[] { echo })));
        yield return ("pcap", "empty.pcap", Bytes(PcapFile.FromIpv6Packets(new byte[0][])));
    }

    private static byte[] Bytes(PcapFile file)
    {
        var stream = new MemoryStream();
        file.Write(stream);
        return stream.ToArray();
    }

    private static IEnumerable<(string, string, byte[])> DaemonJsons()
    {
        yield return ("daemon-json", "squid.json", File.ReadAllBytes(Path.Combine(RepoPaths.Examples, "squid-ipv6", "artifacts", "dockerhost", "daemon.json")));
        yield return ("daemon-json", "operator.json", Utf8("{\n  // the operator's own keys\n  \"log-driver\": \"json-file\",\n  \"log-opts\": { \"max-size\": \"10m\" },\n  \"ipv6\": false,\n  \"dns\": [\"192.0.2.53\"]\n}\n"));
        yield return ("daemon-json", "empty-object.json", Utf8("{}"));
        yield return ("daemon-json", "not-object.json", Utf8("[1, 2]"));
    }
}
