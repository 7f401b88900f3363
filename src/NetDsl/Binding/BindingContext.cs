using System.Collections.Generic;
using NetDsl.Syntax;
using NetDsl.Text;

namespace NetDsl.Binding;

/// <summary>What every part of the binder shares: values, diagnostics, declared names.</summary>
internal sealed class BindingContext
{
    public BindingContext(StatementLayout layout, ParameterTable parameters, DiagnosticBag diagnostics)
    {
        Layout = layout;
        Parameters = parameters;
        Diagnostics = diagnostics;
        Values = new ValueReader(parameters, diagnostics);
    }

    /// <summary>Where the file's statements are: for messages that name the line of another declaration.</summary>
    public StatementLayout Layout { get; }

    /// <summary>The line <paramref name="span"/> starts on (messages such as "already declared on line 3").</summary>
    public int LineOf(SourceSpan span) => Layout.Locate(span).Line;

    public ParameterTable Parameters { get; }

    public DiagnosticBag Diagnostics { get; }

    public ValueReader Values { get; }

    /// <summary>Every declared top-level name (and external host name), with its kind and span: names share one space.</summary>
    public Dictionary<string, (string Kind, SourceSpan Span)> Names { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Names of statements that did not bind (<see cref="Unbound"/>), and names the rules refused: they exist all the same.</summary>
    public HashSet<string> FailedNames { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Every top-level statement that declared a name and did not bind, in binding order.</summary>
    public List<UnboundDeclaration> Unbound { get; } = new();

    /// <summary>
    /// <paramref name="bound"/>, or null after recording <paramref name="statement"/> as declared but unbound — unless its
    /// name belongs to another statement (a duplicate): then that statement's binding stands for the name.
    /// </summary>
    public T? Bound<T>(SettingSyntax statement, string kind, T? bound) where T : class
    {
        if (bound is null && statement.Argument(0) is { Kind: NodeKind.Word } node) Failed(kind, node.Text, node.Span);
        return bound;
    }

    public void Failed(string kind, string name, SourceSpan span)
    {
        if (Names.TryGetValue(name, out var declared) && declared.Span != span) return;
        if (FailedNames.Add(name)) Unbound.Add(new UnboundDeclaration(kind, name, span));
    }

    /// <summary>Interfaces a Docker host's masquerade names, checked once its networks (and their bridges) are known.</summary>
    public List<(string Host, string Interface, SourceSpan Span)> HostInterfaceUses { get; } = new();

    /// <summary>Whether a name exists, bound or not: a reference to it needs no diagnostic of its own.</summary>
    public bool Exists(string name) => Names.ContainsKey(name) || FailedNames.Contains(name);

    /// <summary>Declares a name; reports NDSL1002 and returns false when it is taken.</summary>
    public bool Declare(string name, string kind, SourceSpan span)
    {
        if (Names.TryGetValue(name, out var existing))
        {
            Diagnostics.Report(NetDsl.Diagnostics.DiagnosticDefinitions.DuplicateName, span, name, existing.Kind, LineOf(existing.Span));
            return false;
        }
        Names[name] = (kind, span);
        return true;
    }

    /// <summary>The statement's name (<paramref name="node"/>), checked and declared; null when invalid or taken (reported).</summary>
    public string? DeclaredName(SyntaxNode node, string kind)
    {
        var name = Values.Name(node, kind);
        if (name is null) return null;
        return Declare(name, kind, node.Span) ? name : null;
    }
}
