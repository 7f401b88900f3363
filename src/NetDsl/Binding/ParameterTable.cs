using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Diagnostics;
using NetDsl.Model;
using NetDsl.Syntax;
using NetDsl.Text;

namespace NetDsl.Binding;

/// <summary>
/// The <c>let</c> parameters: declared defaults, caller overrides (<c>--set NAME=VALUE</c>, or the generated
/// Parameters record), and which ones the file actually uses.
/// </summary>
internal sealed class ParameterTable
{
    private readonly Dictionary<string, (ParameterValue Value, Parameter Declaration)> _byName = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public IEnumerable<Parameter> Declarations => _byName.Values.Select(v => v.Declaration);

    public bool TryGet(string name, out ParameterValue value)
    {
        if (_byName.TryGetValue(name, out var entry))
        {
            _used.Add(name);
            value = entry.Value;
            return true;
        }
        value = null!;
        return false;
    }

    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>The values by name, for statements bound on their own (<see cref="ContainerEnvironment"/>).</summary>
    public EquatableArray<NamedParameterValue> Values => _byName.Select(p => new NamedParameterValue(p.Key, p.Value.Value)).ToEquatableArray();

    /// <summary>A table holding only values (no declarations to report on): what a container draft reads.</summary>
    public static ParameterTable FromValues(IEnumerable<NamedParameterValue> values)
    {
        var table = new ParameterTable();
        foreach (var v in values) table._byName[v.Name] = (v.Value, new Parameter(v.Name, v.Value.Kind, v.Value.Canonical, v.Value.Canonical, false, default));
        return table;
    }

    /// <summary>The parameters read so far, in name order.</summary>
    public EquatableArray<string> Used => _used.OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray();

    public void MarkUsed(string name)
    {
        if (_byName.ContainsKey(name)) _used.Add(name);
    }

    public static ParameterTable Build(IEnumerable<SettingSyntax> lets, IReadOnlyDictionary<string, string> overrides, StatementLayout layout, DiagnosticBag diagnostics)
    {
        var table = new ParameterTable();
        foreach (var let in lets)
        {
            var nameNode = new LetSyntax(let).Name;
            var valueNode = new LetSyntax(let).Value;
            string name = nameNode.Text;
            if (nameNode.Kind != NodeKind.Word || !NameRules.IsParameterName(name))
            {
                diagnostics.Report(DiagnosticDefinitions.InvalidName, nameNode.Span, nameNode.Text, "parameter", "start with a letter or '_', then letters, digits or '_'");
                continue;
            }
            if (IpAddress.TryParseHexWord(name, out _))
            {
                diagnostics.Report(DiagnosticDefinitions.ParameterNameIsHex, nameNode.Span, name);
                continue;
            }
            if (table._byName.TryGetValue(name, out var existing))
            {
                diagnostics.Report(DiagnosticDefinitions.DuplicateName, nameNode.Span, name, "parameter", layout.Locate(existing.Declaration.Span).Line);
                continue;
            }
            var parsed = ParseDeclared(valueNode, out string error);
            if (parsed is null)
            {
                diagnostics.Report(DiagnosticDefinitions.InvalidParameterValue, valueNode.Span, Short(valueNode), name, error, "a prefix, an address (with or without its /length), a \"string\", a [\"list\"], a number, true or false");
                continue;
            }
            var value = parsed;
            bool overridden = false;
            if (overrides.TryGetValue(name, out var overrideText))
            {
                var o = ParseOverride(parsed.Kind, overrideText, out error);
                if (o is null)
                    diagnostics.Report(DiagnosticDefinitions.InvalidParameterValue, nameNode.Span, overrideText, name, "--set " + error, ParameterValue.Describe(parsed.Kind));
                else
                {
                    value = o;
                    overridden = true;
                }
            }
            var span = let.Span;
            table._byName[name] = (value, new Parameter(name, value.Kind, value.Canonical, parsed.Canonical, overridden, span));
        }
        foreach (var key in overrides.Keys.Where(k => !table._byName.ContainsKey(k)).OrderBy(k => k, StringComparer.Ordinal))
        {
            string known = NameHints.For(key, table._byName.Keys.OrderBy(k => k, StringComparer.Ordinal), " The file declares no parameters.");
            diagnostics.Report(DiagnosticDefinitions.UnknownOverride, SourceSpan.None, key, known);
        }
        return table;
    }

    /// <param name="writtenIn">When the file has errors, its text: a parameter whose name is written anywhere besides its
    /// own <c>let</c> counts as used, since the statement using it may be one that did not bind (or even parse).</param>
    public void ReportUnused(DiagnosticBag diagnostics, FileText? writtenIn = null)
    {
        HashSet<string>? mentioned = null;
        foreach (var entry in _byName.Values)
        {
            if (_used.Contains(entry.Declaration.Name)) continue;
            if (writtenIn is not null)
            {
                mentioned ??= Mentions(writtenIn.Text);
                if (mentioned.Contains(entry.Declaration.Name)) continue;
            }
            diagnostics.Report(DiagnosticDefinitions.UnusedParameter, entry.Declaration.Span, entry.Declaration.Name);
        }
    }

