using NetDsl.Diagnostics;
using NetDsl.Model;

namespace NetDsl.Syntax;

/// <summary>
/// One statement parsed on its own (<see cref="SyntaxParser.ParseStatement"/>): spans relative to its slice's
/// frame, so it is equal to the parse of the same text anywhere in any file. Null when it did not parse.
/// </summary>
public sealed record StatementSyntax(SettingSyntax? Statement, EquatableArray<NetDslDiagnostic> Diagnostics);
