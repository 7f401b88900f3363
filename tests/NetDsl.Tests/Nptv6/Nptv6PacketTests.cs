using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Pcap;
using NetDsl.Nptv6;
using NetDsl.Nptv6.Packets;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Tests.Nptv6;

public class Nptv6PacketTests
{
    private static readonly IpAddress Inside = IpAddress.Parse("fd01:203:405:1::1234");
    private static readonly IpAddress Remote = IpAddress.Parse("2001:db8:ffff::53");
    private static readonly Nptv6Translator Translator = Nptv6Translator.Create(IpPrefix.Parse("fd01:203:405::/48"), IpPrefix.Parse("2001:db8:1::/48"));
    private static readonly IpAddress Outside = Translator.TranslateOutbound(Inside).Address;

    private static IEnumerable<TestCaseData> OutboundPackets()
    {
        yield return new TestCaseData(Ipv6TestPackets.Udp(Inside, Remote, 40000, 53, new byte[] { 1, 2, 3, 4, 5 })).SetName("UDP");
        yield return new TestCaseData(Ipv6TestPackets.TcpSyn(Inside, Remote, 40001, 443, 0x12345678)).SetName("TCP");
        yield return new TestCaseData(Ipv6TestPackets.EchoRequest(Inside, Remote, 7, 1, new byte[] { 9, 9, 9 })).SetName("ICMPv6 echo");
    }

    [TestCaseSource(nameof(OutboundPackets))]
    public void Outbound_rewrites_the_source_only_and_the_checksum_stays_valid(byte[] packet)
    {
        var original = (byte[])packet.Clone();
        var result = new Nptv6PacketTranslator(Translator).TranslateOutbound(packet);

        Assert.That(result.Outcome, Is.EqualTo(Nptv6PacketOutcome.Translated));
        Assert.That(Ipv6TestPackets.Source(packet), Is.EqualTo(Outside));
        Assert.That(Ipv6TestPackets.Destination(packet), Is.EqualTo(Remote));
        Assert.That(Ipv6Checksum.IsValid(packet), Is.True);
        // Only the 16 source bytes may differ; the transport header (checksum included) is untouched.
        var changed = Enumerable.Range(0, packet.Length).Where(i => packet[i] != original[i]).ToList();
        Assert.That(changed, Is.Not.Empty.And.All.InRange(8, 23));

        var back = new Nptv6PacketTranslator(Translator);
        // Inbound on a reply: swap addresses and translate the destination.
        var reply = Ipv6TestPackets.Udp(Remote, Outside, 53, 40000, new byte[] { 6 });
        Assert.That(back.TranslateInbound(reply).Outcome, Is.EqualTo(Nptv6PacketOutcome.Translated));
        Assert.That(Ipv6TestPackets.Destination(reply), Is.EqualTo(Inside));
        Assert.That(Ipv6Checksum.IsValid(reply), Is.True);
    }

    [Test]
    public void Inbound_icmp_error_rewrites_the_embedded_source()
    {
        // The remote router reports that our (translated) UDP packet could not be delivered.
        var invoking = Ipv6TestPackets.Udp(Outside, Remote, 40000, 53, new byte[] { 1, 2, 3 });
        var error = Ipv6TestPackets.IcmpError(Remote, Outside, invoking);
        var result = new Nptv6PacketTranslator(Translator).TranslateInbound(error);

        Assert.That(result, Is.EqualTo(new Nptv6PacketResult(Nptv6PacketOutcome.Translated, Nptv6Outcome.Translated, EmbeddedRewritten: true)));
        Assert.That(Ipv6TestPackets.Destination(error), Is.EqualTo(Inside));
        Assert.That(Ipv6TestPackets.Source(error, 48), Is.EqualTo(Inside), "embedded source");
        Assert.That(Ipv6TestPackets.Destination(error, 48), Is.EqualTo(Remote));
        Assert.That(Ipv6Checksum.IsValid(error), Is.True, "outer ICMPv6 checksum");
        Assert.That(Ipv6Checksum.IsValid(error.AsSpan(48).ToArray()), Is.True, "embedded UDP checksum");
    }

    [Test]
    public void Outbound_icmp_error_rewrites_the_embedded_destination()
    {
        var invoking = Ipv6TestPackets.Udp(Remote, Inside, 53, 40000, new byte[] { 1 });
        var error = Ipv6TestPackets.IcmpError(Inside, Remote, invoking, type: 3, code: 0);
        var result = new Nptv6PacketTranslator(Translator).TranslateOutbound(error);
        Assert.That(result.EmbeddedRewritten, Is.True);
        Assert.That(Ipv6TestPackets.Source(error), Is.EqualTo(Outside));
        Assert.That(Ipv6TestPackets.Destination(error, 48), Is.EqualTo(Outside));
        Assert.That(Ipv6Checksum.IsValid(error), Is.True);
    }

