using System.Linq;
using NetDsl.Model;
using NetDsl.Tracing;
using NUnit.Framework;

namespace NetDsl.Tests.Tracing;

public class PathTracerTests
{
    private static TraceResult Trace(NetworkModel model, string from, string to) => new PathTracer(model).Trace(from, ExpectTarget.Parse(to)!);

    [Test]
    public void Seed_path_to_dns_google_reproduces_the_write_up()
    {
        var trace = Trace(TestCompile.Example(), "cnt01", "dns.google");
        Assert.That(trace.Succeeded, Is.True, trace.ToString());
        Assert.That(trace.Source.ToString(), Is.EqualTo("fd5a:ceb9:ed8d:1::2"));
        Assert.That(trace.Forward.Select(h => h.Device), Is.EqualTo(new[] { "cnt01", "dockerhost", "Rdc01", "FWdc01", "isp" }));

        var masquerade = trace.Forward[1].Rewrites.Single();
        Assert.That(masquerade.Kind, Is.EqualTo("masquerade"));
        Assert.That(masquerade.To.ToString(), Is.EqualTo("fd5a:ceb9:ed8d:fe0a:ed57:61d8:20eb:aba5"));
        Assert.That(masquerade.Detail, Does.Contain("src=fd5a:ceb9:ed8d:1::2 dst=2001:4860:4860::8888"));
        Assert.That(masquerade.Detail, Does.Contain("src=2001:4860:4860::8888 dst=fd5a:ceb9:ed8d:fe0a:ed57:61d8:20eb:aba5"));

        Assert.That(trace.Forward[2].Route, Is.EqualTo("::/0 via fd5a:ceb9:ed8d:fefc::1 dev Vlan252"));
        var nptv6 = trace.Forward[3].Rewrites.Single();
        Assert.That(nptv6.Kind, Is.EqualTo("nptv6-out"));
        // RFC 6296 §3.5 for a /64: the prefix is replaced and the first interface-identifier word absorbs the adjustment.
        Assert.That(nptv6.To.ToString(), Does.StartWith("2001:db8:ff00:ff66:"));
        Assert.That(nptv6.To.ToString(), Does.EndWith(":61d8:20eb:aba5"));
        Assert.That(trace.Forward[4].Note, Does.Contain("dns.google"));

        Assert.That(trace.Return.Select(h => h.Device), Is.EqualTo(new[] { "isp", "FWdc01", "Rdc01", "dockerhost", "cnt01" }));
        Assert.That(trace.Return[1].Rewrites.Single().To.ToString(), Is.EqualTo("fd5a:ceb9:ed8d:fe0a:ed57:61d8:20eb:aba5"));
        Assert.That(trace.Return[3].Rewrites.Single().To.ToString(), Is.EqualTo("fd5a:ceb9:ed8d:1::2"));
    }

    [TestCase("dockerhost", "cnt01")]
    [TestCase("dockerhost", "fe80::1%br_ipv6_nw")]
    [TestCase("cnt01", "dockerhost")]
    [TestCase("cnt01", "fe80::1%eth0")]
    [TestCase("cnt01", "dns.google")]
    public void Every_expect_of_the_example_works(string from, string to) =>
        Assert.That(Trace(TestCompile.Example(), from, to).Succeeded, Is.True);

    [Test]
    public void Every_expect_of_the_example_binds_without_path_errors() =>
        Assert.That(TestCompile.Compile(TestCompile.ExampleText).Ids(), Has.None.EqualTo("NDSL6001"));

    private static string Broken(string find, string replace, string from = "cnt01", string to = "dns.google")
    {
        string text = TestCompile.ExampleText;
        Assert.That(text, Does.Contain(find), "test precondition");
        var result = TestCompile.Compile(text.Replace(find, replace));
        if (result.HasErrors)
        {
            // The binder traces expects: a broken path is NDSL6001 on the expect's line.
            var diag = result.Diagnostics.FirstOrDefault(d => d.Id == "NDSL6001" && d.Message.Contains($"{from} -> {to}"));
            Assert.That(diag, Is.Not.Null, string.Join("\n", result.Diagnostics));
            return diag!.Message;
        }
        Assert.Fail("expected the path to break");
        return "";
    }

