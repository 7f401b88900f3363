using System.Linq;
using NetDsl.Addressing;
using NetDsl.Diagnostics;
using NetDsl.Model;
using NetDsl.Syntax;

namespace NetDsl.Binding;

/// <summary>
/// <c>expect ping FROM -> TO</c> and <c>expect no-ping FROM -> TO</c>. FROM is a declared host, container or device; TO is a declared name, an
/// address (a word containing ':' or a dotted IPv4), or a link-local with its zone (<c>fe80::1%eth0</c>).
/// </summary>
internal static class ExpectBinder
{
    public static Expectation? Bind(BindingContext context, SettingSyntax statement)
    {
        var expect = new ExpectSyntax(statement);
        var kindNode = expect.Kind;
        ExpectationKind kind;
        if (kindNode.Text == "ping") kind = ExpectationKind.Ping;
        else if (kindNode.Text == "no-ping") kind = ExpectationKind.NoPing;
        else
        {
            context.Diagnostics.Report(DiagnosticDefinitions.ExpectedToken, kindNode.Span, "'ping' or 'no-ping'", "after 'expect'", kindNode.Describe());
            return null;
        }
        var fromNode = expect.From;
        var toNode = expect.To;
        if (!context.Names.TryGetValue(fromNode.Text, out var fromKind) || fromKind.Kind is "network" or "external host")
        {
            // A statement that failed to bind still declared its name: its own error is the one to read.
            if (!context.FailedNames.Contains(fromNode.Text))
                context.Diagnostics.Report(DiagnosticDefinitions.ExpectUnknownEndpoint, fromNode.Span, fromNode.Text,
                    Naming.Suggestions.DidYouMean(fromNode.Text, context.Names.Where(n => n.Value.Kind is not ("network" or "external host")).Select(n => n.Key)));
            return null;
        }
        var target = Target(context, toNode);
        return target is null ? null : new Expectation(kind, fromNode.Text, target, statement.Span);
    }

    private static ExpectTarget? Target(BindingContext context, SyntaxNode node)
    {
        string text = node.Text;
        if (!ExpectTarget.LooksLikeAddress(text))
        {
            if (!context.Names.TryGetValue(text, out var declared) || declared.Kind == "network")
            {
                if (!context.FailedNames.Contains(text))
                    context.Diagnostics.Report(DiagnosticDefinitions.ExpectUnknownEndpoint, node.Span, text,
                        Naming.Suggestions.DidYouMean(text, context.Names.Where(n => n.Value.Kind != "network").Select(n => n.Key)));
                return null;
            }
            return new ExpectTarget(text, null, null);
        }
        string? zone = null;
        int percent = text.IndexOf('%');
        var addressNode = node;
        if (percent >= 0)
        {
            zone = text.Substring(percent + 1);
            addressNode = node with { Text = text.Substring(0, percent) };
            if (!NameRules.IsInterfaceName(zone))
            {
                context.Diagnostics.Report(DiagnosticDefinitions.InvalidName, node.Span, zone, "zone (interface)", NameRules.InterfaceRule);
                return null;
            }
        }
        var address = context.Values.Address(addressNode, "address");
        if (address is not { } a) return null;
        if (a.IsLinkLocal && zone is null)
        {
            context.Diagnostics.Report(DiagnosticDefinitions.LinkLocalNeedsInterface, node.Span, a);
            return null;
        }
        return new ExpectTarget(null, a, zone);
    }
}
