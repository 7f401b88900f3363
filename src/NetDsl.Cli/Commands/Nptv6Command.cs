using System.CommandLine;
using NetDsl.Cli.Commands.Nptv6;

namespace NetDsl.Cli.Commands;

/// <summary>`netdsl nptv6 …`: RFC 6296 prefix translation. The arithmetic lives in NetDsl.Nptv6; these are shells.</summary>
public static class Nptv6Command
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("nptv6", "RFC 6296 IPv6-to-IPv6 network prefix translation.");
        command.Subcommands.Add(Nptv6TranslateCommand.Create(console));
        command.Subcommands.Add(Nptv6PcapCommand.Create(console));
        command.Subcommands.Add(Nptv6RunCommand.Create(console));
        return command;
    }
}
