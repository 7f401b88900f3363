using NetDsl.Diagnostics;
using NetDsl.Model;

namespace NetDsl.Syntax;

/// <summary>
/// One statement parsed on its own (<see cref="SyntaxParser.ParseStatement"/>): spans relative to its start, so it is
/// equal to the parse of the same statement anywhere in any file. <see cref="Statement"/> is null when it did not parse.
/// </summary>
public sealed record StatementSyntax(SettingSyntax? Statement, EquatableArray<NetDslDiagnostic> Diagnostics);
