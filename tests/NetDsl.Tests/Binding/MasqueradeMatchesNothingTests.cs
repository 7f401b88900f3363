using System.IO;
using System.Linq;
using NetDsl.Diagnostics;
using NetDsl.Model;
using NetDsl.TestSupport;
using NetDsl.Tracing;
using NUnit.Framework;

namespace NetDsl.Tests.Binding;

/// <summary>
/// NDSL3210: a masquerade whose interface conditions leave no output interface. The binder asks the path model's
/// matcher (<see cref="InterfaceMatch.And"/>, through <see cref="DeviceRules.MasqueradeOutput"/>), so the warning and
/// trace's dropping of the rule are one decision.
/// </summary>
public class MasqueradeMatchesNothingTests
{
    private const string Id = "NDSL3210";

    private static string Host(string masquerade) =>
        "docker-host h {\n  interface eth0 address fd00:9::5/64\n  interface eth1 address fd00:8::5/64\n  " + masquerade + "\n}\n";

    [Test]
    public void Out_and_out_not_of_one_interface_warn_on_the_masquerade()
    {
        var result = TestCompile.Compile(Host("masquerade ipv6 out eth0 out-not eth0"));
        Assert.That(result.Ids(), Is.EqualTo(new[] { Id }), string.Join("\n", result.Diagnostics.Select(d => result.Format(d))));
        var d = result.Diagnostics.Single();
        Assert.That(d.Severity, Is.EqualTo(Severity.Warning));
        var at = result.Locate(d.Span);
        Assert.That((at.Line, at.Column, at.Length), Is.EqualTo((4, 3, "masquerade ipv6 out eth0 out-not eth0".Length)));
        Assert.That(d.Message, Is.EqualTo(
            "'masquerade ipv6 out-not eth0 out eth0' can never match a packet: 'out-not eth0' excludes every interface 'out eth0' allows, "
            + "so nftables loads a rule that masquerades nothing."));
        Assert.That(result.Format(d), Does.EndWith(
            "Fix: Remove 'out-not eth0' ('out eth0' alone already limits the rule to eth0), or correct 'out' to the interface the masqueraded packets leave by."));
        Assert.That(result.Model, Is.Not.Null, "a warning keeps the model");
    }

    [TestCase("masquerade ipv6 out-not eth1 out eth1")]
    [TestCase("masquerade ipv4 out lo out-not lo source 10.1.0.0/16")]
    [TestCase("masquerade ipv6 out docker0 out-not docker0")]
    public void The_contradiction_warns_whatever_the_order_family_source_or_interface(string masquerade)
    {
        var result = TestCompile.Compile(Host(masquerade));
        Assert.That(result.Ids(), Is.EqualTo(new[] { Id }), string.Join("\n", result.Diagnostics.Select(d => result.Format(d))));
        Assert.That(result.Locate(result.Diagnostics.Single().Span).Length, Is.EqualTo(masquerade.Length));
    }

    [Test]
    public void The_warned_rule_is_the_one_trace_drops()
    {
        var result = TestCompile.Compile(Host("masquerade ipv6 out-not lo\n  masquerade ipv6 out eth0 out-not eth0\n  masquerade ipv6 out eth1 out-not eth0"));
        Assert.That(result.Ids(), Is.EqualTo(new[] { Id }));
        Assert.That(result.Locate(result.Diagnostics.Single().Span).Line, Is.EqualTo(5));
        var rules = new PathTracer(result.Model!).Topology.Find("h")!.Rules.Nat.Where(r => r.Kind == NatKind.Masquerade && r.Maker == RuleMaker.Apply);
        Assert.That(rules.Select(r => r.Origin), Is.EqualTo(new[] { "masquerade ipv6 out-not lo", "masquerade ipv6 out-not eth0 out eth1" }));
    }

