using System.IO;
using System.Linq;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Fuzz;

public class SeedCorpusTests
{
    /// <summary>The committed seed corpus is what <see cref="SeedCorpus"/> makes (NETDSL_UPDATE_GOLDEN=1 rewrites it).</summary>
    [Test]
    public void Seed_corpus_is_up_to_date()
    {
        var stale = SeedCorpus.All().Where(s =>
        {
            string path = Path.Combine(CorpusReplayTests.Folder, "Corpus", s.Target, s.File);
            return !File.Exists(path) || !File.ReadAllBytes(path).SequenceEqual(s.Bytes);
        }).ToList();
        if (Golden.Updating && stale.Count > 0)
        {
            foreach (var (target, file, bytes) in stale)
            {
                Directory.CreateDirectory(Path.Combine(CorpusReplayTests.Folder, "Corpus", target));
                File.WriteAllBytes(Path.Combine(CorpusReplayTests.Folder, "Corpus", target, file), bytes);
            }
            Assert.Fail($"{stale.Count} seed file(s) rewritten (NETDSL_UPDATE_GOLDEN=1); run again without it.");
        }
        Assert.That(stale.Select(s => s.Target + "/" + s.File), Is.Empty, "NETDSL_UPDATE_GOLDEN=1 dotnet test tests/NetDsl.Fuzz rewrites them");
    }
}
