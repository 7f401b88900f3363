using System.Linq;
using NetDsl.Model;
using NetDsl.Text;

namespace NetDsl.Syntax;

/// <summary>An option of a setting: <c>via fe80::1</c>, <c>dev ens192</c>, <c>address …/64</c>.</summary>
public sealed record OptionSyntax(SyntaxNode Keyword, EquatableArray<SyntaxNode> Values, SourceSpan Span)
{
    /// <summary>The first value: every option has one (the reader drops an option with fewer values than its shape wants, and reports it).</summary>
    public SyntaxNode Value => Values[0];
}

/// <summary>
/// One statement or setting, read against its shape (<see cref="Shapes"/>): the keyword, positional
/// arguments (literal tokens such as '->' dropped), options, and the settings of its block, if it has one.
/// The same record serves every level: a top-level <c>firewall</c>, a <c>route</c> inside it, a mapping line.
/// </summary>
public sealed record SettingSyntax(
    SyntaxNode Keyword,
    EquatableArray<SyntaxNode> Arguments,
    EquatableArray<OptionSyntax> Options,
    EquatableArray<SettingSyntax> Body,
    SourceSpan BodySpan,
    bool HasBody,
    SourceSpan Span)
{
    public string Name => Keyword.Text;

    /// <summary>
    /// The statement was read despite a syntax error inside it (an unknown or malformed setting was skipped). The binder
    /// then reports no missing setting for it: the "missing" one is most likely the one misspelt (root cause first).
    /// </summary>
    public bool HasErrors { get; init; }

    public SyntaxNode? Argument(int index) => index < Arguments.Count ? Arguments[index] : null;

    public OptionSyntax? Option(string keyword) => Options.FirstOrDefault(o => o.Keyword.Text == keyword);

    public System.Collections.Generic.IEnumerable<OptionSyntax> OptionsNamed(string keyword) => Options.Where(o => o.Keyword.Text == keyword);

    public System.Collections.Generic.IEnumerable<SettingSyntax> Settings(string keyword) => Body.Where(s => s.Keyword.Text == keyword);
}

/// <summary>
/// The parsed file: its <see cref="Layout"/> (what places its statement-relative spans in the file), the top-level
/// statements in order, and the syntax diagnostics (the cutting's, then each statement's).
/// </summary>
public sealed record FileSyntax(StatementLayout Layout, EquatableArray<SettingSyntax> Statements, EquatableArray<NetDsl.Diagnostics.NetDslDiagnostic> Diagnostics)
{
    /// <summary>A span of this file, placed in it (lines and columns).</summary>
    public SourceLocation Locate(SourceSpan span) => Layout.Locate(span);
}