    [Test]
    public void Echo_is_not_an_error_so_its_payload_is_left_alone()
    {
        // An echo request whose payload happens to look like an IPv6 header with an inside destination.
        var fake = Ipv6TestPackets.Udp(Remote, Inside, 1, 2, Array.Empty<byte>());
        var echo = Ipv6TestPackets.EchoRequest(Inside, Remote, 1, 1, fake);
        var result = new Nptv6PacketTranslator(Translator).TranslateOutbound(echo);
        Assert.That(result.EmbeddedRewritten, Is.False);
        Assert.That(Ipv6TestPackets.Destination(echo, 48), Is.EqualTo(Inside));
    }

    [Test]
    public void Untranslatable_and_unmatched_packets_are_left_unchanged()
    {
        var packets = new[]
        {
            Ipv6TestPackets.Udp(IpAddress.Parse("fd01:203:405:ffff::1"), Remote, 1, 2, new byte[1]),
            Ipv6TestPackets.Udp(IpAddress.Parse("fd99::1"), Remote, 1, 2, new byte[1]),
            new byte[] { 0x45, 0, 0, 20 },
            Ipv6TestPackets.Udp(Inside, Remote, 1, 2, new byte[1]),
        };
        var originals = packets.Select(p => (byte[])p.Clone()).ToArray();
        var results = new Nptv6PacketResult[packets.Length];
        int translated = new Nptv6PacketTranslator(Translator).TranslateBatch(packets.Select(p => (Memory<byte>)p).ToList(), Nptv6Direction.Outbound, results);

        Assert.That(translated, Is.EqualTo(1));
        Assert.That(results.Select(r => r.Outcome), Is.EqualTo(new[] { Nptv6PacketOutcome.Drop, Nptv6PacketOutcome.NotMatched, Nptv6PacketOutcome.Malformed, Nptv6PacketOutcome.Translated }));
        Assert.That(results[0].Address, Is.EqualTo(Nptv6Outcome.SubnetWordAllOnes));
        for (int i = 0; i < 3; i++) Assert.That(packets[i], Is.EqualTo(originals[i]));
    }

    [Test]
    public void Contiguous_batch_matches_single_packets()
    {
        var random = new Random(5);
        var singles = Enumerable.Range(0, 50).Select(i => Ipv6TestPackets.Udp(
            Nptv6PropertyTests.RandomAddressIn(random, Translator.Prefixes.Inside), Remote, (ushort)i, 53, new byte[i % 7])).ToList();
        var buffer = singles.SelectMany(p => p).ToArray();
        var lengths = singles.Select(p => p.Length).ToArray();
        var offsets = new int[lengths.Length];
        for (int i = 1; i < offsets.Length; i++) offsets[i] = offsets[i - 1] + lengths[i - 1];

        var translator = new Nptv6PacketTranslator(Translator);
        var results = new Nptv6PacketResult[singles.Count];
        translator.TranslateBatch(buffer, offsets, lengths, Nptv6Direction.Outbound, results);
        foreach (var p in singles) translator.TranslateOutbound(p);
        Assert.That(buffer, Is.EqualTo(singles.SelectMany(p => p).ToArray()));
        Assert.That(singles.All(p => Ipv6Checksum.IsValid(p)), Is.True);
    }

    [Test]
    public void Pcap_round_trip_translates_both_directions_and_drops_untranslatable()
    {
        var capture = PcapFile.FromIpv6Packets(new[]
        {
            Ipv6TestPackets.EchoRequest(Inside, Remote, 1, 1, new byte[4]),
            Ipv6TestPackets.Udp(Remote, Outside, 53, 40000, new byte[4]),
            Ipv6TestPackets.Udp(IpAddress.Parse("fd01:203:405:ffff::1"), Remote, 1, 2, new byte[1]),
            Ipv6TestPackets.Udp(Remote, IpAddress.Parse("2001:db8:ffff::54"), 1, 2, new byte[1]),
        });
        using var written = new MemoryStream();
        capture.Write(written);
        written.Position = 0;
        Assert.That(PcapFile.TryRead(written, out var read, out string error), Is.True, error);

        var summary = Nptv6PcapRewriter.Rewrite(read!, Translator, null, out var output);
        Assert.That(summary, Is.EqualTo(new Nptv6PcapSummary(4, Outbound: 1, Inbound: 1, EmbeddedRewritten: 0, NotMatched: 1, NotIpv6: 0, Dropped: 1)));
        Assert.That(output.Records, Has.Count.EqualTo(3));
        Assert.That(Ipv6TestPackets.Source(output.Records[0].Data), Is.EqualTo(Outside));
        Assert.That(Ipv6TestPackets.Destination(output.Records[1].Data), Is.EqualTo(Inside));
        Assert.That(output.Records[2].Data, Is.EqualTo(capture.Records[3].Data));
    }

    [Test]
    public void Pcap_reader_refuses_garbage_without_throwing()
    {
        Assert.That(PcapFile.TryRead(new MemoryStream(new byte[] { 1, 2, 3 }), out _, out string shortError), Is.False);
        Assert.That(shortError, Does.Contain("shorter"));
        Assert.That(PcapFile.TryRead(new MemoryStream(new byte[40]), out _, out string magicError), Is.False);
        Assert.That(magicError, Does.Contain("magic"));
    }
}
