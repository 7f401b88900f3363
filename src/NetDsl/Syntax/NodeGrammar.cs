using System;
using System.Collections.Generic;
using System.Text;
using NetDsl.Diagnostics;
using NetDsl.Model;
using NetDsl.Text;
using Sprache;

namespace NetDsl.Syntax;

/// <summary>
/// The lexical grammar as Sprache parsers: words, strings, lists, blocks, '->', '=', ','. One statement chunk
/// is parsed at a time (see <see cref="StatementSplitter"/>). The parsers are built once; spans are offsets from the
/// statement's start, tagged with the statement held in a per-thread context, so parsing allocates no parser objects per statement.
///
/// Why the parsers are hand-specialised rather than composed with Or/Many/LINQ: those combinators allocate a
/// result, an input and closures at every position and alternative; on a 10,000-container file that was
/// 455 MB per parse. Each parser here is still a Sprache <c>Parser&lt;T&gt;</c> over an <c>IInput</c>
/// (<see cref="SourceInput"/>) returning Sprache results with expectations, but it scans the string directly,
/// dispatches on the first character, and builds lists in loops (38 MB for the same file).
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
        public StatementId Statement;
        public List<NetDslDiagnostic> Diagnostics = null!;
    }

    public static bool IsDelimiter(char c) => char.IsWhiteSpace(c) || c is '{' or '}' or '[' or ']' or '"' or ',' or ';' or '#' or '=';

    /// <summary>Parses the nodes of one chunk. Returns null (with a diagnostic added) on a syntax error.</summary>
    /// <param name="text">The statement's text (<see cref="StatementSlice.Text"/>): spans are measured from its start.</param>
    /// <param name="statement">The statement the spans belong to.</param>
    /// <param name="diagnostics">Where syntax errors go.</param>
    public static EquatableArray<SyntaxNode>? ParseStatement(string text, StatementId statement, List<NetDslDiagnostic> diagnostics)
    {
        _context ??= new Context();
        _context.Statement = statement;
        _context.Diagnostics = diagnostics;
        var result = ChunkParser(new SourceInput(text, 0, text.Length));
        if (result.WasSuccessful) return result.Value;

        int at = result.Remainder.Position;
        string found = result.Remainder.AtEnd ? "the end of the statement" : Describe(text, result.Remainder.Position);
        string expected = string.Join(" or ", result.Expectations);
        diagnostics.Add(NetDslDiagnostic.Create(DiagnosticDefinitions.SyntaxError, new SourceSpan(statement, at, result.Remainder.AtEnd ? 0 : 1),
            "unexpected " + found + (expected.Length > 0 ? ", expected " + expected : "")));
        return null;
    }

    private static string Describe(string text, int position)
    {
        char c = text[position];
        return c == '\n' || c == '\r' ? "end of line" : "'" + c + "'";
    }

    private static SourceSpan SpanOf(int start, int end) => new(_context!.Statement, start, end - start);

    // White space, ';' separators inside blocks, and comments.
    /// <summary>The first offset at or after <paramref name="i"/> that is not white space, ';' or inside a comment.</summary>
    private static int SkipFrom(string text, int i, int end)
    {
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
        return i;
    }

    // White space, ';' separators inside blocks, and comments.
    private static readonly Parser<string> Skip = input =>
    {
        var si = (SourceInput)input;
        return Result.Success(string.Empty, si.At(SkipFrom(si.Source, si.Position, si.End)));
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

    private static readonly string[] StringExpectation = { "a string" };
    private static readonly string[] QuoteExpectation = { "'\"'" };

    private static readonly Parser<SyntaxNode> QuotedString = input =>
    {
        var si = (SourceInput)input;
        string text = si.Source;
        int start = si.Position, end = si.End;
        if (start >= end || text[start] != '"') return Result.Failure<SyntaxNode>(input, "string expected", StringExpectation);
        int i = start + 1;
        StringBuilder? sb = null;   // only strings with escapes need a builder
        int runStart = i;
        while (i < end && text[i] != '"')
        {
            char c = text[i];
            if (c == '\n' || c == '\r') return Result.Failure<SyntaxNode>(si.At(i), "unterminated string", QuoteExpectation);
            if (c != '\\') { i++; continue; }
            sb ??= new StringBuilder();
            sb.Append(text, runStart, i - runStart);
            if (i + 1 >= end) { i++; break; }
            char e = text[i + 1];
            switch (e)
            {
                case '\\': sb.Append('\\'); break;
                case '"': sb.Append('"'); break;
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                default:
                    _context!.Diagnostics.Add(NetDslDiagnostic.Create(DiagnosticDefinitions.InvalidEscape, SpanOf(i, i + 2), e));
                    sb.Append(e);
                    break;
            }
            i += 2;
            runStart = i;
        }
        if (i >= end) return Result.Failure<SyntaxNode>(si.At(end), "unterminated string", QuoteExpectation);
        string value = sb is null ? text.Substring(start + 1, i - start - 1) : sb.Append(text, runStart, i - runStart).ToString();
        return Result.Success(SyntaxNode.Leaf(NodeKind.String, value, SpanOf(start, i + 1)), si.At(i + 1));
    };

    private static Parser<SyntaxNode> Symbol(string symbol, NodeKind kind)
    {
        var expectation = new[] { "'" + symbol + "'" };
        return input =>
        {
            var si = (SourceInput)input;
            if (si.Position + symbol.Length > si.End || string.CompareOrdinal(si.Source, si.Position, symbol, 0, symbol.Length) != 0)
                return Result.Failure<SyntaxNode>(input, symbol + " expected", expectation);
            return Result.Success(SyntaxNode.Leaf(kind, symbol, SpanOf(si.Position, si.Position + symbol.Length)), si.At(si.Position + symbol.Length));
        };
    }

    private static readonly Parser<SyntaxNode> Arrow = Symbol("->", NodeKind.Arrow);
    private static readonly Parser<SyntaxNode> EqualsSign = Symbol("=", NodeKind.Equals);
    private static readonly Parser<SyntaxNode> Comma = Symbol(",", NodeKind.Comma);

    private static Parser<SyntaxNode> Container(char open, char close, NodeKind kind, Parser<EquatableArray<SyntaxNode>> contents)
    {
        var openExpectation = new[] { "'" + open + "'" };
        var closeExpectation = new[] { "'" + close + "'" };
        return input =>
        {
            if (input.AtEnd || input.Current != open) return Result.Failure<SyntaxNode>(input, open + " expected", openExpectation);
            var inner = contents(((SourceInput)input).At(input.Position + 1));
            if (!inner.WasSuccessful) return Result.Failure<SyntaxNode>(inner.Remainder, inner.Message, inner.Expectations);
            var afterSkip = Skip(inner.Remainder).Remainder;
            if (afterSkip.AtEnd || afterSkip.Current != close)
                return Result.Failure<SyntaxNode>(afterSkip, close + " expected", closeExpectation);
            var end = ((SourceInput)afterSkip).At(afterSkip.Position + 1);
            return Result.Success(new SyntaxNode(kind, string.Empty, SpanOf(input.Position, end.Position), inner.Value), end);
        };
    }

    private static readonly string[] ListItemExpectation = { "a string or word" };
    private static readonly string[] CommaOrCloseExpectation = { "','", "']'" };

    /// <summary>
    /// [ item, item, … ]: strings or words separated by commas. Written as a loop rather than a Sprache query
    /// (whose closures cost a kilobyte per list), reporting the same positions: a missing comma is reported at
    /// the item that follows, a missing item at the comma's successor.
    /// </summary>
    private static readonly Parser<EquatableArray<SyntaxNode>> ListContents = input =>
    {
        var si = (SourceInput)input;
        int at = SkipFrom(si.Source, si.Position, si.End);
        if (at >= si.End || si.Source[at] == ']') return Result.Success(EquatableArray<SyntaxNode>.Empty, si);
        var items = new List<SyntaxNode>();
        while (true)
        {
            var itemInput = si.At(at);
            var item = itemInput.Current == '"' ? QuotedString(itemInput) : Word(itemInput);
            if (!item.WasSuccessful) return Result.Failure<EquatableArray<SyntaxNode>>(item.Remainder, item.Message, ListItemExpectation);
            items.Add(item.Value);
            si = (SourceInput)item.Remainder;
            at = SkipFrom(si.Source, si.Position, si.End);
            if (at < si.End && si.Source[at] == ',')
            {
                at = SkipFrom(si.Source, at + 1, si.End);
                continue;
            }
            if (at >= si.End || si.Source[at] == ']') return Result.Success(items.ToEquatableArray(), si);
            return Result.Failure<EquatableArray<SyntaxNode>>(si.At(at), "',' or ']' expected", CommaOrCloseExpectation);
        }
    };

    private static readonly Parser<SyntaxNode> List = Container('[', ']', NodeKind.List, ListContents);

    /// <summary>
    /// One node. The first character decides which parser runs (instead of trying the alternatives in turn
    /// with Or), which keeps Sprache from building a failure for every alternative at every node.
    /// </summary>
    private static readonly Parser<SyntaxNode> Node = input =>
    {
        if (input.AtEnd) return Result.Failure<SyntaxNode>(input, "node expected", WordExpectation);
        switch (input.Current)
        {
            case '"': return QuotedString(input);
            case '[': return List(input);
            case '{': return Block!(input);
            case '=': return EqualsSign(input);
            case ',': return Comma(input);
            case '-' when input.Position + 1 < ((SourceInput)input).End && input.Source[input.Position + 1] == '>': return Arrow(input);
            default: return Word(input);
        }
    };

    /// <summary>Nodes up to the end of the statement or the closing bracket of the enclosing block.</summary>
    private static readonly Parser<EquatableArray<SyntaxNode>> Nodes = input =>
    {
        var nodes = new List<SyntaxNode>();
        var current = (SourceInput)input;
        while (true)
        {
            // White space is skipped by index: no Sprache result or input object per gap.
            int at = SkipFrom(current.Source, current.Position, current.End);
            if (at >= current.End || current.Source[at] == '}' || current.Source[at] == ']')
                return Result.Success(nodes.ToEquatableArray(), current);
            var node = Node(current.At(at));
            if (!node.WasSuccessful) return Result.Failure<EquatableArray<SyntaxNode>>(node.Remainder, node.Message, node.Expectations);
            nodes.Add(node.Value);
            current = (SourceInput)node.Remainder;
        }
    };

    private static readonly Parser<SyntaxNode> Block = Container('{', '}', NodeKind.Block, Nodes);

    private static readonly string[] EndExpectation = { "the end of the statement" };

    /// <summary>A whole statement: its nodes, then nothing but white space and comments.</summary>
    private static readonly Parser<EquatableArray<SyntaxNode>> ChunkParser = input =>
    {
        var nodes = Nodes(input);
        if (!nodes.WasSuccessful) return nodes;
        var si = (SourceInput)nodes.Remainder;
        int at = SkipFrom(si.Source, si.Position, si.End);
        return at >= si.End ? nodes : Result.Failure<EquatableArray<SyntaxNode>>(si.At(at), "end of statement expected", EndExpectation);
    };
}
