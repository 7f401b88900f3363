using System;
using System.Collections.Generic;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Nptv6;
using NetDsl.Nptv6.Packets;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Tests.Nptv6.Compiled;

/// <summary>
/// One suite, two implementations: every test runs against the generic translator and the generated one
/// for the same rule of rules.netdsl. Expectations come from RFC 6296 and from <see cref="Nptv6Rewrite"/>
/// (the reference arithmetic), never from the implementation under test.
/// </summary>
[TestFixture(TranslatorKind.Generic)]
[TestFixture(TranslatorKind.Compiled)]
public class Nptv6TranslatorContractTests
{
    private readonly TranslatorKind _kind;

    public Nptv6TranslatorContractTests(TranslatorKind kind) => _kind = kind;

    private INptv6Translator Rule(string name) => TranslatorFactory.Single(_kind, name);

    private static readonly IpAddress Remote = IpAddress.Parse("2001:db8:ffff::53");

    [Test]
    public void Kind_is_what_the_fixture_says()
    {
        var translator = Rule("gateway");
        if (_kind == TranslatorKind.Generic) Assert.That(translator, Is.InstanceOf<Nptv6Translator>());
        else Assert.That(translator.GetType().DeclaringType, Is.EqualTo(typeof(Rules.Nptv6Translators)));
    }

    [Test]
    public void Rfc6296_section_3_6_example()
    {
        var translator = Rule("rfc_example");
        var outside = translator.Translate(IpAddress.Parse("fd01:203:405:1::1234"), Nptv6Direction.Outbound);
        Assert.That(outside, Is.EqualTo(new Nptv6Result(Nptv6Outcome.Translated, IpAddress.Parse("2001:db8:1:d550::1234"))));
        var inside = translator.Translate(outside.Address, Nptv6Direction.Inbound);
        Assert.That(inside.Address, Is.EqualTo(IpAddress.Parse("fd01:203:405:1::1234")));
    }

    [Test]
    public void Seed_gateway_address()
    {
        var result = Rule("gateway").Translate(IpAddress.Parse("fd5a:ceb9:ed8d:fe0a:ed57:61d8:20eb:aba5"), Nptv6Direction.Outbound);
        Assert.That(result.Address, Is.EqualTo(IpAddress.Parse("2001:db8:ff00:ff66:78e4:61d8:20eb:aba5")));
    }

    [Test]
    public void Rewrites_equal_the_reference_ones()
    {
        foreach (var rule in TranslatorFactory.AllRules)
        {
            var translators = TranslatorFactory.Create(_kind, rule);
            foreach (var t in translators)
            {
                Assert.That(t.Outbound, Is.EqualTo(Nptv6Rewrite.Create(t.Prefixes.Inside, t.Prefixes.Outside, Nptv6Compatibility.Rfc6296)), rule);
                Assert.That(t.Inbound, Is.EqualTo(Nptv6Rewrite.Create(t.Prefixes.Outside, t.Prefixes.Inside, Nptv6Compatibility.Rfc6296)), rule);
            }
        }
    }

    [TestCase("rfc_example", "fd01:203:405:ffff::1", Nptv6Outcome.SubnetWordAllOnes)]
    [TestCase("slash40", "fd12:3456:78aa:ffff::1", Nptv6Outcome.SubnetWordAllOnes)]
    [TestCase("gateway", "fd5a:ceb9:ed8d:fe0a:ffff:ffff:ffff:ffff", Nptv6Outcome.InterfaceIdentifierAllOnes)]
    [TestCase("slash56", "fd00:aaaa:bb00:34:ffff:ffff:ffff:ffff", Nptv6Outcome.InterfaceIdentifierAllOnes)]
    [TestCase("gateway", "fd5a:ceb9:ed8d:fe0b::1", Nptv6Outcome.NotInPrefix)]
    [TestCase("rfc_example", "10.0.0.1", Nptv6Outcome.NotIPv6)]
    public void Untranslatable_addresses_are_left_alone(string rule, string address, Nptv6Outcome expected)
    {
        var input = IpAddress.Parse(address);
        var result = Rule(rule).Translate(input, Nptv6Direction.Outbound);
        Assert.That(result, Is.EqualTo(new Nptv6Result(expected, input)));
    }

