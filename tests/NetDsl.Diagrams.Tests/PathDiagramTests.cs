using System.Linq;
using System.Text.RegularExpressions;
using NetDsl.Model;
using NetDsl.Targets.Diagrams;
using NetDsl.Tracing;
using NUnit.Framework;

namespace NetDsl.Diagrams.Tests;

/// <summary>A trace as a sequence diagram: lifelines, one message per hop, rewrites as notes, the reply, where and why it breaks.</summary>
public class PathDiagramTests
{
    private static (TraceResult Trace, string Text) Draw(string from, string to)
    {
        var tracer = new PathTracer(Models.Seed());
        var trace = tracer.Trace(from, ExpectTarget.Parse(to)!);
        return (trace, PathDiagram.Mermaid(trace, tracer.Topology));
    }

    [Test]
    public void Seed_path_has_one_lifeline_per_device_in_the_order_the_packet_meets_them()
    {
        var (_, text) = Draw("cnt01", "dns.google");
        var participants = Regex.Matches(text, "participant d\\d+ as (.*)").Select(m => m.Groups[1].Value);
        Assert.That(participants, Is.EqualTo(new[] { "cnt01 (container)", "dockerhost (docker-host)", "Rdc01 (router)", "FWdc01 (firewall)", "isp (upstream)" }));
    }

    [Test]
    public void Every_hop_is_a_message_and_the_reply_is_dashed()
    {
        var (trace, text) = Draw("cnt01", "dns.google");
        Assert.That(Regex.Matches(text, "d\\d->>d\\d").Count, Is.EqualTo(trace.Forward.Count - 1));
        Assert.That(Regex.Matches(text, "d\\d-->>d\\d").Count, Is.EqualTo(trace.Return.Count - 1));
        Assert.That(text, Does.Contain("d1->>d2: ens192 → Vlan10<br/>src fd5a:ceb9:ed8d:fe0a:ed57:61d8:20eb:aba5<br/>dst 2001:4860:4860::8888<br/>route ::/0 via fe80::1 dev ens192\n"));
    }

    [Test]
    public void Every_rewrite_is_a_note_over_the_device_that_makes_it()
    {
        var (_, text) = Draw("cnt01", "dns.google");
        Assert.That(text, Does.Contain("Note over d1: masquerade: source<br/>fd5a:ceb9:ed8d:1::2 → fd5a:ceb9:ed8d:fe0a:ed57:61d8:20eb:aba5<br/>conntrack: src=fd5a:ceb9:ed8d:1::2"));
        Assert.That(text, Does.Contain("Note over d3: NPTv6 out: source<br/>fd5a:ceb9:ed8d:fe0a:ed57:61d8:20eb:aba5 → 2001:db8:ff00:ff66:78e4:61d8:20eb:aba5<br/>rule nat66_NPTv6_to_internet"));
        Assert.That(text, Does.Contain("Note over d3: NPTv6 in: destination<br/>2001:db8:ff00:ff66:78e4:61d8:20eb:aba5 → fd5a:ceb9:ed8d:fe0a:ed57:61d8:20eb:aba5"));
        Assert.That(text, Does.Contain("Note over d1: conntrack (un-masquerade): destination"));
        Assert.That(text, Does.EndWith("Note over d0: delivered<br/>ok: 5 hops out, 5 hops back\n"));
    }

    [Test]
    public void A_broken_path_ends_highlighted_where_it_breaks_with_the_reason()
    {
        var (trace, text) = Draw("Rdc01", "dns.google");
        Assert.That(trace.Succeeded, Is.False);
        Assert.That(text, Does.Contain("  rect rgb(253, 226, 223)\n    Note over d1: BROKEN at FWdc01<br/>reply: the return path does not come back through the same translation:"));
        Assert.That(text, Does.EndWith("  end\n"));
        Assert.That(text, Does.Not.Contain("ok:"));
    }

    [Test]
    public void A_path_that_never_starts_still_draws_its_origin_and_why()
    {
        var (_, text) = Draw("nobody", "dns.google");
        Assert.That(text, Does.Contain("participant d0 as nobody (not declared)"));
        Assert.That(text, Does.Contain("BROKEN at nobody<br/>'nobody' is not a host, container or device"));
    }

    [Test]
    public void Long_notes_are_wrapped_at_spaces()
    {
        var (_, text) = Draw("Rdc01", "dns.google");
        var note = text.Split('\n').Single(l => l.Contains("BROKEN"));
        Assert.That(note.Substring(note.IndexOf(':') + 2).Split("<br/>").Max(l => l.Length), Is.LessThanOrEqualTo(90));
    }
}
