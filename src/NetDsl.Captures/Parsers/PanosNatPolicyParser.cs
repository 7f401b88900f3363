using System;
using System.Text.RegularExpressions;
using NetDsl.Captures.Model;

namespace NetDsl.Captures.Parsers;

/// <summary>
/// Reads the PAN-OS running NAT policy as `show running nat-policy` prints it: one block per rule,
/// <c>"nat66_NPTv6_to_internet; index: 1" {</c>, then <c>key value;</c> lines (lists as <c>[ a  b ]</c>), then <c>}</c>.
/// Sources are printed uncompressed (<c>fd5a:ceb9:ed8d:fe0a:0:0:0:0/64</c>) and compare equal to the compressed form.
/// </summary>
public static class PanosNatPolicyParser
{
    private static readonly Regex RuleName = new(@"^(?<name>.*?);\s*index:\s*(?<index>\d+)$", RegexOptions.CultureInvariant);

    public static CaptureParseResult<ObservedNatRule> Parse(string text, string fileName) =>
        ParseSink<ObservedNatRule>.Run(text, fileName, Read);

    private static void Read(ParseSink<ObservedNatRule> sink)
    {
        NatRuleBuilder? rule = null;
        int ruleLine = 0;
        foreach (var line in sink.Capture.Lines)
        {
            sink.CurrentLine = line.Number;
            string text = line.Trimmed;
            if (text.Length == 0) continue;
            if (text.EndsWith('{'))
            {
                if (rule is not null)
                {
                    sink.Error(ruleLine, "This rule's block is not closed before the next rule starts.");
                    sink.Add(rule.Build());
                }
                rule = StartRule(sink, line, text);
                ruleLine = line.Number;
                continue;
            }
            if (text == "}")
            {
                if (rule is null) sink.Error(line, "'}' without a rule to close.");
                else sink.Add(rule.Build());
                rule = null;
                continue;
            }
            if (rule is null)
            {
                sink.Error(line, "Expected a rule such as '\"NAME; index: 1\" {' before this line.");
                continue;
            }
            ReadField(sink, rule, line);
        }
        if (rule is not null)
        {
            sink.Error(ruleLine, "The rule's block is not closed: the capture seems cut short.");
            sink.Add(rule.Build());
        }
    }

    private static NatRuleBuilder StartRule(ParseSink<ObservedNatRule> sink, CaptureLine line, string text)
    {
        string header = text.Substring(0, text.Length - 1).Trim().Trim('"');
        var match = RuleName.Match(header);
        string name = match.Success ? match.Groups["name"].Value.Trim() : header;
        int? index = match.Success ? Words.ParseInt(match.Groups["index"].Value) : null;
        return new NatRuleBuilder(sink.Device, name, index, sink.At(line));
    }

    private static void ReadField(ParseSink<ObservedNatRule> sink, NatRuleBuilder rule, CaptureLine line)
    {
        string text = line.Trimmed;
        if (text.StartsWith("translate-to", StringComparison.Ordinal))
        {
            if (!rule.TryReadTranslateTo(text)) sink.Error(line, "Expected translate-to \"src: ADDRESS/LEN (kind)\".");
            return;
        }
        if (!PanosTokens.TrySplit(text, out var tokens, out var error))
        {
            sink.Error(line, error!);
            return;
        }
        if (tokens.Count == 0) return;
        int i = 1;
        var values = PanosTokens.ReadValues(tokens, ref i);
        switch (tokens[0])
        {
            case "nat-type": rule.NatType = First(values); break;
            case "from": rule.From.AddRange(values); break;
            case "to": rule.To.AddRange(values); break;
            case "to-interface": rule.ToInterface = First(values); break;
            case "service": rule.Service = First(values); break;
            case "source": foreach (var v in values) NatRuleBuilder.AddMatch(rule.Sources, rule.SourceNames, v); break;
            case "destination": foreach (var v in values) NatRuleBuilder.AddMatch(rule.Destinations, rule.DestinationNames, v); break;
            // terminal, disabled, description, tag, … say nothing NetDsl checks.
        }
    }

    private static string? First(System.Collections.Generic.List<string> values) => values.Count > 0 ? values[0] : null;
}