    [Test]
    public void Interface_identifier_words_of_ffff_are_skipped()
    {
        // §3.5: the adjustment goes to the first IID word that is not 0xFFFF (here the third).
        var input = IpAddress.Parse("fd5a:ceb9:ed8d:fe0a:ffff:ffff:1:2");
        var translator = Rule("gateway");
        var expected = translator.Outbound.Apply(input);
        Assert.That(translator.Translate(input, Nptv6Direction.Outbound), Is.EqualTo(expected));
        Assert.That(expected.Address.ToString(), Does.StartWith("2001:db8:ff00:ff66:ffff:ffff:"));
    }

    [TestCaseSource(typeof(TranslatorFactory), nameof(TranslatorFactory.AllRules))]
    public void Random_addresses_round_trip_checksum_neutrally_and_agree_with_the_reference(string rule)
    {
        var random = new Random(rule.GetHashCode(StringComparison.Ordinal) & 0x7FFF ^ 6296);
        foreach (var translator in TranslatorFactory.Create(_kind, rule))
        {
            var inside = translator.Prefixes.Inside;
            for (int i = 0; i < 2000; i++)
            {
                // Inside the prefix, with the occasional 0xFFFF word so the §3.4/§3.5 edges come up.
                ulong high = (inside.Address.High & Nptv6Rewrite.HighMask(inside.Length)) | (RandomWords(random) & ~Nptv6Rewrite.HighMask(inside.Length));
                ulong low = RandomWords(random);
                var address = IpAddress.V6(high, low);

                var reference = translator.Outbound.Apply(address);
                var outside = translator.Translate(address, Nptv6Direction.Outbound);
                Assert.That(outside, Is.EqualTo(reference), address.ToString());
                ulong h = high, l = low;
                Assert.That(translator.Translate(ref h, ref l, Nptv6Direction.Outbound), Is.EqualTo(reference.Outcome));
                Assert.That(IpAddress.V6(h, l), Is.EqualTo(reference.Address));
                if (!outside.IsTranslated) continue;

                Assert.That(OnesComplement.AreEquivalent(OnesComplement.Sum(outside.Address), OnesComplement.Sum(address)), Is.True, address.ToString());
                var back = translator.Translate(outside.Address, Nptv6Direction.Inbound);
                Assert.That(back, Is.EqualTo(translator.Inbound.Apply(outside.Address)));
                Assert.That(back.Address, Is.EqualTo(address), address + " → " + outside.Address);
            }
        }
    }

    private static ulong RandomWords(Random random)
    {
        ulong value = 0;
        for (int w = 0; w < 4; w++)
        {
            int pick = random.Next(16);
            ulong word = pick == 0 ? 0xFFFFUL : pick == 1 ? 0UL : (ulong)random.Next(0x10000);
            value = (value << 16) | word;
        }
        return value;
    }

    private static IEnumerable<TestCaseData> Packets()
    {
        yield return new TestCaseData((Func<IpAddress, IpAddress, byte[]>)((s, d) => Ipv6TestPackets.Udp(s, d, 40000, 53, new byte[] { 1, 2, 3, 4, 5 }))).SetArgDisplayNames("UDP");
        yield return new TestCaseData((Func<IpAddress, IpAddress, byte[]>)((s, d) => Ipv6TestPackets.TcpSyn(s, d, 40001, 443, 0x12345678))).SetArgDisplayNames("TCP");
        yield return new TestCaseData((Func<IpAddress, IpAddress, byte[]>)((s, d) => Ipv6TestPackets.EchoRequest(s, d, 7, 1, new byte[] { 9, 9, 9 }))).SetArgDisplayNames("ICMPv6 echo");
    }

