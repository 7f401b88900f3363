using System.IO;
using NetDsl.Addressing;
using NetDsl.Nptv6;
using NetDsl.Nptv6.Packets;
using NetDsl.Pcap;

namespace NetDsl.Fuzz.Targets;

/// <summary>
/// The pcap reader, and what `netdsl nptv6 pcap` does with what it read: rewrite every packet through a translator.
/// TryRead must answer (file or error) without throwing; a file it read must survive write-then-read unchanged.
/// </summary>
public static class PcapTarget
{
    private static readonly Nptv6Translator Translator = Nptv6Translator.Create(IpPrefix.Parse("fd01:203:405:1::/64"), IpPrefix.Parse("2001:db8:1:1::/64"));

    public static void Run(byte[] input)
    {
        if (!PcapFile.TryRead(new MemoryStream(input), out var file, out _)) return;
        if (file is null) throw new FuzzFinding("TryRead succeeded without a file");
        var copy = new MemoryStream();
        file.Write(copy);
        copy.Position = 0;
        if (!PcapFile.TryRead(copy, out var again, out string error)) throw new FuzzFinding("a file it read does not read back: " + error);
        if (again!.Records.Count != file.Records.Count) throw new FuzzFinding($"read back {again.Records.Count} records, not {file.Records.Count}");
        Nptv6PcapRewriter.Rewrite(file, Translator, null, out _);
    }
}
