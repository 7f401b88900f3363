using System.IO;
using System.Linq;
using NUnit.Framework;

namespace NetDsl.Targets.Tests;

public class ArtifactWriterTests
{
    private static readonly Artifact[] Two =
    {
        new("dev1", "a.txt", "alpha\n"),
        new("dev2", "b.txt", "beta\r\nline\n"),
    };

    [Test]
    public void Writes_each_artifact_under_its_device_folder_with_unix_line_ends()
    {
        using var dir = new TempFolder();
        var result = ArtifactWriter.Write(dir.Path, Two);

        Assert.That(result.Error, Is.Null);
        Assert.That(result.Written, Is.EqualTo(new[] { "dev1/a.txt", "dev2/b.txt" }));
        Assert.That(File.ReadAllBytes(dir.File("dev2/b.txt")), Is.EqualTo("beta\nline\n"u8.ToArray()));
        Assert.That(Directory.EnumerateFiles(dir.Path, ".*", SearchOption.AllDirectories), Is.Empty, "no temporary file left behind");
    }

    [Test]
    public void Keeps_unrelated_files_and_leaves_unchanged_files_alone()
    {
        using var dir = new TempFolder();
        Directory.CreateDirectory(dir.File("other"));
        File.WriteAllText(dir.File("other/keep.txt"), "mine");
        File.WriteAllText(dir.File("README.md"), "mine too");
        ArtifactWriter.Write(dir.Path, Two);
        File.WriteAllText(dir.File("dev1/notes.txt"), "hand-made");

        var again = ArtifactWriter.Write(dir.Path, Two);

        Assert.That(again.Written, Is.Empty);
        Assert.That(again.Unchanged, Has.Count.EqualTo(2));
        Assert.That(again.Extra, Is.EqualTo(new[] { "dev1/notes.txt" }), "reported, not deleted");
        Assert.That(File.ReadAllText(dir.File("other/keep.txt")), Is.EqualTo("mine"));
        Assert.That(File.ReadAllText(dir.File("README.md")), Is.EqualTo("mine too"));
        Assert.That(File.ReadAllText(dir.File("dev1/notes.txt")), Is.EqualTo("hand-made"));
    }

    [TestCase("..", "x")]
    [TestCase("dev", "../x")]
    [TestCase("dev", ".hidden")]
    [TestCase("de\nv", "x")]
    public void Refuses_a_path_that_could_leave_its_folder_and_writes_nothing(string device, string file)
    {
        using var dir = new TempFolder();
        var result = ArtifactWriter.Write(dir.Path, new[] { new Artifact("ok", "fine.txt", "x\n"), new Artifact(device, file, "x\n") });

        Assert.That(result.Error, Does.StartWith("refusing to write"));
        Assert.That(Directory.EnumerateFileSystemEntries(dir.Path), Is.Empty);
    }

    [Test]
    public void Compare_lists_missing_changed_and_extra_files()
    {
        using var dir = new TempFolder();
        ArtifactWriter.Write(dir.Path, Two);
        File.Delete(dir.File("dev1/a.txt"));
        File.WriteAllText(dir.File("dev2/b.txt"), "beta\nline!\n");
        File.WriteAllText(dir.File("dev2/old.txt"), "stale");
        File.WriteAllText(dir.File("dev2/.gitkeep"), "");

        var result = ArtifactComparer.Compare(dir.Path, Two);

        Assert.That(result.Differences.Select(d => d.ToString()), Is.EqualTo(new[]
        {
            "missing: dev1/a.txt", "differs: dev2/b.txt", "extra:   dev2/old.txt",
        }));
    }

    [Test]
    public void Compare_of_a_folder_just_written_is_up_to_date()
    {
        using var dir = new TempFolder();
        ArtifactWriter.Write(dir.Path, Two);
        Assert.That(ArtifactComparer.Compare(dir.Path, Two).UpToDate, Is.True);
    }
}
