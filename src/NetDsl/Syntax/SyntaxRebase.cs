using System.Linq;
using NetDsl.Diagnostics;
using NetDsl.Model;
using NetDsl.Text;

namespace NetDsl.Syntax;

/// <summary>Moves statement-relative syntax and diagnostics into file coordinates (<see cref="SpanFrame.ToFile"/>).</summary>
public static class SyntaxRebase
{
    public static SettingSyntax ToFile(this SettingSyntax s, SpanFrame frame) => frame.IsFileStart ? s :
        new SettingSyntax(s.Keyword.ToFile(frame), Nodes(s.Arguments, frame),
            s.Options.Count == 0 ? s.Options : s.Options.Select(o => new OptionSyntax(o.Keyword.ToFile(frame), Nodes(o.Values, frame), frame.ToFile(o.Span))).ToEquatableArray(),
            s.Body.Count == 0 ? s.Body : s.Body.Select(b => b.ToFile(frame)).ToEquatableArray(),
            frame.ToFile(s.BodySpan), s.HasBody, frame.ToFile(s.Span)) { HasErrors = s.HasErrors };

    public static SyntaxNode ToFile(this SyntaxNode node, SpanFrame frame) => frame.IsFileStart ? node :
        new SyntaxNode(node.Kind, node.Text, frame.ToFile(node.Span), Nodes(node.Children, frame));

    public static NetDslDiagnostic ToFile(this NetDslDiagnostic diagnostic, SpanFrame frame) =>
        frame.IsFileStart ? diagnostic : diagnostic with { Span = frame.ToFile(diagnostic.Span) };

    private static EquatableArray<SyntaxNode> Nodes(EquatableArray<SyntaxNode> nodes, SpanFrame frame)
    {
        if (nodes.Count == 0) return nodes;
        var moved = new SyntaxNode[nodes.Count];
        for (int i = 0; i < moved.Length; i++) moved[i] = nodes[i].ToFile(frame);
        return moved.ToEquatableArray();
    }
}
