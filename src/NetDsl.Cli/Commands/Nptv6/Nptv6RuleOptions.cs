using System.CommandLine;
using NetDsl.Addressing;
using NetDsl.Nptv6;

namespace NetDsl.Cli.Commands.Nptv6;

/// <summary>
/// How an `nptv6` subcommand gets its rule. Today: `--inside P --outside P` (and `--linux`). Every subcommand
/// asks <see cref="TryResolve"/> for a translator, so the planned `FILE --rule NAME` form (a rule from a bound
/// .netdsl file) is one more pair of options and one more branch here, not a change to each subcommand.
/// </summary>
public sealed class Nptv6RuleOptions
{
    public Option<string> Inside { get; } = new("--inside") { Description = "Inside (internal) prefix, e.g. fd01:203:405::/48." };

    public Option<string> Outside { get; } = new("--outside") { Description = "Outside (external) prefix, e.g. 2001:db8:1::/48." };

    public Option<bool> Linux { get; } = new("--linux")
    {
        Description = "Behave as Linux SNPT/DNPT where it differs from RFC 6296 (translate a /48 subnet word of 0xffff instead of dropping it).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Inside);
        command.Options.Add(Outside);
        command.Options.Add(Linux);
    }

    /// <summary>Builds the translator, printing errors and warnings; false (with the exit code) when there is none.</summary>
    public bool TryResolve(ParseResult parse, CliConsole console, out Nptv6Translator translator, out int exitCode)
    {
        translator = null!;
        exitCode = ExitCodes.Usage;
        string? insideText = parse.GetValue(Inside);
        string? outsideText = parse.GetValue(Outside);
        if (insideText is null || outsideText is null)
        {
            console.Error.WriteLine("netdsl nptv6: give both --inside PREFIX and --outside PREFIX.");
            return false;
        }
        if (!TryParsePrefix("--inside", insideText, console, out var inside) || !TryParsePrefix("--outside", outsideText, console, out var outside))
            return false;

        var compatibility = parse.GetValue(Linux) ? Nptv6Compatibility.LinuxKernel : Nptv6Compatibility.Rfc6296;
        if (!Nptv6Translator.TryCreate(new Nptv6Rule(inside, outside), compatibility, out var created, out var check))
        {
            foreach (var error in check.Errors) console.Error.WriteLine("netdsl nptv6: error: " + error);
            return false;
        }
        foreach (var warning in check.Warnings) console.Error.WriteLine("netdsl nptv6: warning: " + warning);
        translator = created!;
        exitCode = ExitCodes.Success;
        return true;
    }

    private static bool TryParsePrefix(string option, string text, CliConsole console, out IpPrefix prefix)
    {
        if (IpPrefix.TryParse(text.Trim(), out prefix)) return true;
        console.Error.WriteLine($"netdsl nptv6: {option} '{text}' is not a prefix (expected ADDRESS/LENGTH, e.g. 2001:db8:1::/48).");
        return false;
    }
}
