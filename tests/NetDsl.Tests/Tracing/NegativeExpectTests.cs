using System.Linq;
using NetDsl.Model;
using NetDsl.Tracing;
using NUnit.Framework;

namespace NetDsl.Tests.Tracing;

/// <summary>`expect no-ping A -> B`: holds when the echo request never reaches B, and the trace says where it stops.</summary>
public class NegativeExpectTests
{
    private static CompilationResult WithExpect(string expect, string find = "", string replace = "")
    {
        string text = TestCompile.ExampleText;
        if (find.Length > 0)
        {
            Assert.That(text, Does.Contain(find), "test precondition");
            text = text.Replace(find, replace);
        }
        return TestCompile.Compile(text + expect + "\n");
    }

    [Test]
    public void A_blocked_path_holds_and_the_trace_names_the_hop()
    {
        // Without the allow rule the firewall's interzone default drops the request.
        var result = WithExpect("expect no-ping cnt01 -> dns.google", "  allow trust_to_untrust zTrust -> zUntrust\n", "");
        var expect = result.PartialModel.Expectations.Last();
        Assert.That(expect.Kind, Is.EqualTo(ExpectationKind.NoPing));
        Assert.That(expect.ToString(), Is.EqualTo("expect no-ping cnt01 -> dns.google"));
        Assert.That(result.Diagnostics.Where(d => d.Span == expect.Span), Is.Empty, string.Join("\n", result.Diagnostics));
        var trace = new PathTracer(result.PartialModel).Trace(expect);
        Assert.That(trace.Arrived, Is.False);
        Assert.That(trace.BrokenAt, Is.EqualTo("FWdc01"));
        Assert.That(trace.Reason, Is.EqualTo("no allow rule passes zTrust -> zUntrust"));
    }

    [Test]
    public void An_open_path_fails_with_NDSL6101_naming_where_the_request_arrives()
    {
        var result = WithExpect("expect no-ping cnt01 -> dns.google");
        var error = result.Errors.Single();
        Assert.That(error.Id, Is.EqualTo("NDSL6101"));
        Assert.That(error.Message, Is.EqualTo("expect no-ping cnt01 -> dns.google does not hold: the echo request reaches isp and its reply comes back."));
        Assert.That(result.OnlyExpectsFail, Is.True, "the model stays whole: trace and the lab run on it");
    }

    [Test]
    public void A_request_that_arrives_but_loses_its_reply_still_reached_the_target()
    {
        // The upstream without its route back: the request reaches dns.google, the reply has no way home.
        var result = WithExpect("expect no-ping cnt01 -> dns.google", "  route ROUTINGPREFIX:ff66::/64 via uplink ROUTINGPREFIX:ffff:192:168:1:250\n", "");
        var open = result.Errors.Single(e => e.Id == "NDSL6101");
        Assert.That(open.Message, Does.Contain("the echo request reaches isp (reply: no route to 2001:db8:ff00:ff66:"));
    }

    [Test]
    public void Only_ping_and_no_ping_are_expect_kinds()
    {
        var result = TestCompile.Compile("docker-host h { }\nexpect pong h -> h\n");
        Assert.That(result.Errors.Single().Message, Is.EqualTo("Expected 'ping' or 'no-ping' after 'expect', found 'pong'."));
    }
}