    [TestCaseSource(nameof(Packets))]
    public void Packet_out_and_back_rewrites_one_address_and_keeps_the_checksum(Func<IpAddress, IpAddress, byte[]> build)
    {
        var translator = Rule("rfc_example");
        var inside = IpAddress.Parse("fd01:203:405:1::1234");
        var packet = build(inside, Remote);
        var original = (byte[])packet.Clone();

        var result = translator.Translate(packet, Nptv6Direction.Outbound);
        Assert.That(result, Is.EqualTo(new Nptv6PacketResult(Nptv6PacketOutcome.Translated, Nptv6Outcome.Translated, false)));
        Assert.That(Ipv6TestPackets.Source(packet), Is.EqualTo(IpAddress.Parse("2001:db8:1:d550::1234")));
        Assert.That(Ipv6Checksum.IsValid(packet), Is.True);
        var changed = Enumerable.Range(0, packet.Length).Where(i => packet[i] != original[i]).ToList();
        Assert.That(changed, Is.Not.Empty.And.All.InRange(8, 23));

        // The reply comes back to the outside address: inbound rewrites its destination back.
        var reply = build(Remote, Ipv6TestPackets.Source(packet));
        Assert.That(translator.Translate(reply, Nptv6Direction.Inbound).Outcome, Is.EqualTo(Nptv6PacketOutcome.Translated));
        Assert.That(Ipv6TestPackets.Destination(reply), Is.EqualTo(inside));
        Assert.That(Ipv6Checksum.IsValid(reply), Is.True);
    }

    [TestCase(Nptv6Direction.Outbound, (byte)1)]
    [TestCase(Nptv6Direction.Outbound, (byte)3)]
    [TestCase(Nptv6Direction.Inbound, (byte)2)]
    [TestCase(Nptv6Direction.Inbound, (byte)4)]
    public void Icmpv6_errors_rewrite_the_embedded_packet(Nptv6Direction direction, byte type)
    {
        var translator = Rule("gateway");
        var inside = IpAddress.Parse("fd5a:ceb9:ed8d:fe0a::10");
        var outside = translator.Outbound.Apply(inside).Address;
        byte[] error;
        if (direction == Nptv6Direction.Outbound)
        {
            // The inside host reports an error about a packet it received (its destination already the inside address).
            error = Ipv6TestPackets.IcmpError(inside, Remote, Ipv6TestPackets.Udp(Remote, inside, 53, 40000, new byte[] { 1, 2 }), type, 0);
        }
        else
        {
            // A router outside reports an error about a packet the inside host sent (its source already translated).
            error = Ipv6TestPackets.IcmpError(Remote, outside, Ipv6TestPackets.Udp(outside, Remote, 40000, 53, new byte[] { 1, 2 }), type, 0);
        }
        var result = translator.Translate(error, direction);
        Assert.That(result, Is.EqualTo(new Nptv6PacketResult(Nptv6PacketOutcome.Translated, Nptv6Outcome.Translated, true)));
        if (direction == Nptv6Direction.Outbound)
        {
            Assert.That(Ipv6TestPackets.Source(error), Is.EqualTo(outside));
            Assert.That(Ipv6TestPackets.Destination(error, 48), Is.EqualTo(outside), "the embedded destination");
        }
        else
        {
            Assert.That(Ipv6TestPackets.Destination(error), Is.EqualTo(inside));
            Assert.That(Ipv6TestPackets.Source(error, 48), Is.EqualTo(inside), "the embedded source");
        }
        Assert.That(Ipv6Checksum.IsValid(error), Is.True);
    }

    [Test]
    public void Icmpv6_error_about_a_foreign_address_leaves_the_embedded_packet_alone()
    {
        var translator = Rule("gateway");
        var inside = IpAddress.Parse("fd5a:ceb9:ed8d:fe0a::10");
        var invoking = Ipv6TestPackets.Udp(Remote, IpAddress.Parse("2001:db8:9::1"), 53, 40000, new byte[] { 1 });
        var error = Ipv6TestPackets.IcmpError(inside, Remote, invoking);
        var result = translator.Translate(error, Nptv6Direction.Outbound);
        Assert.That(result, Is.EqualTo(new Nptv6PacketResult(Nptv6PacketOutcome.Translated, Nptv6Outcome.Translated, false)));
        Assert.That(error.AsSpan(48).ToArray(), Is.EqualTo(invoking));
    }