    /// <summary>
    /// The grammar gives out and out-not one interface each, so a file can only contradict itself with one name; the
    /// matcher decides emptiness for lists too (the filter rules use them), and that is what the check relies on.
    /// </summary>
    [Test]
    public void The_matcher_says_when_two_conditions_leave_no_interface_for_lists_too()
    {
        Assert.That(InterfaceMatch.Of("eth0", "eth1").And(InterfaceMatch.Not("eth1", "eth0")), Is.Null);
        Assert.That(InterfaceMatch.Of("eth0", "eth1").And(InterfaceMatch.Of("eth2", "eth3")), Is.Null);
        Assert.That(InterfaceMatch.Not("eth0").And(InterfaceMatch.Of("eth0", "eth1")), Is.EqualTo(InterfaceMatch.Of("eth1")));
        Assert.That(InterfaceMatch.Of("eth0", "eth1").And(InterfaceMatch.Of("eth1", "eth2")), Is.EqualTo(InterfaceMatch.Of("eth1")));
        Assert.That(InterfaceMatch.Not("eth0").And(InterfaceMatch.Not("eth1", "eth0")), Is.EqualTo(InterfaceMatch.Not("eth0", "eth1")));
        Assert.That(InterfaceMatch.Any.And(InterfaceMatch.Not("lo")), Is.EqualTo(InterfaceMatch.Not("lo")));
        Assert.That(InterfaceMatch.Of("eth0").And(InterfaceMatch.Any), Is.EqualTo(InterfaceMatch.Of("eth0")));
        Assert.That(InterfaceMatch.Of("eth0").And(InterfaceMatch.Not()), Is.EqualTo(InterfaceMatch.Of("eth0")), "not-nothing is any");

        // The conjunction matches exactly what both match, packets made on the device (no interface) included.
        var conditions = new[]
        {
            InterfaceMatch.Any, InterfaceMatch.Not(), InterfaceMatch.Of("a"), InterfaceMatch.Of("a", "b"), InterfaceMatch.Of("b", "c"),
            InterfaceMatch.Not("a"), InterfaceMatch.Not("a", "b"), InterfaceMatch.Not("c"),
        };
        foreach (var x in conditions)
        foreach (var y in conditions)
        foreach (var name in new string?[] { null, "a", "b", "c", "d" })
            Assert.That(x.And(y)?.Matches(name) ?? false, Is.EqualTo(x.Matches(name) && y.Matches(name)), $"{x} and {y} on {name ?? "(none)"}");
    }

    [TestCase("masquerade ipv6 out-not lo")]
    [TestCase("masquerade ipv6 out eth0")]
    [TestCase("masquerade ipv6 out-not eth0")]
    [TestCase("masquerade ipv6 out eth0 out-not eth1")]
    [TestCase("masquerade ipv6 out-not lo out eth1")]
    [TestCase("masquerade ipv4 out eth0 source 10.1.0.0/16")]
    [TestCase("masquerade ipv6")]
    public void An_ordinary_masquerade_does_not_warn(string masquerade) =>
        Assert.That(TestCompile.Compile(Host(masquerade)).Ids(Severity.Info), Is.Empty);

    [Test]
    public void An_undeclared_interface_is_NDSL4003_not_this_warning()
    {
        var result = TestCompile.Compile(Host("masquerade ipv6 out eth9"));
        Assert.That(result.Ids(), Is.EqualTo(new[] { "NDSL4003" }));
        Assert.That(TestCompile.Compile(Host("masquerade ipv6 out-not eth9 out eth0")).Ids(), Is.EqualTo(new[] { "NDSL4003" }));
    }

    [Test]
    public void No_example_warns()
    {
        var files = Directory.GetFiles(RepoPaths.Examples, "*.netdsl", SearchOption.AllDirectories);
        Assert.That(files, Does.Contain(RepoPaths.SquidExample));
        foreach (var file in files)
        {
            var result = NetDslCompiler.Compile(File.ReadAllText(file), Path.GetFileName(file));
            Assert.That(result.Diagnostics.Where(d => d.Id == Id).Select(d => result.Format(d)), Is.Empty, file);
        }
    }
}
