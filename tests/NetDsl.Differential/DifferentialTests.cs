using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Differential;

/// <summary>
/// For each seed: generate a valid topology, check it, trace every expect, build it (`lab up`), ping every expect
/// (`lab test`), tear it down (`lab down`). Any disagreement fails with the seed, the file and a shrunk file (statements
/// and expects deleted while the disagreement remains), ready to become a regression test. The CI set is
/// <see cref="DifferentialSeeds.Ci"/>; NETDSL_DIFF_SEEDS=FROM-TO runs any range.
/// </summary>
[TestFixture, NonParallelizable]
public class DifferentialTests
{
    [OneTimeSetUp]
    public void Require()
    {
        LabRequirement.RequireDockerd();
        if (GeneratorOptions.FromEnvironment().Engines is EngineMix.Mixed or EngineMix.Podman) LabRequirement.RequirePodman();
        LabRequirement.RequireRootAndNamespaces("ip6tables-restore", "iptables-restore", "conntrack", "tcpdump", "nft", "ping", "nsenter");
    }

    public static IEnumerable<int> Seeds => DifferentialSeeds.Selected;

    [TestCaseSource(nameof(Seeds))]
    public async Task Trace_and_the_lab_agree(int seed)
    {
        var generated = TopologyGenerator.Generate(seed, GeneratorOptions.FromEnvironment());
        var outcome = await DifferentialRunner.RunAsync(generated.Text, line => TestContext.Out.WriteLine(line));
        TestContext.Out.WriteLine($"seed {seed}: {outcome.Verdicts.Count} expects in {outcome.Elapsed.TotalSeconds:0.0} s");
        foreach (var v in outcome.Verdicts) TestContext.Out.WriteLine(v.Line());
        if (outcome.Agrees) return;

        // A disagreement must reproduce: the lab is real processes on a shared machine.
        var again = await DifferentialRunner.RunAsync(generated.Text, line => TestContext.Out.WriteLine(line));
        if (again.Agrees)
        {
            TestContext.Out.WriteLine($"FLAKY: seed {seed} disagreed once and agreed when run again:\n{outcome.Describe()}");
            return;
        }
        string report = $"seed {seed} disagrees (twice):\n{outcome.Describe()}\n--- file ---\n{generated.Text}";
        if (outcome.CheckErrors.Count == 0 && outcome.DownErrors.Count == 0)
        {
            string shrunk = await DifferentialRunner.ShrinkAsync(generated, outcome, line => TestContext.Out.WriteLine(line));
            report += $"\n--- shrunk (a regression test) ---\n{shrunk}";
        }
        Assert.Fail(report);
    }
}
