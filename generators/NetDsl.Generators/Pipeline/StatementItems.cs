using NetDsl.Model;
using NetDsl.Syntax;

namespace NetDsl.Generators.Pipeline;

/// <summary>A file and where its statements are (the frames move with every edit; the statements' texts mostly do not).</summary>
internal sealed record FileLayout(NetDslSource Source, StatementLayout Layout);

/// <summary>
/// One top-level statement's text, without its position: the unit the generator parses and caches. An edit to
/// one line changes one of these; every other statement of the file stays equal and keeps its parse.
/// </summary>
internal sealed record StatementText(string Path, string Text);

/// <summary>A statement parsed on its own (spans relative to its frame).</summary>
internal sealed record ParsedStatement(string Path, StatementSyntax Syntax);

/// <summary>A file's layout with the parse of each of its statements, in order: what the binder needs.</summary>
internal sealed record FileStatements(NetDslSource Source, StatementLayout Layout, EquatableArray<StatementSyntax> Statements);

/// <summary>What the file's container statements are bound against (position-free: equal after most edits).</summary>
internal sealed record FileEnvironment(string Path, NetDsl.Binding.ContainerEnvironment Environment);

/// <summary>A statement's container draft (null for any other statement), bound in the statement's own frame.</summary>
internal sealed record DraftedStatement(string Path, NetDsl.Binding.ContainerDraft? Draft);
