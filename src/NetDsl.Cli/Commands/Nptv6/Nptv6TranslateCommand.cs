using System.CommandLine;
using NetDsl.Addressing;
using NetDsl.Nptv6;

namespace NetDsl.Cli.Commands.Nptv6;

/// <summary>
/// `netdsl nptv6 translate --inside P --outside P [--inbound] ADDR…`: one translated address per line (RFC 5952);
/// an address that cannot be translated is reported on stderr and makes the exit code 1.
/// </summary>
public static class Nptv6TranslateCommand
{
    public static Command Create(CliConsole console)
    {
        var rule = new Nptv6RuleOptions();
        var inbound = new Option<bool>("--inbound") { Description = "Translate outside → inside (DNPT, destination) instead of inside → outside (SNPT, source)." };
        var addresses = new Argument<string[]>("address") { Description = "Addresses to translate.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("translate", "Translate addresses with an RFC 6296 NPTv6 rule.") { inbound, addresses };
        rule.AddTo(command);
        command.SetAction(parse =>
        {
            if (!rule.TryResolve(parse, console, out var translator, out int exitCode)) return exitCode;
            var direction = parse.GetValue(inbound) ? Nptv6Direction.Inbound : Nptv6Direction.Outbound;
            int status = ExitCodes.Success;
            foreach (var text in parse.GetValue(addresses) ?? System.Array.Empty<string>())
            {
                if (!IpAddress.TryParse(text.Trim(), out var address))
                {
                    console.Error.WriteLine($"netdsl nptv6: '{text}' is not an IP address.");
                    status = ExitCodes.Usage;
                    continue;
                }
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
