using System.Linq;
using NUnit.Framework;

namespace NetDsl.Targets.Tests.Consumers;

/// <summary>The unit grammar refuses what systemd would: it is a check only if it can fail.</summary>
public class SystemdUnitGrammarTests
{
    private const string Good = "[Unit]\nDescription=x\n\n[Service]\nType=simple\nExecStart=\"/opt/net dsl/netdsl\" nptv6 run\nRestart=on-failure\nRestartSec=2\n\n[Install]\nWantedBy=multi-user.target\n";

    [Test]
    public void A_well_formed_unit_passes() => Assert.That(SystemdUnitGrammar.Refused(Good), Is.Empty);

    [TestCase("Type=simple", "Type=sometimes", "not one of")]
    [TestCase("Restart=on-failure", "Restrat=on-failure", "not a [Service] setting")]
    [TestCase("ExecStart=\"/opt/net dsl/netdsl\"", "ExecStart=\"/opt/net dsl/netdsl", "unbalanced")]
    [TestCase("ExecStart=\"/opt/net dsl/netdsl\" nptv6 run", "ExecStart=bin/netdsl nptv6 run", "relative path")]
    [TestCase("[Service]", "[Servce]", "not a section")]
    public void A_broken_unit_is_refused(string from, string to, string reason) =>
        Assert.That(string.Join("\n", SystemdUnitGrammar.Refused(Good.Replace(from, to))), Does.Contain(reason));
}
