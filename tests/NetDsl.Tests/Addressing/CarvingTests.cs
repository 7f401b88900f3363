using System.Collections.Generic;
using System.Linq;
using NetDsl.Addressing;
using NUnit.Framework;

namespace NetDsl.Tests.Addressing;

/// <summary>
/// Carving subnets out of a prefix parameter of any length (a delegated /56, /60…): NAME:groups, where the first
/// written group shares the parameter's partial group. Exact: the result is inside the parameter, or an error.
/// </summary>
public class CarvingTests
{
    private static CompilationResult Router(string parameter, string address) =>
        TestCompile.Compile($"let P = {parameter}\nrouter r ios {{ interface e0 address {address} }}\n");

    private static string? Carved(string parameter, string address)
    {
        var result = Router(parameter, address);
        return result.HasErrors ? null : result.Model!.Routers[0].Interfaces[0].Addresses[0].ToString();
    }

    [TestCase("2001:db8:ab00::/56", "P:5::1/64", "2001:db8:ab00:5::1/64")]
    [TestCase("2001:db8:ab00::/56", "P:0::1/64", "2001:db8:ab00::1/64")]
    [TestCase("2001:db8:ab00::/56", "P:ff:0:0:0:1/64", "2001:db8:ab00:ff::1/64")]
    [TestCase("2001:db8:ab00:3c00::/54", "P:3ff::1/64", "2001:db8:ab00:3fff::1/64")]
    [TestCase("2001:db8:ab00::/60", "P:f::1/64", "2001:db8:ab00:f::1/64")]
    [TestCase("2001:db8:ab00:10::/60", "P:3::1/64", "2001:db8:ab00:13::1/64")]
    [TestCase("2001:db8::/32", "P:7:1::1/64", "2001:db8:7:1::1/64")]
    [TestCase("2001:db8:ff00::/48", "P:ffff:192:168:1:250/64", "2001:db8:ff00:ffff:192:168:1:250/64")]
    [TestCase("2001:d00::/24", "P:b8:1::1/64", "2001:db8:1::1/64")]
    public void A_parameter_of_any_length_is_carved_exactly(string parameter, string address, string expected) =>
        Assert.That(Carved(parameter, address), Is.EqualTo(expected));

    [TestCase("2001:db8:ab00::/56", "P:100::1/64", "keeps 8 of its bits: write a value from 0 to ff there, not 100")]
    [TestCase("2001:db8:ab00::/60", "P:10::1/64", "write a value from 0 to f there, not 10")]
    [TestCase("2001:db8:ab00::/56", "P::/48", "a prefix carved from it is /56 or longer, not /48")]
    [TestCase("::/0", "P::1/64", "leaves nothing of its own")]
    public void Carving_that_would_leave_the_parameter_is_refused(string parameter, string address, string reason)
    {
        var result = Router(parameter, address);
        Assert.That(result.Errors.Select(e => e.Id), Is.EqualTo(new[] { "NDSL2005" }), string.Join("\n", result.Diagnostics));
        Assert.That(result.Errors.Single().Message, Does.Contain(reason));
    }

    /// <summary>Every /64 of a /56 (and of a /60), by its index: the same as adding index × 2^64 to the prefix, and inside it.</summary>
    [TestCase("2001:db8:ab00::/56", 256)]
    [TestCase("fd12:3456:7800:30::/60", 16)]
    public void The_nth_64_is_the_prefix_plus_n_times_2_to_the_64(string parameter, int count)
    {
        var p = IpPrefix.Parse(parameter);
        var seen = new HashSet<string>();
        for (int n = 0; n < count; n++)
        {
            var result = TestCompile.Compile($"let P = {parameter}\ndocker-host h {{ }}\nnetwork n on h {{ subnet P:{n:x}::/64 }}\n");
            Assert.That(result.HasErrors, Is.False, string.Join("\n", result.Diagnostics));
            var subnet = result.Model!.Networks[0].Subnet6!.Value;
            var expected = new IpAddress(p.Address.High + (ulong)n, 0, false);
            Assert.That(subnet, Is.EqualTo(new IpPrefix(expected, 64)));
            Assert.That(p.Contains(subnet), Is.True);
            Assert.That(seen.Add(subnet.ToString()), Is.True);
        }
        Assert.That(TestCompile.Compile($"let P = {parameter}\ndocker-host h {{ }}\nnetwork n on h {{ subnet P:{count:x}::/64 }}\n").HasErrors, Is.True, "one past the last");
    }

    [Test]
    public void A_delegated_prefix_overridden_with_set_is_carved_the_same_way()
    {
        var text = "let DELEGATED = 2001:db8:ab00::/56\ndocker-host h { }\nnetwork n on h { subnet DELEGATED:5::/64 }\n";
        var result = TestCompile.Compile(text, new Dictionary<string, string> { ["DELEGATED"] = "2001:db8:cd00::/56" });
        Assert.That(result.Model!.Networks[0].Subnet6.ToString(), Is.EqualTo("2001:db8:cd00:5::/64"));
    }
}

/// <summary>A parameter that holds an address with its length (an interface address with host bits).</summary>
public class AddressWithLengthParameterTests
{
    private const string File = "let UPLINK = 2001:db8::5/64\ndocker-host h { interface eth0 address UPLINK }\n";

    [Test]
    public void It_stands_where_an_interface_address_is_expected()
    {
        var result = TestCompile.Compile(File);
        Assert.That(result.HasErrors, Is.False, string.Join("\n", result.Diagnostics));
        Assert.That(result.Model!.Hosts[0].Interfaces[0].Addresses[0].ToString(), Is.EqualTo("2001:db8::5/64"));
        Assert.That(result.Model.Parameters[0].Kind, Is.EqualTo(Model.ParameterKind.AddressWithLength));
    }

    [Test]
    public void It_is_not_a_network_prefix()
    {
        var result = TestCompile.Compile("let UPLINK = 2001:db8::5/64\ndocker-host h { }\nnetwork n on h { subnet UPLINK }\n");
        Assert.That(result.Errors.Select(e => e.Id), Is.EqualTo(new[] { "NDSL1007" }));
        Assert.That(result.Errors.Single().Message, Does.Contain("holds an address with its length, but a prefix is needed"));
    }

    [TestCase("2001:db8::6/64", "2001:db8::6/64")]
    [TestCase("2001:db8:1::/64", "2001:db8:1::/64")]
    public void An_override_may_set_any_address_with_its_length(string value, string expected)
    {
        var result = TestCompile.Compile(File, new Dictionary<string, string> { ["UPLINK"] = value });
        Assert.That(result.Model!.Hosts[0].Interfaces[0].Addresses[0].ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void A_prefix_parameter_still_refuses_host_bits_in_an_override()
    {
        var result = TestCompile.Compile("let P = 2001:db8::/48\ndocker-host h { }\nnetwork n on h { subnet P:1::/64 }\n",
            new Dictionary<string, string> { ["P"] = "2001:db8::1/48" });
        Assert.That(result.Errors.Select(e => e.Id), Is.EqualTo(new[] { "NDSL1005" }));
    }
}
