using System;
using NetDsl.Addressing;
using NetDsl.Nptv6;
using NUnit.Framework;

namespace NetDsl.Tests.Nptv6.Compiled;

/// <summary>The generated selector: compiled translators for the defaults, generic ones when parameters change a rule.</summary>
public class Nptv6CompiledSelectorTests
{
    [Test]
    public void Defaults_give_the_compiled_instances()
    {
        var rfc = Rules.Nptv6Translators.Select("rfc_example", Rules.Parameters.Default);
        Assert.That(rfc, Has.Count.EqualTo(1));
        Assert.That(rfc[0], Is.SameAs(Rules.Nptv6Translators.RfcExample));
        Assert.That(Rules.Nptv6Translators.Select("two_mappings", Rules.Parameters.Default), Is.SameAs(Rules.Nptv6Translators.TwoMappings));
    }

    [Test]
    public void A_parameter_that_changes_the_rule_falls_back_to_the_generic_translator()
    {
        var parameters = Rules.Parameters.Default with { Outside48 = IpPrefix.Parse("2001:db8:77::/48") };
        var rfc = Rules.Nptv6Translators.Select("rfc_example", parameters);
        Assert.That(rfc[0], Is.InstanceOf<Nptv6Translator>());
        Assert.That(rfc[0].Prefixes.Outside, Is.EqualTo(IpPrefix.Parse("2001:db8:77::/48")));
        Assert.That(rfc[0].Translate(IpAddress.Parse("fd01:203:405:1::1234"), Nptv6Direction.Outbound).Address.ToString(), Does.StartWith("2001:db8:77:"));

        // A rule the parameter does not feed keeps its compiled translator.
        Assert.That(Rules.Nptv6Translators.Select("gateway", parameters)[0], Is.SameAs(Rules.Nptv6Translators.Gateway));
    }

    [Test]
    public void Linux_compatibility_falls_back_only_where_it_changes_the_result()
    {
        // /48 and shorter: Linux translates a subnet word of 0xFFFF, the compiled (RFC) code drops it.
        var rfc = Rules.Nptv6Translators.Select("rfc_example", Rules.Parameters.Default, Nptv6Compatibility.LinuxKernel)[0];
        Assert.That(rfc, Is.InstanceOf<Nptv6Translator>());
        Assert.That(rfc.Translate(IpAddress.Parse("fd01:203:405:ffff::1"), Nptv6Direction.Outbound).Address, Is.EqualTo(IpAddress.Parse("2001:db8:1:d54f::1")));
        Assert.That(Rules.Nptv6Translators.Select("slash56", Rules.Parameters.Default, Nptv6Compatibility.LinuxKernel)[0], Is.SameAs(Rules.Nptv6Translators.Slash56));
    }

    [Test]
    public void Unknown_rule_is_an_argument_exception()
    {
        Assert.That(() => Rules.Nptv6Translators.Select("nope", Rules.Parameters.Default), Throws.ArgumentException.With.Message.Contains("nope"));
    }

    [Test]
    public void Pcap_rewriter_uses_the_mapping_that_holds_the_address()
    {
        var a = TestSupport.Ipv6TestPackets.Udp(IpAddress.Parse("fd00:2::5"), IpAddress.Parse("2001:db8:ffff::1"), 1, 2, Array.Empty<byte>());
        var capture = Pcap.PcapFile.FromIpv6Packets(new[] { a });
        var summary = global::NetDsl.Nptv6.Packets.Nptv6PcapRewriter.Rewrite(capture, Rules.Nptv6Translators.TwoMappings, null, out var output);
        Assert.That(summary.Outbound, Is.EqualTo(1));
        Assert.That(TestSupport.Ipv6TestPackets.Source(output.Records[0].Data).ToString(), Does.StartWith("2001:db8:3:"));
    }
}
