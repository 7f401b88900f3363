using NetDsl.Model;
using NetDsl.Syntax;
using NetDsl.Text;

namespace NetDsl.Generators.Pipeline;

/// <summary>A file cut into statements (where they start moves with every edit; their texts and ids mostly do not).</summary>
internal sealed record FileLayout(NetDslSource Source, StatementLayout Layout);

/// <summary>
/// One top-level statement's text and id, without its position: the unit the generator parses and caches. An edit to
/// one line changes one of these; every other statement of the file stays equal and keeps its parse.
/// </summary>
internal sealed record StatementText(string Path, string Text, StatementId Id);

/// <summary>A statement parsed on its own (spans relative to its start).</summary>
internal sealed record ParsedStatement(string Path, StatementSyntax Syntax);

/// <summary>A file's syntax, gathered from its layout and the parse of each of its statements: what the binder needs.</summary>
internal sealed record FileStatements(NetDslSource Source, FileSyntax Syntax);

/// <summary>What the file's container statements are bound against (position-free: equal after most edits).</summary>
internal sealed record FileEnvironment(string Path, NetDsl.Binding.ContainerEnvironment Environment);

/// <summary>A statement's container draft (null for any other statement), spans relative to the statement.</summary>
internal sealed record DraftedStatement(string Path, NetDsl.Binding.ContainerDraft? Draft);
