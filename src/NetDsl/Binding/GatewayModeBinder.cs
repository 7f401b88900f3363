using System.Collections.Generic;
using System.Linq;
using NetDsl.Diagnostics;
using NetDsl.Engines;
using NetDsl.Model;
using NetDsl.Syntax;

namespace NetDsl.Binding;

/// <summary>
/// <c>gateway-mode ipv6|ipv4 MODE</c> in a network: the bridge option gateway_mode_ipv6 / gateway_mode_ipv4, which may
/// also be written as a plain <c>option</c>. Either way the mode must be one the declared engine accepts
/// (<see cref="EngineTable.GatewayModes"/>), on the line that names it.
/// </summary>
internal static class GatewayModeBinder
{
    public static bool IsGatewayModeOption(string key) => key is EngineFirewall.GatewayModeOption6 or EngineFirewall.GatewayModeOption4;

    public static void Bind(BindingContext context, IEnumerable<GatewayModeSyntax> settings, EngineRelease engine, List<KeyValue> options)
    {
        foreach (var s in settings)
        {
            var familyNode = s.Family;
            string key;
            if (familyNode.Text == "ipv6") key = EngineFirewall.GatewayModeOption6;
            else if (familyNode.Text == "ipv4") key = EngineFirewall.GatewayModeOption4;
            else
            {
                context.Diagnostics.Report(DiagnosticDefinitions.ExpectedToken, familyNode.Span, "ipv6 or ipv4", "after 'gateway-mode'", familyNode.Describe());
                continue;
            }
            var modeNode = s.Mode;
            var mode = context.Values.Text(modeNode, "a gateway mode");
            if (mode is null || !Check(context, modeNode, mode, engine)) continue;
            if (options.Any(o => o.Key == key))
            {
                context.Diagnostics.Report(DiagnosticDefinitions.DuplicateSetting, s.Syntax.Keyword.Span, GatewayModeSyntax.Keyword + " " + familyNode.Text);
                continue;
            }
            options.Add(new KeyValue(key, mode));
        }
    }

    /// <summary>Whether the engine accepts the mode; reports on <paramref name="node"/> when it does not.</summary>
    public static bool Check(BindingContext context, SyntaxNode node, string mode, EngineRelease engine)
    {
        var accepted = EngineTable.GatewayModes.For(engine, System.Array.Empty<string>());
        if (EngineFirewall.ParseGatewayMode(mode) is null || !accepted.Contains(mode))
        {
            context.Diagnostics.Report(DiagnosticDefinitions.GatewayModeNotOnEngine, node.Span, mode, engine.Title,
                accepted.Length == 0 ? "it has no gateway modes" : "it accepts " + string.Join(", ", accepted));
            return false;
        }
        if (mode == "isolated")
        {
            context.Diagnostics.Report(DiagnosticDefinitions.IsolatedNeedsInternal, node.Span);
            return false;
        }
        return true;
    }
}
