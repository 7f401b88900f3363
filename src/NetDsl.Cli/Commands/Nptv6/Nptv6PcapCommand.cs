using System;
using System.CommandLine;
using System.IO;
using NetDsl.Pcap;
using NetDsl.Nptv6;
using NetDsl.Nptv6.Packets;

namespace NetDsl.Cli.Commands.Nptv6;

/// <summary>
/// `netdsl nptv6 pcap --inside P --outside P [--direction out|in|auto] IN.pcap OUT.pcap` (or `FILE --rule NAME IN.pcap
/// OUT.pcap`): translate every packet of a classic pcap capture and write the result; prints what it did. Untranslatable packets are left out
/// (a translator drops them) and make the exit code 1.
/// </summary>
public static class Nptv6PcapCommand
{
    public static Command Create(CliConsole console)
    {
        var rule = new Nptv6RuleOptions();
        var direction = new Option<string>("--direction")
        {
            Description = "out: translate sources (SNPT); in: destinations (DNPT); auto (default): per packet, out if the source is inside, else in.",
            DefaultValueFactory = _ => "auto",
        };
        direction.AcceptOnlyFromAmong("auto", "out", "in");
        // One list: with --rule its first item is the .netdsl FILE (System.CommandLine cannot make a leading argument optional).
        var paths = new Argument<string[]>("files")
        {
            Description = "[FILE] IN.pcap OUT.pcap: the .netdsl file when --rule is given, the capture to read (classic pcap; Ethernet, raw IP, IPv6 or Linux cooked) and the capture to write.",
            Arity = new ArgumentArity(2, 3),
        };
        var command = new Command("pcap", "Translate the packets of a pcap capture with an RFC 6296 NPTv6 rule.") { direction, paths };
        rule.AddTo(command);
        command.SetAction(parse =>
        {
            var values = parse.GetValue(paths) ?? System.Array.Empty<string>();
            bool fromFile = rule.UsesFile(parse);
            if (values.Length != (fromFile ? 3 : 2))
            {
                console.Error.WriteLine(fromFile
                    ? "netdsl nptv6 pcap: with --rule, give FILE IN.pcap OUT.pcap."
                    : "netdsl nptv6 pcap: give IN.pcap OUT.pcap (or FILE --rule NAME IN.pcap OUT.pcap).");
                return ExitCodes.Usage;
            }
            if (!rule.TryResolve(parse, console, fromFile ? values[0] : null, out var mappings, out int exitCode)) return exitCode;
            Nptv6Direction? fixedDirection = parse.GetValue(direction) switch
            {
                "out" => Nptv6Direction.Outbound,
                "in" => Nptv6Direction.Inbound,
                _ => null,
            };
            string inputPath = values[values.Length - 2];
            string outputPath = values[values.Length - 1];

            PcapFile? capture;
            try
            {
                using var stream = File.OpenRead(inputPath);
                if (!PcapFile.TryRead(stream, out capture, out string error))
                {
                    console.Error.WriteLine($"netdsl nptv6 pcap: {inputPath}: {error}.");
                    return ExitCodes.Usage;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                console.Error.WriteLine($"netdsl nptv6 pcap: cannot read {inputPath}: {e.Message}");
                return ExitCodes.Usage;
            }
            if (!PcapLinkType.IsSupported(capture!.Header.LinkType))
            {
                console.Error.WriteLine($"netdsl nptv6 pcap: {inputPath}: link type {capture.Header.LinkType} is not supported (Ethernet, raw IP, IPv6 and Linux cooked are).");
                return ExitCodes.Usage;
            }

            var summary = Nptv6PcapRewriter.Rewrite(capture, mappings, fixedDirection, out var rewritten);
            try
            {
                using var stream = File.Create(outputPath);
                rewritten.Write(stream);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                console.Error.WriteLine($"netdsl nptv6 pcap: cannot write {outputPath}: {e.Message}");
                return ExitCodes.Usage;
            }
            console.Out.WriteLine(summary.ToString());
            return summary.Dropped > 0 ? ExitCodes.Failure : ExitCodes.Success;
        });
        return command;
    }
}
