using System;
using System.Collections.Generic;
using System.Text;
using NetDsl.Diagnostics;
using NetDsl.Model;
using NetDsl.Text;
using Sprache;

namespace NetDsl.Syntax;

/// <summary>
/// The lexical grammar (Sprache): words, strings, lists, blocks, '->', '=', ','. One statement chunk is parsed
/// at a time (see <see cref="StatementSplitter"/>). The parsers are built once; spans are computed from the
/// chunk offset held in a per-thread context, so parsing allocates no parser objects per statement.
///
/// How names and hex words are told apart: the lexer does not try. Both are words; a word is an address where
/// the grammar expects an address (it contains ':' or is dotted IPv4), and a name where it expects a name.
/// Where either may stand (the target of expect), a word containing ':' is an address. Parameter names may
/// not be hex words (NDSL1004), so "ROUTINGPREFIX:ff66::/64" reads one way only.
/// </summary>
public static class NodeGrammar
{
    [ThreadStatic] private static Context? _context;

    private sealed class Context
    {
        public SourceText Source = null!;
        public int Offset;
        public List<Diagnostic> Diagnostics = null!;
    }

    public static bool IsDelimiter(char c) => char.IsWhiteSpace(c) || c is '{' or '}' or '[' or ']' or '"' or ',' or ';' or '#' or '=';

