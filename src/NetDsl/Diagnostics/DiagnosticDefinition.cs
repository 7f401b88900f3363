namespace NetDsl.Diagnostics;

/// <summary>
/// One kind of mistake: a stable id (NDSL + number), a default severity, a title, and a message format whose
/// {0}, {1}… are filled in per occurrence. <see cref="Fix"/> says how to repair it, with the same placeholders (filled the
/// same way: <see cref="MessageText.Fill"/>); <see cref="DocumentedFix"/> is how a reference shows it. Every id is documented in
/// docs/diagnostics.md under the anchor <see cref="HelpAnchor"/>.
/// </summary>
public sealed record DiagnosticDefinition(string Id, Severity DefaultSeverity, string Category, string Title, string MessageFormat, string Fix)
{
    public string HelpAnchor => Id.ToLowerInvariant();

    /// <summary>The fix with ‹0›, ‹1›… where an occurrence fills in its values (docs, the generator's descriptor).</summary>
    public string DocumentedFix => MessageText.Documented(Fix);

    public const string HelpBase = "https://github.com/netdsl/netdsl/blob/main/docs/diagnostics.md#";

    public string HelpLink => HelpBase + HelpAnchor;
}
