using NetDsl.Text;

namespace NetDsl;

/// <summary>
/// A top-level statement that declared a name but did not bind (its own errors say why): a network without a subnet,
/// a container on a network that failed, a router with an unknown dialect, a host whose name breaks the rules. Its
/// name still exists — nothing that refers to it reports it missing (root cause first) — and the source generator
/// keeps a member for it, so the C# API does not lose names while a file has errors.
/// </summary>
/// <param name="Kind">The statement's keyword: docker-host, network, container, router, firewall or upstream.</param>
/// <param name="Name">The name as written (it may be one the name rules refuse).</param>
/// <param name="Span">Where the name is written.</param>
public sealed record UnboundDeclaration(string Kind, string Name, SourceSpan Span);
