using System.CommandLine;
using System.IO;
using NetDsl.Targets;

namespace NetDsl.Cli.Commands;

/// <summary>
/// `netdsl emit FILE -o DIR [--check]`: renders every target to DIR/&lt;device&gt;/&lt;file&gt; (and DIR/topology.md). With --check it writes
/// nothing and exits 1 listing missing, differing and extra files: the CI gate of a repository that commits
/// its artifacts. A file with errors (compile or render) produces no file at all.
/// </summary>
public static class EmitCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "The .netdsl file to render." };
        var output = new Option<string>("--output", "-o") { Description = "Folder to write the artifacts to (one sub-folder per device).", Required = true };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 if the folder differs from what emit would write (missing, changed or extra files)." };
        var set = SourceFile.SetOption();
        var command = new Command("emit", "Render every artifact of a .netdsl file: daemon.json, nftables, IOS, PAN-OS, Docker requests and script, and topology.md (the diagrams).") { file, output, check, set };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(output)!, parse.GetValue(check), parse.GetValue(set), console));
        return command;
    }

    private static int Run(string path, string outputDir, bool check, string[]? sets, CliConsole console)
    {
        var compiled = SourceFile.Compile(path, sets, console);
        if (compiled is null) return ExitCodes.Usage;
        if (compiled.HasErrors || compiled.Model is null)
        {
            console.Error.WriteLine($"netdsl: {path} has errors; nothing written.");
            return ExitCodes.Failure;
        }

        var rendered = TargetSet.Render(compiled.Model, TargetRegistry.All());
        SourceFile.Print(rendered.Diagnostics, d => compiled.Format(d, path), console);
        if (rendered.HasErrors)
        {
            console.Error.WriteLine($"netdsl: {path} cannot be rendered; nothing written.");
            return ExitCodes.Failure;
        }

        return check ? Check(outputDir, rendered, console) : Write(outputDir, rendered, console);
    }

    private static int Check(string outputDir, RenderResult rendered, CliConsole console)
    {
        var comparison = ArtifactComparer.Compare(outputDir, rendered.Artifacts);
        if (comparison.Error is not null)
        {
            console.Error.WriteLine("netdsl: " + comparison.Error);
            return ExitCodes.Usage;
        }
        if (comparison.UpToDate)
        {
            console.Out.WriteLine($"{outputDir}: {rendered.Artifacts.Count} artifact(s) up to date");
            return ExitCodes.Success;
        }
        foreach (var difference in comparison.Differences)
            console.Out.WriteLine(difference.Describe(Path.Combine(outputDir, difference.RelativePath)));
        console.Error.WriteLine($"netdsl: {comparison.Differences.Count} file(s) differ from what `netdsl emit` writes; run it and commit the result.");
        return ExitCodes.Failure;
    }

    private static int Write(string outputDir, RenderResult rendered, CliConsole console)
    {
        var result = ArtifactWriter.Write(outputDir, rendered.Artifacts);
        foreach (var p in result.Written) console.Out.WriteLine("wrote:     " + Path.Combine(outputDir, p));
        foreach (var p in result.Unchanged) console.Out.WriteLine("unchanged: " + Path.Combine(outputDir, p));
        if (result.Error is not null)
        {
            console.Error.WriteLine("netdsl: " + result.Error);
            return ExitCodes.Usage;
        }
        foreach (var p in result.Extra)
            console.Error.WriteLine($"netdsl: warning: {Path.Combine(outputDir, p)} is not written by NetDsl (stale artifact?); delete it if obsolete, or emit --check will fail.");
        return ExitCodes.Success;
    }
}
