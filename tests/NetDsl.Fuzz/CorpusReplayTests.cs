using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetDsl.Fuzz.Targets;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Fuzz;

/// <summary>
/// What CI does with fuzzing: every input of the seed corpus and every crash or hang afl-fuzz ever found
/// (Regressions/TARGET/, one file each, named after what broke) runs once through its target, which must keep
/// every promise. It does not fuzz.
/// </summary>
public class CorpusReplayTests
{
    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "NetDsl.Fuzz");

    public static IEnumerable<TestCaseData> Inputs(string kind) =>
        FuzzTargets.All.SelectMany(target =>
        {
            string dir = Path.Combine(Folder, kind, target.Name);
            return Directory.Exists(dir)
                ? Directory.GetFiles(dir).OrderBy(f => f, System.StringComparer.Ordinal)
                    .Select(f => new TestCaseData(target.Name, Path.GetFileName(f)).SetName($"{kind}_{target.Name}_{Path.GetFileName(f)}"))
                : Enumerable.Empty<TestCaseData>();
        });

    public static IEnumerable<TestCaseData> Regressions() => Inputs("Regressions");

    [TestCaseSource(nameof(Regressions))]
    public void A_crash_found_by_fuzzing_stays_fixed(string target, string file) => Replay("Regressions", target, file);

    /// <summary>The corpus is replayed as one test per target (hundreds of files; one case each would drown the report).</summary>
    [TestCaseSource(typeof(FuzzTargets), nameof(FuzzTargets.All))]
    public void Every_corpus_input_keeps_every_promise(FuzzTarget target)
    {
        string dir = Path.Combine(Folder, "Corpus", target.Name);
        var files = Directory.GetFiles(dir);
        Assert.That(files, Is.Not.Empty, "no seed corpus for " + target.Name);
        var broken = new List<string>();
        foreach (var file in files.OrderBy(f => f, System.StringComparer.Ordinal))
        {
            try
            {
                target.Run(File.ReadAllBytes(file));
            }
            catch (System.Exception e)
            {
                broken.Add(Path.GetFileName(file) + ": " + e.GetType().Name + ": " + e.Message);
            }
        }
        Assert.That(broken, Is.Empty);
    }

    private static void Replay(string kind, string target, string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, kind, target, file));
        Assert.DoesNotThrow(() => FuzzTargets.Find(target)!.Run(bytes));
    }
}
