using System;
using System.CommandLine;
using System.IO;
using NetDsl.Formatting;

namespace NetDsl.Cli.Commands;

/// <summary>
/// `netdsl fmt FILE… [--check]`: rewrites each file in the one layout of <see cref="NetDslFormatter"/> (atomically:
/// a file is either the old text or the new, never half). With --check it writes nothing and exits 1 naming the files
/// that would change: the CI gate. Statements with syntax errors are left as written (and said so).
/// </summary>
public static class FmtCommand
{
    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("files") { Description = "The .netdsl files to format.", Arity = ArgumentArity.OneOrMore };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 if any file is not formatted (listing it)." };
        var command = new Command("fmt", "Format .netdsl files in the one canonical layout (comments kept, nothing reordered).") { files, check };
        command.SetAction(parse => Run(parse.GetValue(files)!, parse.GetValue(check), console));
        return command;
    }

    private static int Run(string[] paths, bool check, CliConsole console)
    {
        bool unreadable = false, different = false;
        foreach (var path in paths)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                console.Error.WriteLine($"netdsl: cannot read '{path}': {e.Message}");
                unreadable = true;
                continue;
            }
            var result = NetDslFormatter.Format(text);
            if (result.StatementsLeftAsWritten > 0)
                console.Error.WriteLine($"netdsl: {path}: {result.StatementsLeftAsWritten} statement(s) with syntax errors left as written (see netdsl check).");
            if (result.Text == text) continue;
            if (check)
            {
                console.Out.WriteLine($"{path}: not formatted (run netdsl fmt {path})");
                different = true;
                continue;
            }
            if (!Write(path, result.Text, console)) { unreadable = true; continue; }
            console.Out.WriteLine($"{path}: formatted");
        }
        if (unreadable) return ExitCodes.Usage;
        return different ? ExitCodes.Failure : ExitCodes.Success;
    }

    // Written beside the file and renamed over it, so an interrupted write never leaves half a file.
    private static bool Write(string path, string text, CliConsole console)
    {
        string temporary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", "." + Path.GetFileName(path) + ".fmt-" + Guid.NewGuid().ToString("N"));
        try
        {
            File.WriteAllText(temporary, text);
            File.Move(temporary, path, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"netdsl: cannot write '{path}': {e.Message}");
            try { File.Delete(temporary); } catch (Exception) { /* best effort: the original is untouched */ }
            return false;
        }
    }
}
