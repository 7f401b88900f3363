using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using NetDsl.Captures.Model;

namespace NetDsl.Captures.Parsers;

/// <summary>
/// Reads `nft list ruleset`, `nft list table …` and `nft list chain …` output (also with <c>-a</c> handles):
/// <c>table ip6 firewalld {</c> / <c>chain nat_POST_public_allow {</c> / rules / <c>}</c>. Sets, maps, flowtables and
/// other named objects are skipped. A rule is kept normalised (see <see cref="ObservedNftRule"/>).
/// </summary>
public static class NftParser
{
    private static readonly Regex TableLine = new(@"^table\s+(?<family>\S+)\s+(?<name>\S+)\s*\{$", RegexOptions.CultureInvariant);
    private static readonly Regex ChainLine = new(@"^chain\s+(?<name>\S+)\s*\{$", RegexOptions.CultureInvariant);
    private static readonly Regex HandleComment = new(@"\s*#\s*handle\s+(?<handle>\d+)\s*$", RegexOptions.CultureInvariant);
    private static readonly Regex CounterValues = new(@"\bcounter packets \d+ bytes \d+", RegexOptions.CultureInvariant);
    private static readonly Regex HookClause = new(@"\bhook\s+(?<hook>[\w-]+)", RegexOptions.CultureInvariant);

    // Blocks inside a table whose contents are not rules.
    private static readonly HashSet<string> OtherBlocks = new(StringComparer.Ordinal)
    {
        "set", "map", "flowtable", "counter", "quota", "limit", "ct", "secmark", "synproxy", "vmap",
    };

    public static CaptureParseResult<ObservedNftRule> Parse(string text, string fileName) =>
        ParseSink<ObservedNftRule>.Run(text, fileName, Read);

    /// <summary>The form rules are compared in: single spaces, no handle comment, counters without numbers.</summary>
    public static string NormaliseRule(string rule)
    {
        string text = HandleComment.Replace(rule, "");
        text = CounterValues.Replace(text, "counter");
        return string.Join(" ", Words.Split(text));
    }

    private static void Read(ParseSink<ObservedNftRule> sink)
    {
        string? family = null, table = null, chain = null, hook = null;
        int tableLine = 0, chainLine = 0;
        int otherDepth = 0; // inside a set/map/… block
        foreach (var line in sink.Capture.Lines)
        {
            sink.CurrentLine = line.Number;
            string text = line.Trimmed;
            if (text.Length == 0 || text.StartsWith('#')) continue;
            // `nft -a` puts "# handle N" after braces too ("table ip6 firewalld { # handle 3").
            string structural = HandleComment.Replace(text, "");
            if (otherDepth > 0)
            {
                otherDepth += Count(text, '{') - Count(text, '}');
                continue;
            }
            if (table is null)
            {
                var tableMatch = TableLine.Match(structural);
                if (tableMatch.Success)
                {
                    family = tableMatch.Groups["family"].Value;
                    table = tableMatch.Groups["name"].Value;
                    tableLine = line.Number;
                }
                else sink.Error(line, "Expected 'table FAMILY NAME {' (as nft list prints) before this line.");
                continue;
            }
            if (chain is null)
            {
                var chainMatch = ChainLine.Match(structural);
                if (chainMatch.Success)
                {
                    chain = chainMatch.Groups["name"].Value;
                    chainLine = line.Number;
                    hook = null;
                }
                else if (text == "}") table = null;
                else if (structural.EndsWith('{') && OtherBlocks.Contains(Words.Split(text)[0])) otherDepth = 1;
                else if (!text.StartsWith("flags ", StringComparison.Ordinal))
                    sink.Error(line, $"Expected 'chain NAME {{' or '}}' inside table {family} {table}.");
                continue;
            }
            if (text == "}")
            {
                chain = null;
                continue;
            }
            if (text.StartsWith("type ", StringComparison.Ordinal) && text.Contains(" hook ", StringComparison.Ordinal))
            {
                hook = HookClause.Match(text) is { Success: true } hookMatch ? hookMatch.Groups["hook"].Value : null;
                continue;
            }
            if (text.StartsWith("policy ", StringComparison.Ordinal) || text.StartsWith("comment ", StringComparison.Ordinal)
                || text.StartsWith("devices ", StringComparison.Ordinal)) continue;
            if (Count(text, '{') != Count(text, '}'))
            {
                sink.Error(line, "Unbalanced braces in a rule; was the capture cut in the middle of a rule?");
                continue;
            }
            var handle = HandleComment.Match(text) is { Success: true } handleMatch ? Words.ParseInt(handleMatch.Groups["handle"].Value) : null;
            sink.Add(new ObservedNftRule(sink.Device, family!, table, chain, hook, NormaliseRule(text), handle, sink.At(line)));
        }
        if (chain is not null) sink.Error(chainLine, $"Chain {chain} is not closed: the capture seems cut short.");
        else if (table is not null) sink.Error(tableLine, $"Table {family} {table} is not closed: the capture seems cut short.");
    }

    private static int Count(string text, char c)
    {
        int count = 0;
        foreach (char x in text) if (x == c) count++;
        return count;
    }
}
