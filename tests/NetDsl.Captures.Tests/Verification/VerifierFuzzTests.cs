using System;
using System.Linq;
using System.Text;
using NetDsl.Captures.Verification;
using NUnit.Framework;

namespace NetDsl.Captures.Tests.Verification;

/// <summary>Mutated captures never make the verifier throw or report an internal error: facts pass, fail or are not covered.</summary>
public class VerifierFuzzTests
{
    [Test]
    public void Mutated_seed_captures_verify_without_internal_errors()
    {
        var model = Seed.Model();
        var random = new Random(20200224);
        byte[] interesting = Encoding.ASCII.GetBytes(":/%[]{}\"=;.-# \n\t0fFzZR");
        for (int round = 0; round < 150; round++)
        {
            var texts = SeedCaptures.All.Select(name =>
            {
                byte[] bytes = Encoding.UTF8.GetBytes(SeedCaptures.Text(name));
                for (int m = random.Next(4); m > 0; m--)
                    bytes[random.Next(bytes.Length)] = interesting[random.Next(interesting.Length)];
                return (name, Encoding.UTF8.GetString(bytes));
            });
            var report = CaptureVerifier.Verify(model, CaptureSet.FromTexts(texts));
            var broken = report.Results.Where(r => r.Observed?.Contains("internal error", StringComparison.Ordinal) == true).ToList();
            Assert.That(broken, Is.Empty, $"round {round}: {string.Join("\n", broken)}");
            Assert.That(report.Results, Has.Count.EqualTo(41));
        }
    }
}
