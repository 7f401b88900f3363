using System.Linq;
using NetDsl.Model;
using NetDsl.Planning;
using NUnit.Framework;

namespace NetDsl.Docker.Tests;

public class ApplyPlannerTests
{
    [Test]
    public void Seed_plan_has_the_steps_in_order()
    {
        var plan = ApplyPlanner.Plan(TestModels.Squid());
        var kinds = plan.StepsOn("dockerhost").Select(s => s.GetType().Name).ToList();
        Assert.That(kinds, Is.EqualTo(new[]
        {
            nameof(WriteDaemonJsonStep), nameof(RestartEngineStep), nameof(SetSysctlStep), nameof(SetSysctlStep),
            nameof(CreateNetworkStep), nameof(CreateContainerStep), nameof(StartContainerStep), nameof(LoadNftablesStep),
        }));
        Assert.That(plan.StepsOf<PushDeviceConfigStep>().Select(s => s.Device), Is.EqualTo(new[] { "Rdc01", "FWdc01" }));
    }

    [Test]
    public void Restart_names_the_networking_keys_the_file_sets()
    {
        var restart = ApplyPlanner.Plan(TestModels.Squid()).StepsOf<RestartEngineStep>().Single();
        Assert.That(restart.Keys, Is.EqualTo(new[] { "ipv6", "fixed-cidr-v6" }));
        Assert.That(restart.LiveRestore, Is.False);
        Assert.That(restart.Describe(), Does.Contain("not reload"));
    }

    [Test]
    public void Accept_ra_2_comes_before_forwarding_on_the_ra_uplink()
    {
        var sysctls = ApplyPlanner.Plan(TestModels.Squid()).StepsOf<SetSysctlStep>().ToList();
        Assert.That(sysctls.Select(s => s.Name + "=" + s.Value), Is.EqualTo(new[] { "net.ipv6.conf.ens192.accept_ra=2", "net.ipv6.conf.all.forwarding=1" }));
        Assert.That(sysctls[0].Reason, Does.Contain("router advertisements"));
    }

    [Test]
    public void Static_uplink_gets_no_accept_ra()
    {
        var model = TestModels.Compile("""
            docker-host h {
              interface eth0 address fd00:1::10/64
              route ::/0 via fd00:1::1 dev eth0
            }
            network n on h { subnet fd00:2::/64 }
            """);
        var sysctls = ApplyPlanner.Plan(model).StepsOf<SetSysctlStep>().Select(s => s.Name).ToList();
        Assert.That(sysctls, Is.EqualTo(new[] { "net.ipv6.conf.all.forwarding" }));
    }

    [Test]
    public void Plans_are_values()
    {
        Assert.That(ApplyPlanner.Plan(TestModels.Squid()), Is.EqualTo(ApplyPlanner.Plan(TestModels.Squid())));
        Assert.That(VerifyPlanner.Plan(TestModels.Squid()), Is.EqualTo(VerifyPlanner.Plan(TestModels.Squid())));
    }

    [Test]
    public void Settings_hash_changes_with_the_image_only_for_the_container()
    {
        var a = ApplyPlanner.Plan(TestModels.Squid());
        var b = ApplyPlanner.Plan(TestModels.Squid(TestModels.LabOverrides("other:tag")));
        Assert.That(b.StepsOf<CreateNetworkStep>().Single().SettingsHash, Is.EqualTo(a.StepsOf<CreateNetworkStep>().Single().SettingsHash));
        Assert.That(b.StepsOf<CreateContainerStep>().Single().SettingsHash, Is.Not.EqualTo(a.StepsOf<CreateContainerStep>().Single().SettingsHash));
        Assert.That(a.StepsOf<CreateContainerStep>().Single().SettingsHash, Has.Length.EqualTo(16));
    }

    [Test]
    public void Second_network_is_connected_after_create_with_its_address_pinned()
    {
        var model = TestModels.Compile("""
            docker-host h { }
            network a on h { subnet fd00:a::/64 }
            network b on h { subnet fd00:b::/64 }
            container c on a, b { image "busybox" }
            """);
        var plan = ApplyPlanner.Plan(model);
        var connect = plan.StepsOf<ConnectNetworkStep>().Single();
        Assert.That(connect.Attachment.Network, Is.EqualTo("b"));
        Assert.That(connect.Attachment.Ipv6.ToString(), Is.EqualTo("fd00:b::2"));
        var keys = plan.Steps.Select(s => s.Key).ToList();
        Assert.That(keys.IndexOf("h/container/c/connect/b"), Is.LessThan(keys.IndexOf("h/container/c/start")));
    }

    [Test]
    public void Nftables_table_is_netdsl_own_and_replaced_in_one_file()
    {
        var nft = ApplyPlanner.Plan(TestModels.Squid()).StepsOf<LoadNftablesStep>().Single();
        Assert.That(nft.Family, Is.EqualTo("ip6"));
        Assert.That(nft.Ruleset, Does.StartWith("table ip6 netdsl\ndelete table ip6 netdsl\ntable ip6 netdsl {"));
        Assert.That(nft.Ruleset, Does.Contain("oifname != \"lo\" masquerade"));
        Assert.That(nft.Ruleset, Does.Not.Contain("flush"));
    }

    [Test]
    public void A_project_statement_is_the_owner_label_whatever_the_path()
    {
        const string text = "project squid-lab\ndocker-host h { }\nnetwork n on h { subnet fd00:1::/64 }\n";
        var a = ApplyPlanner.Plan(TestModels.Compile(text, "/one/lab.netdsl"));
        var b = ApplyPlanner.Plan(TestModels.Compile(text, "/two/other.netdsl"));
        Assert.That(a.SourcePath, Is.EqualTo("squid-lab"));
        Assert.That(b, Is.EqualTo(a), "the plan (and so every rendered label) depends on the content only");
        Assert.That(ApplyPlanner.Plan(TestModels.Compile("docker-host h { }\n", "/x/lab.netdsl")).SourcePath, Is.EqualTo("lab.netdsl"));
    }

    [TestCase("project /etc/x\ndocker-host h { }\n", "NDSL1003")]
    [TestCase("project a\nproject b\ndocker-host h { }\n", "NDSL0007")]
    public void A_bad_or_second_project_is_a_diagnostic(string text, string id)
    {
        var result = NetDslCompiler.Compile(text, "/x/lab.netdsl");
        Assert.That(result.Errors.Select(e => e.Id), Does.Contain(id));
    }
}
