using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Nptv6;

namespace NetDsl.Cli.Commands.Nptv6;

/// <summary>
/// How an `nptv6` subcommand gets its rule: `--inside P --outside P`, or `FILE --rule NAME` (a rule of a bound
/// .netdsl file, with `--set` overrides). Every subcommand asks <see cref="TryResolve"/>, so both forms behave the
/// same everywhere. A rule is a list of mappings (one translator each); callers pick the mapping whose inside
/// (outbound) or outside (inbound) prefix holds the address.
/// </summary>
public sealed class Nptv6RuleOptions
{
    public Option<string[]> Inside { get; } = new("--inside")
    {
        AllowMultipleArgumentsPerToken = false,
        Description = "Inside (internal) prefix, e.g. fd01:203:405::/48. Repeat --inside/--outside for a rule of several mappings (used in order, first match).",
    };

    public Option<string[]> Outside { get; } = new("--outside") { AllowMultipleArgumentsPerToken = false, Description = "Outside (external) prefix, e.g. 2001:db8:1::/48 (one per --inside, in the same order)." };

    public Option<string> Rule { get; } = new("--rule")
    {
        Description = "Use the NPTv6 rule NAME of the .netdsl FILE given as the first argument (instead of --inside/--outside). " +
            "For a rule with several mappings, each address uses the mapping whose inside prefix (outbound) or outside prefix (inbound) holds it.",
    };

    public Option<string[]> Set { get; } = SourceFile.SetOption();

    public Option<bool> Linux { get; } = new("--linux")
    {
        Description = "Behave as Linux SNPT/DNPT where it differs from RFC 6296 (translate a /48 subnet word of 0xffff instead of dropping it).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Inside);
        command.Options.Add(Outside);
        command.Options.Add(Rule);
        command.Options.Add(Set);
        command.Options.Add(Linux);
    }

    /// <summary>True when the rule comes from a file: the first positional argument is then FILE.</summary>
    public bool UsesFile(ParseResult parse) => parse.GetValue(Rule) is not null;

    /// <summary>
    /// Builds the translators (one per mapping), printing errors and warnings; false (with the exit code) when
    /// there are none. <paramref name="file"/> is the FILE argument when <see cref="UsesFile"/>.
    /// </summary>
    public bool TryResolve(ParseResult parse, CliConsole console, string? file, out IReadOnlyList<INptv6Translator> mappings, out int exitCode)
    {
        mappings = System.Array.Empty<INptv6Translator>();
        exitCode = ExitCodes.Usage;
        var compatibility = parse.GetValue(Linux) ? Nptv6Compatibility.LinuxKernel : Nptv6Compatibility.Rfc6296;
        var insides = parse.GetValue(Inside) ?? System.Array.Empty<string>();
        var outsides = parse.GetValue(Outside) ?? System.Array.Empty<string>();
        string? ruleName = parse.GetValue(Rule);
        if (ruleName is not null)
        {
            if (insides.Length > 0 || outsides.Length > 0)
            {
                console.Error.WriteLine("netdsl nptv6: give either FILE --rule NAME or --inside/--outside, not both.");
                return false;
            }
            return TryResolveFromFile(parse, console, file, ruleName, compatibility, out mappings, out exitCode);
        }
        if (insides.Length == 0 || insides.Length != outsides.Length)
        {
            console.Error.WriteLine(insides.Length == 0 && outsides.Length == 0
                ? "netdsl nptv6: give both --inside PREFIX and --outside PREFIX, or FILE --rule NAME."
                : $"netdsl nptv6: {insides.Length} --inside and {outsides.Length} --outside: give one --outside per --inside.");
            return false;
        }
        var created = new List<INptv6Translator>();
        for (int i = 0; i < insides.Length; i++)
        {
            if (!TryParsePrefix("--inside", insides[i], console, out var inside) || !TryParsePrefix("--outside", outsides[i], console, out var outside))
                return false;
            if (!Nptv6Translator.TryCreate(new Nptv6PrefixPair(inside, outside), compatibility, out var translator, out var check))
            {
                foreach (var error in check.Errors) console.Error.WriteLine("netdsl nptv6: error: " + error);
                return false;
            }
            foreach (var warning in check.Warnings) console.Error.WriteLine("netdsl nptv6: warning: " + warning);
            created.Add(translator!);
        }
        mappings = created;
        exitCode = ExitCodes.Success;
        return true;
    }

    private bool TryResolveFromFile(ParseResult parse, CliConsole console, string? file, string ruleName, Nptv6Compatibility compatibility, out IReadOnlyList<INptv6Translator> mappings, out int exitCode)
    {
        mappings = System.Array.Empty<INptv6Translator>();
        exitCode = ExitCodes.Usage;
        if (string.IsNullOrEmpty(file))
        {
            console.Error.WriteLine("netdsl nptv6: --rule NAME needs the .netdsl FILE as the first argument.");
            return false;
        }
        var result = SourceFile.Compile(file!, parse.GetValue(Set), console);
        if (result is null) return false;
        if (result.Model is null)
        {
            exitCode = ExitCodes.Failure;
            return false;
        }
        var rule = Nptv6Mappings.FindMappings(result.Model, ruleName);
        if (rule is null)
        {
            var names = Nptv6Mappings.RuleNames(result.Model).ToList();
            console.Error.WriteLine($"netdsl nptv6: {file} has no NPTv6 rule '{ruleName}'" +
                (names.Count == 0 ? " (it has none)." : "; it has: " + string.Join(", ", names) + "."));
            return false;
        }
        if (!Nptv6Mappings.TryCreate(rule, compatibility, out mappings, out var errors, out var warnings))
        {
            foreach (var error in errors) console.Error.WriteLine("netdsl nptv6: error: " + error);
            return false;
        }
        foreach (var warning in warnings) console.Error.WriteLine("netdsl nptv6: warning: " + warning);
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