    [Test]
    public void No_route_breaks_at_the_router() =>
        Assert.That(Broken("  route ::/0 via Vlan252 fd5a:ceb9:ed8d:fefc::1\n", ""), Does.Contain("Rdc01").And.Contain("no route to 2001:4860:4860::8888"));

    [Test]
    public void Missing_allow_rule_breaks_at_the_firewall()
    {
        var message = Broken("  allow trust_to_untrust zTrust -> zUntrust\n", "");
        Assert.That(message, Does.Contain("FWdc01").And.Contain("no allow rule passes zTrust -> zUntrust"));
    }

    [Test]
    public void A_source_no_rule_covers_leaves_untranslated_and_its_reply_breaks_at_the_upstream() =>
        Assert.That(Broken("    fd5a:ceb9:ed8d:fe0a::/64 -> ROUTINGPREFIX:ff66::/64\n", ""),
            Does.Contain("fails at isp: reply: no route to fd5a:ceb9:ed8d:fe0a:ed57:61d8:20eb:aba5").And.Contain("no NPTv6 rule of FWdc01 matched it"));

    [Test]
    public void Untranslated_ula_breaks_at_the_upstream()
    {
        string text = TestCompile.ExampleText;
        int start = text.IndexOf("  # The write-up's shortcut", System.StringComparison.Ordinal);
        int end = text.IndexOf("  }\n}", start, System.StringComparison.Ordinal) + 4;
        var result = TestCompile.Compile(text.Remove(start, end - start));
        var diag = result.Diagnostics.Single(d => d.Id == "NDSL6001");
        Assert.That(diag.Message, Does.Contain("fails at isp: reply: no route to fd5a:").And.Contain("reached the internet untranslated and isp has no route back"));
    }

    [Test]
    public void Upstream_without_route_back_breaks_the_reply() =>
        Assert.That(Broken("  route ROUTINGPREFIX:ff66::/64 via uplink ROUTINGPREFIX:ffff:192:168:1:250\n", ""), Does.Contain("reply: no route to 2001:db8:ff00:ff66:"));

    [Test]
    public void Missing_firewall_return_route_breaks_the_reply() =>
        Assert.That(Broken("  route fd5a:ceb9:ed8d:fe0a::/64 via ethernet1/2.252 fd5a:ceb9:ed8d:fefc::2  # return path (not in the seed)\n", ""),
            Does.Contain("fails at isp: reply: no route to fd5a:ceb9:ed8d:fe0a:"), "without it the firewall sends the reply back out to the internet");

    [Test]
    public void Next_hop_without_a_device_breaks() =>
        Assert.That(Broken("route ::/0 via Vlan252 fd5a:ceb9:ed8d:fefc::1", "route ::/0 via Vlan252 fd5a:ceb9:ed8d:fefc::99"),
            Does.Contain("next hop fd5a:ceb9:ed8d:fefc::99 is not on the link of Vlan252"));

    [Test]
    public void Second_inside_prefix_of_a_shared_outside_does_not_come_back()
    {
        // The seed's shortcut: traffic from fefc::/64 is translated to ff66::/64, and the reply maps back to fe0a::/64.
        var model = TestCompile.Example();
        var trace = Trace(model, "Rdc01", "dns.google");
        Assert.That(trace.Succeeded, Is.False);
        Assert.That(trace.BrokenAt, Is.EqualTo("FWdc01"));
        Assert.That(trace.Reason, Does.Contain("does not come back through the same translation").And.Contain("request came from fd5a:ceb9:ed8d:fefc::/64"));
    }

    [Test]
    public void Engine_27_has_no_fe80_1_on_the_bridge() =>
        Assert.That(Broken("engine 20.10", "engine 27.0", "cnt01", "fe80::1%eth0"), Does.Contain("nothing on the link of eth0 has fe80::1"));
}
