using System.IO;
using System.Linq;
using NetDsl.Captures.Verification;
using NUnit.Framework;

namespace NetDsl.Captures.Tests.Verification;

/// <summary>Copies of the seed's captures with one thing changed: a fact fails where it should, and only there.</summary>
public class ChangedCaptureTests
{
    private const string Gateway6 = "dockerhost/network/br_ipv6_nw/gateway6";

    [Test]
    public void A_changed_container_address_fails_that_fact_with_file_and_line()
    {
        using var copy = new CaptureCopy();
        copy.Replace(SeedCaptures.ContainerIpAddr, "inet6 fd5a:ceb9:ed8d:1::2/64", "inet6 fd5a:ceb9:ed8d:1::3/64");
        var report = copy.Verify();
        Assert.That(report.Keys(CaptureOutcome.Fail), Is.EquivalentTo(new[] { "cnt01/container/eth0/fd5a:ceb9:ed8d:1::2" }));
        var result = report.ByKey()["cnt01/container/eth0/fd5a:ceb9:ed8d:1::2"];
        Assert.That(result.Where, Is.EqualTo(copy.PathOf(SeedCaptures.ContainerIpAddr) + ":12"));
        Assert.That(result.Observed, Does.Contain("fd5a:ceb9:ed8d:1::3/64"));
        Assert.That(result.ToString(), Does.StartWith("FAIL container cnt01 eth0 has fd5a:ceb9:ed8d:1::2/64: expected fd5a:ceb9:ed8d:1::2/64, observed "));
    }

    [Test]
    public void A_changed_address_in_a_partial_capture_still_fails()
    {
        // show interface all is elided (~省略~) between interfaces, but an interface that is printed is printed whole.
        using var copy = new CaptureCopy();
        copy.Replace(SeedCaptures.PanosInterfaces, "fd5a:ceb9:ed8d:fefc::1/64", "fd5a:ceb9:ed8d:fefd::1/64");
        var result = copy.Verify().ByKey()["FWdc01/interface/ethernet1/2.252/fd5a:ceb9:ed8d:fefc::1"];
        Assert.That(result.Outcome, Is.EqualTo(CaptureOutcome.Fail));
        Assert.That(Path.GetFileName(result.Where), Is.EqualTo(SeedCaptures.PanosInterfaces + ":8"));
    }

    [Test]
    public void A_changed_redacted_prefix_fails_the_translation()
    {
        using var copy = new CaptureCopy();
        copy.Replace(SeedCaptures.PanosNat, "ROUTINGPREFIX:ff66:0:0:0:0/64", "ROUTINGPREFIX:ff67:0:0:0:0/64");
        var result = copy.Verify().ByKey()["FWdc01/nat/nat66_NPTv6_to_internet/translatedsource"];
        Assert.That(result.Outcome, Is.EqualTo(CaptureOutcome.Fail));
        Assert.That(result.Observed, Is.EqualTo("ROUTINGPREFIX:ff67::/64"));
    }

    [Test]
    public void A_reply_to_the_container_itself_fails_the_conntrack_fact()
    {
        using var copy = new CaptureCopy();
        copy.Replace(SeedCaptures.Conntrack, "dst=fd5a:ceb9:ed8d:fe0a:ed57:61d8:20eb:aba5", "dst=fd5a:ceb9:ed8d:1::2");
        var result = copy.Verify().ByKey()["dockerhost/conntrack/cnt01->dns.google"];
        Assert.That(result.Outcome, Is.EqualTo(CaptureOutcome.Fail));
        Assert.That(result.Note, Does.Contain("did not masquerade"));
    }

    [Test]
    public void A_route_missing_from_a_complete_capture_fails_but_not_from_a_filtered_one()
    {
        using var copy = new CaptureCopy();
        // cnt01's `ip -6 route` is complete: no default route is a failure.
        copy.Replace(SeedCaptures.ContainerRoutes, "default via fd5a:ceb9:ed8d:1::1 dev eth0 metric 1024 pref medium\n", "");
        // the host's is `| grep -v docker0`: a missing line proves nothing.
        copy.Replace(SeedCaptures.HostRoutes, "default via fe80::1 dev ens192 proto ra metric 100 pref medium\n", "");
        var results = copy.Verify().ByKey();
        Assert.That(results["cnt01/route/::/0"].Outcome, Is.EqualTo(CaptureOutcome.Fail));
        Assert.That(results["cnt01/route/::/0"].Observed, Is.EqualTo("(no route to ::/0)"));
        Assert.That(results["dockerhost/route/::/0"].Outcome, Is.EqualTo(CaptureOutcome.NotCovered));
        Assert.That(results["dockerhost/route/::/0"].Note, Does.Contain("partial"));
    }

    [Test]
    public void Missing_capture_files_leave_their_facts_not_covered()
    {
        using var copy = new CaptureCopy();
        copy.Delete(SeedCaptures.PanosNat);
        copy.Delete(SeedCaptures.IosRun);
        copy.Delete(SeedCaptures.Conntrack);
        var report = copy.Verify();
        Assert.That(report.Keys(CaptureOutcome.Fail), Is.Empty);
        var results = report.ByKey();
        Assert.That(results.Values.Where(r => r.Fact.Key.StartsWith("FWdc01/nat/")).Select(r => r.Outcome), Has.All.EqualTo(CaptureOutcome.NotCovered));
        Assert.That(results["Rdc01/static-route/::/0/fd5a:ceb9:ed8d:fefc::1"].Note, Is.EqualTo("no capture of `show running-config` from Rdc01"));
        Assert.That(results["dockerhost/conntrack/cnt01->dns.google"].Outcome, Is.EqualTo(CaptureOutcome.NotCovered));
    }

    [Test]
    public void The_container_address_is_also_checked_against_docker_network_inspect()
    {
        using var copy = new CaptureCopy();
        copy.Delete(SeedCaptures.ContainerIpAddr);
        copy.Replace(SeedCaptures.DockerInspect, "\"IPv6Address\": \"fd5a:ceb9:ed8d:1::2/64\"", "\"IPv6Address\": \"fd5a:ceb9:ed8d:1::9/64\"");
        var result = copy.Verify().ByKey()["cnt01/container/eth0/fd5a:ceb9:ed8d:1::2"];
        Assert.That(result.Outcome, Is.EqualTo(CaptureOutcome.Fail));
        Assert.That(result.Observed, Is.EqualTo("fd5a:ceb9:ed8d:1::9/64"));
    }

    [Test]
    public void A_capture_from_an_undeclared_device_is_a_warning()
    {
        using var copy = new CaptureCopy();
        copy.Write("dockerhst.ip-6-route.txt", SeedCaptures.Text(SeedCaptures.HostRoutes));
        var report = copy.Verify();
        Assert.That(report.Warnings.Single(), Does.Contain("dockerhst.ip-6-route.txt: device 'dockerhst' is not declared"));
        Assert.That(report.Keys(CaptureOutcome.Fail), Is.Empty);
    }
}