    [Test]
    public void Packets_that_do_not_apply()
    {
        var translator = Rule("gateway");
        Assert.That(translator.Translate(new byte[39], Nptv6Direction.Outbound).Outcome, Is.EqualTo(Nptv6PacketOutcome.Malformed));
        var v4 = new byte[40];
        v4[0] = 0x45;
        Assert.That(translator.Translate(v4, Nptv6Direction.Inbound).Outcome, Is.EqualTo(Nptv6PacketOutcome.Malformed));

        var foreign = Ipv6TestPackets.Udp(IpAddress.Parse("fd99::1"), Remote, 1, 2, Array.Empty<byte>());
        var copy = (byte[])foreign.Clone();
        Assert.That(translator.Translate(foreign, Nptv6Direction.Outbound), Is.EqualTo(new Nptv6PacketResult(Nptv6PacketOutcome.NotMatched, Nptv6Outcome.NotInPrefix, false)));
        Assert.That(foreign, Is.EqualTo(copy));

        var allOnes = Ipv6TestPackets.Udp(IpAddress.Parse("fd5a:ceb9:ed8d:fe0a:ffff:ffff:ffff:ffff"), Remote, 1, 2, Array.Empty<byte>());
        copy = (byte[])allOnes.Clone();
        Assert.That(translator.Translate(allOnes, Nptv6Direction.Outbound), Is.EqualTo(new Nptv6PacketResult(Nptv6PacketOutcome.Drop, Nptv6Outcome.InterfaceIdentifierAllOnes, false)));
        Assert.That(allOnes, Is.EqualTo(copy));
    }

    [TestCaseSource(typeof(TranslatorFactory), nameof(TranslatorFactory.AllRules))]
    public void Random_packets_equal_the_reference_packet_translation(string rule)
    {
        var random = new Random(rule.Length * 7919);
        foreach (var translator in TranslatorFactory.Create(_kind, rule))
        {
            for (int i = 0; i < 500; i++)
            {
                var direction = random.Next(2) == 0 ? Nptv6Direction.Outbound : Nptv6Direction.Inbound;
                var from = direction == Nptv6Direction.Outbound ? translator.Prefixes.Inside : translator.Prefixes.Outside;
                // Mostly inside the prefix; sometimes a random address, an ICMPv6 error, or a truncated packet.
                var address = random.Next(8) == 0 ? IpAddress.V6(RandomWords(random), RandomWords(random))
                    : IpAddress.V6((from.Address.High & Nptv6Rewrite.HighMask(from.Length)) | (RandomWords(random) & ~Nptv6Rewrite.HighMask(from.Length)), RandomWords(random));
                var other = IpAddress.V6(RandomWords(random), RandomWords(random));
                byte[] packet = direction == Nptv6Direction.Outbound
                    ? Ipv6TestPackets.Udp(address, other, 1, 2, new byte[random.Next(4)])
                    : Ipv6TestPackets.Udp(other, address, 1, 2, new byte[random.Next(4)]);
                if (random.Next(4) == 0)
                {
                    var invoking = direction == Nptv6Direction.Outbound ? Ipv6TestPackets.Udp(other, address, 2, 1, new byte[2]) : Ipv6TestPackets.Udp(address, other, 2, 1, new byte[2]);
                    packet = direction == Nptv6Direction.Outbound ? Ipv6TestPackets.IcmpError(address, other, invoking, 3, 0) : Ipv6TestPackets.IcmpError(other, address, invoking, 1, 4);
                }
                if (random.Next(10) == 0) packet = packet.AsSpan(0, random.Next(packet.Length)).ToArray();

                var expected = (byte[])packet.Clone();
                var expectedResult = Nptv6Packet.Translate(expected, direction == Nptv6Direction.Outbound ? translator.Outbound : translator.Inbound, direction);
                var result = translator.Translate(packet, direction);
                Assert.That(result, Is.EqualTo(expectedResult), address.ToString());
                Assert.That(packet, Is.EqualTo(expected), address.ToString());
            }
        }
    }

    [Test]
    public void A_rule_with_two_mappings_picks_the_mapping_by_prefix()
    {
        var mappings = TranslatorFactory.Create(_kind, "two_mappings");
        Assert.That(mappings, Has.Count.EqualTo(2));
        var second = Nptv6Mappings.Select(mappings, IpAddress.Parse("fd00:2::1"), Nptv6Direction.Outbound)!;
        Assert.That(second, Is.SameAs(mappings[1]));
        Assert.That(second.Translate(IpAddress.Parse("fd00:2::1"), Nptv6Direction.Outbound).Address.ToString(), Does.StartWith("2001:db8:3:"));
        Assert.That(Nptv6Mappings.Select(mappings, IpAddress.Parse("2001:db8:2::9"), Nptv6Direction.Inbound), Is.SameAs(mappings[0]));
        Assert.That(Nptv6Mappings.Select(mappings, IpAddress.Parse("fd00:3::1"), Nptv6Direction.Outbound), Is.Null);
    }
}