    /// <summary>Names written more than once (a declaration and a use), as parameter names are spelt.</summary>
    private HashSet<string> Mentions(string text)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var twice = new HashSet<string>(StringComparer.Ordinal);
        int i = 0;
        while (i < text.Length)
        {
            if (!IsNameChar(text[i])) { i++; continue; }
            int start = i;
            while (i < text.Length && IsNameChar(text[i])) i++;
            if (start > 0 && IsNameChar(text[start - 1])) continue;
            string word = text.Substring(start, i - start);
            if (_byName.ContainsKey(word) && !seen.Add(word)) twice.Add(word);
        }
        return twice;
    }

    private static bool IsNameChar(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';

    private static ParameterValue? ParseDeclared(SyntaxNode node, out string error)
    {
        error = "";
        switch (node.Kind)
        {
            case NodeKind.String:
                return new ParameterValue(ParameterKind.String, Text: node.Text);
            case NodeKind.List:
                return new ParameterValue(ParameterKind.StringList, List: node.Children.Select(c => c.Text).ToEquatableArray());
            case NodeKind.Word:
                var v = ParseWord(node.Text, out error);
                if (v is null && error.Length == 0) error = "write text in double quotes";
                return v;
            default:
                error = "expected a value";
                return null;
        }
    }

    private static ParameterValue? ParseWord(string text, out string error)
    {
        error = "";
        if (text.IndexOf('/') >= 0)
        {
            if (!IpPrefix.TryParse(text, out var prefix)) { error = "not a valid prefix"; return null; }
            // Host bits make it an address with its length (an interface address); without, it is a prefix.
            return new ParameterValue(prefix.HasHostBits ? ParameterKind.AddressWithLength : ParameterKind.Prefix, Prefix: prefix);
        }
        if (IpAddress.TryParse(text, out var address)) return new ParameterValue(ParameterKind.Address, Address: address);
        if (text == "true" || text == "false") return new ParameterValue(ParameterKind.Boolean, Boolean: text == "true");
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long number)) return new ParameterValue(ParameterKind.Integer, Integer: number);
        return null;
    }

    /// <summary>An override is parsed by the declared kind: a string override needs no quotes.</summary>
    private static ParameterValue? ParseOverride(ParameterKind kind, string text, out string error)
    {
        error = "";
        switch (kind)
        {
            case ParameterKind.String:
                return new ParameterValue(kind, Text: text);
            case ParameterKind.StringList:
                // A list written as in the file (["a", "b"], read by the file's own grammar), or space-separated words.
                var trimmed = text.Trim();
                if (!trimmed.StartsWith("[", StringComparison.Ordinal))
                    return new ParameterValue(kind, List: trimmed.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries).ToEquatableArray());
                var list = ParseListAsInFile(trimmed, out error);
                return list is null ? null : new ParameterValue(kind, List: list.Value);
            default:
                var v = ParseWord(text.Trim(), out error);
                // An address with its length may be overridden by one whose host bits happen to be zero.
                if (v is { Kind: ParameterKind.Prefix } && kind == ParameterKind.AddressWithLength) return v with { Kind = kind };
                if (v is { Kind: ParameterKind.AddressWithLength } && kind == ParameterKind.Prefix)
                {
                    error = "host bits are set (the network is " + v.Prefix!.Value.Network + ")";
                    return null;
                }
                if (v is null || v.Kind != kind)
                {
                    if (error.Length == 0) error = "expected " + ParameterValue.Describe(kind);
                    return null;
                }
                return v;
        }
    }

    /// <summary>An override such as <c>["/bin/sh", "-c"]</c>, parsed as the value of a <c>let</c> would be.</summary>
    private static EquatableArray<string>? ParseListAsInFile(string text, out string error)
    {
        error = "";
        var parsed = SyntaxParser.Parse(new FileText("let LIST = " + text + "\n", "--set"));
        var problem = parsed.Diagnostics.FirstOrDefault(d => d.IsError);
        var node = parsed.Statements.Count == 1 ? new LetSyntax(parsed.Statements[0]).Value : null;
        if (problem is not null && problem.Id != DiagnosticDefinitions.ExpectedToken.Id)
        {
            error = "not a list as the file writes one (" + problem.Message.TrimEnd('.') + ")";
            return null;
        }
        if (node is not { Kind: NodeKind.List } || problem is not null)
        {
            error = "write one list, such as [\"a\", \"b\"]";
            return null;
        }
        return node.Children.Select(c => c.Text).ToEquatableArray();
    }

    private static string Short(SyntaxNode node) => node.Kind == NodeKind.List ? "[…]" : node.Text;
}
