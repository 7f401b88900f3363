using System.CommandLine;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Nptv6;

namespace NetDsl.Cli.Commands.Nptv6;

/// <summary>
/// `netdsl nptv6 translate --inside P --outside P [--inbound] ADDR…` or `netdsl nptv6 translate FILE --rule NAME ADDR…`:
/// one translated address per line (RFC 5952); an address that cannot be translated is reported on stderr and makes
/// the exit code 1.
/// </summary>
public static class Nptv6TranslateCommand
{
    public static Command Create(CliConsole console)
    {
        var rule = new Nptv6RuleOptions();
        var inbound = new Option<bool>("--inbound") { Description = "Translate outside → inside (DNPT, destination) instead of inside → outside (SNPT, source)." };
        // One list: with --rule its first item is the .netdsl FILE (System.CommandLine cannot make a leading argument optional).
        var addresses = new Argument<string[]>("address") { Description = "[FILE] ADDR…: the .netdsl file when --rule is given, then the addresses to translate.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("translate", "Translate addresses with an RFC 6296 NPTv6 rule.") { inbound, addresses };
        rule.AddTo(command);
        command.SetAction(parse =>
        {
            var values = parse.GetValue(addresses) ?? System.Array.Empty<string>();
            string? file = rule.UsesFile(parse) && values.Length > 0 ? values[0] : null;
            if (!rule.TryResolve(parse, console, file, out var mappings, out int exitCode)) return exitCode;
            if (file is not null && values.Length < 2)
            {
                console.Error.WriteLine("netdsl nptv6 translate: give the addresses to translate after FILE.");
                return ExitCodes.Usage;
            }
            var direction = parse.GetValue(inbound) ? Nptv6Direction.Inbound : Nptv6Direction.Outbound;
            int status = ExitCodes.Success;
            foreach (var text in values.Skip(file is null ? 0 : 1))
            {
                if (!IpAddress.TryParse(text.Trim(), out var address))
                {
                    console.Error.WriteLine($"netdsl nptv6: '{text}' is not an IP address.");
                    status = ExitCodes.Usage;
                    continue;
                }
                // No mapping holds it: the first one reports it (not inside the prefix, or not IPv6).
                var translator = Nptv6Mappings.Select(mappings, address, direction) ?? mappings[0];
                var result = translator.Translate(address, direction);
                if (result.IsTranslated)
                {
                    console.Out.WriteLine(result.Address.ToString());
                }
                else
                {
                    console.Error.WriteLine($"netdsl nptv6: {address}: not translated: {result.Describe()}.");
                    if (status == ExitCodes.Success) status = ExitCodes.Failure;
                }
            }
            return status;
        });
        return command;
    }
}
