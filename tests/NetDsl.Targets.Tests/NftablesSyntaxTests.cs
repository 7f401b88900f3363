using System.Diagnostics;
using System.IO;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Targets.Tests;

/// <summary>The rendered ruleset is accepted by nft itself (check mode: nothing is loaded).</summary>
public class NftablesSyntaxTests
{
    [Test]
    public void Nft_accepts_the_example_ruleset()
    {
        string? nft = LabRequirement.FindOnPath("nft");
        if (nft is null) Assert.Ignore("nft is not installed (apt-get install nftables); syntax not checked");
        if (!LabRequirement.IsRoot()) Assert.Ignore("nft -c needs root (netlink) here; syntax not checked");

        string file = Path.Combine(Path.GetTempPath(), "netdsl-" + System.Guid.NewGuid().ToString("N") + ".nft");
        File.WriteAllText(file, SquidExample.Artifact("dockerhost/netdsl.nft").Content);
        try
        {
            var start = new ProcessStartInfo(nft, new[] { "-c", "-f", file }) { RedirectStandardError = true, RedirectStandardOutput = true };
            using var process = Process.Start(start)!;
            string errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.That(process.ExitCode, Is.EqualTo(0), "nft -c -f rejected the ruleset: " + errors);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
