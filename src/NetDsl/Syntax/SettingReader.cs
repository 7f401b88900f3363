using System.Collections.Generic;
using System.Linq;
using NetDsl.Diagnostics;
using NetDsl.Model;
using NetDsl.Text;

namespace NetDsl.Syntax;

/// <summary>
/// Reads lexical nodes against the shapes in <see cref="Shapes"/>: which keyword starts a setting, how many
/// values it takes, which options follow. Settings need no separators (<c>daemon { ipv6 true fixed-cidr-v6 … }</c>
/// works on one line) because every shape has a fixed arity. On an error it reports the exact node and skips
/// to the next known keyword, so one mistake yields one diagnostic.
/// </summary>
internal sealed class SettingReader
{
    private static readonly HashSet<string> TopLevelKeywords = new(Shapes.TopLevelKeywords);

    private readonly StatementId _statement;
    private readonly List<NetDslDiagnostic> _diagnostics;

    public SettingReader(StatementId statement, List<NetDslDiagnostic> diagnostics)
    {
        _statement = statement;
        _diagnostics = diagnostics;
    }

    /// <summary>Reads one top-level statement from a chunk's nodes (a chunk holds exactly one).</summary>
    public SettingSyntax? ReadStatement(EquatableArray<SyntaxNode> nodes)
    {
        if (nodes.Count == 0) return null;
        var first = nodes[0];
        var shape = first.Kind == NodeKind.Word ? Shapes.TopLevel.FirstOrDefault(s => s.Keyword == first.Text) : null;
        if (shape is null)
        {
            Report(DiagnosticDefinitions.UnknownStatement, first.Span, Short(first), string.Join(", ", Shapes.TopLevelKeywords),
                first.Kind == NodeKind.Word ? Naming.Suggestions.DidYouMean(first.Text, Shapes.TopLevelKeywords) : "");
            return null;
        }
        int index = 1;
        var setting = ReadSetting(shape, first, nodes, ref index, TopLevelKeywords);
        if (setting is not null && index < nodes.Count)
        {
            Report(DiagnosticDefinitions.ExpectedToken, nodes[index].Span, "the end of the statement", "after '" + LastText(nodes, index) + "'",
                nodes[index].Describe() + " (put each statement on its own line)");
        }
        return setting;
    }

    private SettingSyntax? ReadSetting(SettingShape shape, SyntaxNode keyword, EquatableArray<SyntaxNode> nodes, ref int index, HashSet<string> siblingKeywords)
    {
        // A value slot never swallows a keyword that starts an option or the next setting.
        bool IsKeyword(string text) => siblingKeywords.Contains(text) || shape.OptionKeywords.Contains(text);

        var arguments = new List<SyntaxNode>();
        SyntaxNode last = keyword;
        foreach (var slot in shape.Slots)
        {
            var next = index < nodes.Count ? nodes[index] : null;
            if (slot.Literal is not null)
            {
                if (next is null || next.Text != slot.Literal || next.Kind is not (NodeKind.Arrow or NodeKind.Equals))
                    return Missing(slot.Description, last, next);
                last = next;
                index++;
                continue;
            }
            if (next is null || !IsValue(next) || (slot.Optional && next.Kind == NodeKind.Word && IsKeyword(next.Text)))
            {
                if (slot.Optional) continue;
                return Missing(slot.Description, last, next);
            }
            arguments.Add(next);
            last = next;
            index++;
        }

        var options = new List<OptionSyntax>();
        while (index < nodes.Count && nodes[index].Kind == NodeKind.Word)
        {
            string optionText = nodes[index].Text;
            var optionShape = shape.Options.FirstOrDefault(o => o.Keyword == optionText);
            if (optionShape is null) break;
            var optionKeyword = nodes[index++];
            if (!optionShape.Repeatable && options.Any(o => o.Keyword.Text == optionShape.Keyword))
                Report(DiagnosticDefinitions.DuplicateSetting, optionKeyword.Span, optionShape.Keyword);
            var values = new List<SyntaxNode>();
            last = optionKeyword;
            while (values.Count < optionShape.MaxValues && index < nodes.Count)
            {
                var candidate = nodes[index];
                if (optionShape.CommaList && values.Count > 0)
                {
                    if (candidate.Kind != NodeKind.Comma) break;
                    if (index + 1 >= nodes.Count || !IsValue(nodes[index + 1]))
                        return Missing(optionShape.Description, candidate, index + 1 < nodes.Count ? nodes[index + 1] : null);
                    candidate = nodes[++index];
                }
                else if (!IsValue(candidate) || (values.Count >= optionShape.MinValues && candidate.Kind == NodeKind.Word && IsKeyword(candidate.Text)))
                {
                    break;
                }
                values.Add(candidate);
                last = candidate;
                index++;
            }
            if (values.Count < optionShape.MinValues)
                return Missing(optionShape.Description, last, index < nodes.Count ? nodes[index] : null);
            options.Add(new OptionSyntax(optionKeyword, values.ToEquatableArray(), Between(optionKeyword.Span, last.Span)));
        }

        var body = EquatableArray<SettingSyntax>.Empty;
        SourceSpan bodySpan = default;
        bool hasBody = false;
        if (shape.Body is not null)
        {
            var next = index < nodes.Count ? nodes[index] : null;
            if (next is null || next.Kind != NodeKind.Block)
            {
                var expected = shape.Options.Count > 0
                    ? "a '{' block (or one of " + string.Join(", ", shape.Options.Select(o => "'" + o.Keyword + "'")) + ")"
                    : "a '{' block";
                return Missing(expected, last, next);
            }
            body = ReadBlock(shape.Body, next.Children).ToEquatableArray();
            bodySpan = next.Span;
            hasBody = true;
            last = next;
            index++;
        }

        return new SettingSyntax(keyword, arguments.ToEquatableArray(), options.ToEquatableArray(), body, bodySpan, hasBody,
            Between(keyword.Span, last.Span));
    }

