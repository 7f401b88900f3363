using NetDsl.Model;
using NetDsl.Text;

namespace NetDsl.Syntax;

/// <summary>The lexical shapes of the language.</summary>
public enum NodeKind
{
    /// <summary>A run of characters without white space or any of <c>{ } [ ] " , ; # =</c> and not containing "->": names, addresses, numbers, keywords.</summary>
    Word,
    /// <summary>A double-quoted string; <see cref="SyntaxNode.Text"/> holds the unescaped value.</summary>
    String,
    /// <summary><c>[ a, b ]</c>: <see cref="SyntaxNode.Children"/> are the items.</summary>
    List,
    /// <summary><c>{ … }</c>: <see cref="SyntaxNode.Children"/> are the nodes inside.</summary>
    Block,
    Arrow,
    Equals,
    Comma,
}

/// <summary>One node of the lexical tree, with its exact span. Immutable, value equality.</summary>
public sealed record SyntaxNode(NodeKind Kind, string Text, SourceSpan Span, EquatableArray<SyntaxNode> Children)
{
    public static SyntaxNode Leaf(NodeKind kind, string text, SourceSpan span) => new(kind, text, span, EquatableArray<SyntaxNode>.Empty);

    /// <summary>How the node reads in a message: words as themselves, strings quoted, structures by kind.</summary>
    public string Describe() => Kind switch
    {
        NodeKind.Word => "'" + Text + "'",
        NodeKind.String => "string \"" + Text + "\"",
        NodeKind.List => "a list",
        NodeKind.Block => "a '{' block",
        NodeKind.Arrow => "'->'",
        NodeKind.Equals => "'='",
        NodeKind.Comma => "','",
        _ => Kind.ToString(),
    };
}