    /// <summary>Parses the nodes of one chunk. Returns null (with a diagnostic added) on a syntax error.</summary>
    public static EquatableArray<SyntaxNode>? ParseChunk(SourceText source, StatementChunk chunk, List<Diagnostic> diagnostics)
    {
        _context ??= new Context();
        _context.Source = source;
        _context.Offset = 0;
        _context.Diagnostics = diagnostics;
        string text = source.Text;
        var result = ChunkParser(new SourceInput(text, chunk.Start, chunk.End));
        if (result.WasSuccessful) return result.Value;

        int at = result.Remainder.Position;
        string found = result.Remainder.AtEnd ? "the end of the statement" : Describe(text, result.Remainder.Position);
        string expected = string.Join(" or ", result.Expectations);
        diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.SyntaxError, source.Span(at, result.Remainder.AtEnd ? 0 : 1),
            "unexpected " + found + (expected.Length > 0 ? ", expected " + expected : "")));
        return null;
    }

    private static string Describe(string text, int position)
    {
        char c = text[position];
        return c == '\n' || c == '\r' ? "end of line" : "'" + c + "'";
    }

    private static SourceSpan SpanOf(int start, int end) => _context!.Source.Span(_context.Offset + start, end - start);

    // White space, ';' separators inside blocks, and comments.
    private static readonly Parser<string> Skip = input =>
    {
        var si = (SourceInput)input;
        string text = si.Source;
        int i = si.Position, end = si.End;
        while (i < end)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c) || c == ';') { i++; continue; }
            if (c == '#')
            {
                while (i < end && text[i] != '\n') i++;
                continue;
            }
            break;
        }
        return Result.Success(string.Empty, si.At(i));
    };

    private static readonly string[] WordExpectation = { "a name, address or keyword" };

    private static readonly Parser<SyntaxNode> Word = input =>
    {
        var si = (SourceInput)input;
        string text = si.Source;
        int start = si.Position, i = start, end = si.End;
        while (i < end && !IsDelimiter(text[i]))
        {
            if (text[i] == '-' && i + 1 < end && text[i + 1] == '>') break;
            i++;
        }
        if (i == start) return Result.Failure<SyntaxNode>(input, "word expected", WordExpectation);
        return Result.Success(SyntaxNode.Leaf(NodeKind.Word, text.Substring(start, i - start), SpanOf(start, i)), si.At(i));
    };

    private static readonly Parser<SyntaxNode> QuotedString = input =>
    {
        if (input.AtEnd || input.Current != '"') return Result.Failure<SyntaxNode>(input, "string expected", new[] { "a string" });
        var current = input.Advance();
        var sb = new StringBuilder();
        while (!current.AtEnd && current.Current != '"')
        {
            char c = current.Current;
            if (c == '\n' || c == '\r') return Result.Failure<SyntaxNode>(current, "unterminated string", new[] { "'\"'" });
            if (c == '\\')
            {
                var escape = current.Advance();
                if (escape.AtEnd) break;
                switch (escape.Current)
                {
                    case '\\': sb.Append('\\'); break;
                    case '"': sb.Append('"'); break;
                    case 'n': sb.Append('\n'); break;
                    case 't': sb.Append('\t'); break;
                    default:
                        _context!.Diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.InvalidEscape, SpanOf(current.Position, escape.Position + 1), escape.Current));
                        sb.Append(escape.Current);
                        break;
                }
                current = escape.Advance();
                continue;
            }
            sb.Append(c);
            current = current.Advance();
        }
        if (current.AtEnd) return Result.Failure<SyntaxNode>(current, "unterminated string", new[] { "'\"'" });
        current = current.Advance();
        return Result.Success(SyntaxNode.Leaf(NodeKind.String, sb.ToString(), SpanOf(input.Position, current.Position)), current);
    };

    private static Parser<SyntaxNode> Symbol(string symbol, NodeKind kind) =>
        Parse.String(symbol).Text().Named("'" + symbol + "'")
            .Then(_ => (Parser<SyntaxNode>)(i => Result.Success(SyntaxNode.Leaf(kind, symbol, SpanOf(i.Position - symbol.Length, i.Position)), i)));

    private static readonly Parser<SyntaxNode> Arrow = Symbol("->", NodeKind.Arrow);
    private static readonly Parser<SyntaxNode> EqualsSign = Symbol("=", NodeKind.Equals);
    private static readonly Parser<SyntaxNode> Comma = Symbol(",", NodeKind.Comma);

    private static Parser<SyntaxNode> Container(char open, char close, NodeKind kind, Parser<EquatableArray<SyntaxNode>> contents) => input =>
    {
        if (input.AtEnd || input.Current != open) return Result.Failure<SyntaxNode>(input, open + " expected", new[] { "'" + open + "'" });
        var inner = contents(input.Advance());
        if (!inner.WasSuccessful) return Result.Failure<SyntaxNode>(inner.Remainder, inner.Message, inner.Expectations);
        var afterSkip = Skip(inner.Remainder).Remainder;
        if (afterSkip.AtEnd || afterSkip.Current != close)
            return Result.Failure<SyntaxNode>(afterSkip, close + " expected", new[] { "'" + close + "'" });
        var end = afterSkip.Advance();
        return Result.Success(new SyntaxNode(kind, string.Empty, SpanOf(input.Position, end.Position), inner.Value), end);
    };

    /// <summary>
    /// Skips white space, then runs <paramref name="parser"/>. A failure that consumed nothing but white space
    /// is reported at the original position, so XMany stops cleanly there; a failure deeper inside (a list
    /// missing its comma) propagates with its own position, which is what the user needs to see.
    /// </summary>
    private static Parser<T> Token<T>(Parser<T> parser) => input =>
    {
        var start = Skip(input).Remainder;
        var result = parser(start);
        if (result.WasSuccessful || result.Remainder.Position != start.Position) return result;
        return Result.Failure<T>(input, result.Message, result.Expectations);
    };

    private static readonly Parser<SyntaxNode> ListItem = Token(QuotedString.Or(Word));

    // [ item, item, … ] — commas between items, an optional trailing comma.
    private static readonly Parser<EquatableArray<SyntaxNode>> ListContents =
        (from first in ListItem
         from rest in (from comma in Token(Comma) from item in ListItem select item).XMany()
         select (IEnumerable<SyntaxNode>)new[] { first }.Concat(rest))
        .Optional()
        .Select(o => o.IsDefined ? o.Get().ToEquatableArray() : EquatableArray<SyntaxNode>.Empty);

    private static readonly Parser<SyntaxNode> List = Container('[', ']', NodeKind.List, ListContents);

    private static readonly Parser<SyntaxNode> Node = Token(
        Word.Or(QuotedString).Or(Arrow).Or(EqualsSign).Or(Comma).Or(List).Or(input => Block!(input)));

    private static readonly Parser<EquatableArray<SyntaxNode>> Nodes = Node.XMany().Select(n => n.ToEquatableArray());

    private static readonly Parser<SyntaxNode> Block = Container('{', '}', NodeKind.Block, Nodes);

    private static readonly Parser<EquatableArray<SyntaxNode>> ChunkParser =
        from nodes in Nodes
        from _ in Skip
        from end in Parse.Not(Parse.AnyChar).Named("the end of the statement")
        select nodes;

    private static IEnumerable<T> Concat<T>(this IEnumerable<T> first, IEnumerable<T> second)
    {
        foreach (var x in first) yield return x;
        foreach (var x in second) yield return x;
    }
}