    private List<SettingSyntax> ReadBlock(Block block, EquatableArray<SyntaxNode> nodes)
    {
        var settings = new List<SettingSyntax>();
        var keywords = block.Keywords;
        int index = 0;
        while (index < nodes.Count)
        {
            var node = nodes[index];
            var shape = node.Kind == NodeKind.Word ? block.Find(node.Text) : null;
            SettingSyntax? setting;
            if (shape is not null)
            {
                index++;
                if (!shape.Repeatable && settings.Any(s => s.Keyword.Text == shape.Keyword))
                    Report(DiagnosticDefinitions.DuplicateSetting, node.Span, shape.Keyword);
                setting = ReadSetting(shape, node, nodes, ref index, keywords);
            }
            else if (block.EntryShape is not null && IsValue(node))
            {
                var entryKeyword = SyntaxNode.Leaf(NodeKind.Word, block.EntryShape.Keyword, new SourceSpan(_statement, node.Span.Start, 0));
                setting = ReadSetting(block.EntryShape, entryKeyword, nodes, ref index, keywords);
            }
            else
            {
                var expected = keywords.Count > 0 ? string.Join(", ", block.Settings.Select(x => x.Keyword)) : "a mapping 'INSIDE -> OUTSIDE'";
                Report(DiagnosticDefinitions.UnknownSetting, node.Span, Short(node), block.Owner, expected,
                    node.Kind == NodeKind.Word ? Naming.Suggestions.DidYouMean(node.Text, block.Settings.Select(x => x.Keyword)) : "");
                setting = null;
                index++;
            }
            if (setting is not null)
            {
                settings.Add(setting);
                continue;
            }
            // Recover: skip to the next node that starts a known setting.
            while (index < nodes.Count && !(nodes[index].Kind == NodeKind.Word && keywords.Contains(nodes[index].Text))) index++;
        }
        return settings;
    }

    private static bool IsValue(SyntaxNode node) => node.Kind is NodeKind.Word or NodeKind.String or NodeKind.List;

    private SettingSyntax? Missing(string expected, SyntaxNode after, SyntaxNode? found)
    {
        var span = found?.Span ?? new SourceSpan(_statement, after.Span.End, 0);
        Report(DiagnosticDefinitions.ExpectedToken, span, expected, "after '" + Short(after) + "'", found is null ? "nothing" : found.Describe());
        return null;
    }

    private static string Short(SyntaxNode node) => node.Kind switch
    {
        NodeKind.Word or NodeKind.Arrow or NodeKind.Equals or NodeKind.Comma => node.Text,
        NodeKind.String => "\"" + node.Text + "\"",
        NodeKind.List => "[…]",
        _ => "{…}",
    };

    private static string LastText(EquatableArray<SyntaxNode> nodes, int index) => index > 0 ? Short(nodes[index - 1]) : "";

    private void Report(DiagnosticDefinition descriptor, SourceSpan span, params object[] args) =>
        _diagnostics.Add(NetDslDiagnostic.Create(descriptor, span, args));

    private SourceSpan Between(SourceSpan first, SourceSpan last) => new(_statement, first.Start, System.Math.Max(0, last.End - first.Start));
}
