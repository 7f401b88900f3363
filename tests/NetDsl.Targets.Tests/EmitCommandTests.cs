using System.IO;
using System.Linq;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Targets.Tests;

/// <summary>`netdsl emit` in-process: exit codes, what is written, and the --check gate.</summary>
public class EmitCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Cli.Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static (int Code, string Out, string Err) Emit(string dir, params string[] extra) =>
        Run(new[] { "emit", RepoPaths.SquidExample, "-o", dir }.Concat(extra).ToArray());

    [Test]
    public void Committed_example_artifacts_are_up_to_date()
    {
        // The CI gate for this repository's own example (NETDSL_UPDATE_GOLDEN=1 regenerates it).
        Assert.That(CommittedArtifacts.AssertUpToDate("squid-ipv6"), Does.Contain("8 artifact(s) up to date"));
    }

    [Test]
    public void Emit_writes_one_file_per_artifact_and_check_then_passes()
    {
        using var dir = new TempFolder();
        var (code, stdout, _) = Emit(dir.Path);
        Assert.That(code, Is.EqualTo(0));
        Assert.That(stdout, Does.Contain("wrote:"));
        foreach (var f in new[] { "dockerhost/daemon.json", "dockerhost/netdsl.nft", "Rdc01/Rdc01.ios", "FWdc01/FWdc01.panos" })
            Assert.That(File.Exists(dir.File(f)), Is.True, f);

        Assert.That(Emit(dir.Path, "--check").Code, Is.EqualTo(0));
        Assert.That(Emit(dir.Path).Out, Does.Contain("unchanged:").And.Not.Contain("wrote:"));
    }

    [Test]
    public void Check_fails_on_a_missing_file()
    {
        using var dir = new TempFolder();
        Emit(dir.Path);
        File.Delete(dir.File("Rdc01/Rdc01.ios"));
        var (code, stdout, _) = Emit(dir.Path, "--check");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stdout, Does.Contain("missing: ").And.Contain("Rdc01.ios"));
        Assert.That(File.Exists(dir.File("Rdc01/Rdc01.ios")), Is.False, "--check writes nothing");
    }

    [Test]
    public void Check_fails_on_one_changed_byte()
    {
        using var dir = new TempFolder();
        Emit(dir.Path);
        var bytes = File.ReadAllBytes(dir.File("FWdc01/FWdc01.panos"));
        bytes[10] ^= 0x20;
        File.WriteAllBytes(dir.File("FWdc01/FWdc01.panos"), bytes);
        var (code, stdout, _) = Emit(dir.Path, "--check");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stdout, Does.Contain("differs: ").And.Contain("FWdc01.panos"));
    }

    [Test]
    public void Check_fails_on_an_extra_file_in_a_device_folder_but_not_elsewhere()
    {
        using var dir = new TempFolder();
        Emit(dir.Path);
        File.WriteAllText(dir.File("README.md"), "not NetDsl's");
        Assert.That(Emit(dir.Path, "--check").Code, Is.EqualTo(0));

        File.WriteAllText(dir.File("dockerhost/old.nft"), "stale");
        var (code, stdout, _) = Emit(dir.Path, "--check");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stdout, Does.Contain("extra:   ").And.Contain("old.nft"));
    }

    [Test]
    public void A_file_with_errors_writes_nothing_and_exits_1()
    {
        using var dir = new TempFolder();
        string source = dir.File("broken.netdsl");
        File.WriteAllText(source, File.ReadAllText(RepoPaths.SquidExample).Replace("via Vlan252", "via NoSuchInterface"));
        string output = dir.File("out");

        var (code, _, stderr) = Run("emit", source, "-o", output);

        Assert.That(code, Is.EqualTo(1), stderr);
        Assert.That(stderr, Does.Contain("error NDSL").And.Contain("nothing written"));
        Assert.That(Directory.Exists(output), Is.False);
    }

    [Test]
    public void An_unreadable_source_is_a_usage_error()
    {
        using var dir = new TempFolder();
        Assert.That(Run("emit", dir.File("absent.netdsl"), "-o", dir.File("out")).Code, Is.EqualTo(64));
    }

    [Test]
    public void Missing_output_option_is_refused()
    {
        var (code, _, _) = Run("emit", RepoPaths.SquidExample);
        Assert.That(code, Is.Not.EqualTo(0));
    }
}
