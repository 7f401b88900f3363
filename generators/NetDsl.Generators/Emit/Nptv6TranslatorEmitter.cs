using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetDsl.Model;
using NetDsl.Nptv6;
using ModelRule = NetDsl.Model.Nptv6Rule;

namespace NetDsl.Generators.Emit;

/// <summary>
/// The compiled fast path for NPTv6 (milestone 4): per mapping of every rule, a sealed <c>INptv6Translator</c>
/// whose prefixes, masks and adjustments are constants and whose address and packet code is specialised to them
/// (as the .NET Regex generator specialises a pattern). One class per mapping, not per rule, because a translator
/// is one inside ↔ outside pair (<c>Rule</c>, <c>Outbound</c>, <c>Inbound</c>); a rule with several mappings is
/// a list of them. Written as a second part of the file's partial class, in the same source, so the model
/// emitter is untouched. The values come from the core's <see cref="Nptv6Rewrite.Create"/>: nothing is computed here.
/// </summary>
internal sealed class Nptv6TranslatorEmitter
{
    /// <summary>The nested class this emitter adds to the file class (a file named like it gets a trailing '_').</summary>
    public const string ClassName = "Nptv6Translators";

    private const string Ns = "global::NetDsl.Nptv6.";
    private const string Outcome = Ns + "Nptv6Outcome.";
    private const string PacketResult = Ns + "Packets.Nptv6PacketResult";
    private const string PacketOutcome = Ns + "Packets.Nptv6PacketOutcome.";
    private const string Translator = Ns + "INptv6Translator";
    private const string TranslatorList = "global::System.Collections.Generic.IReadOnlyList<" + Translator + ">";

    private readonly CodeWriter _w;
    private readonly NetworkModel _model;
    private readonly NetDsl.Syntax.StatementLayout _layout;

    private Nptv6TranslatorEmitter(CodeWriter w, NetworkModel model, NetDsl.Syntax.StatementLayout layout)
    {
        _w = w;
        _model = model;
        _layout = layout;
    }

    private sealed record Mapping(Nptv6Mapping Source, string ClassName, Nptv6Rewrite Outbound, Nptv6Rewrite Inbound);

    private sealed record Rule(ModelRule Source, string Member, IReadOnlyList<Mapping> Mappings);

    /// <summary>Appends the translators to <paramref name="generated"/> (the model emitter's output); nothing when the file has no NPTv6 rule.</summary>
    /// <param name="layout">Where the file's statements are (the rules' lines, in comments).</param>
    public static string Append(string generated, NetworkModel model, NetDsl.Syntax.StatementLayout layout, string @namespace, string className)
    {
        var rules = Plan(model);
        if (rules.Count == 0) return generated;
        var w = new CodeWriter();
        w.Line();
        bool hasNamespace = @namespace.Length > 0;
        if (hasNamespace) w.Open("namespace " + @namespace);
        w.Open("public static partial class " + className);
        new Nptv6TranslatorEmitter(w, model, layout).Write(rules);
        w.Close();
        if (hasNamespace) w.Close();
        return generated + w;
    }

    private static List<Rule> Plan(NetworkModel model)
    {
        // The binder refuses invalid mappings (NDSL5001/5002); a rule that still fails the core's check is left out
        // rather than generating code that would throw.
        var valid = model.Firewalls.SelectMany(f => f.Nptv6Rules)
            .Where(r => r.Mappings.Count > 0 && r.Mappings.All(m => new NetDsl.Nptv6.Nptv6PrefixPair(m.Inside, m.Outside).Check().IsValid))
            .ToList();
        // Members first, then classes, so a class name never takes a rule's member name. Select uses the
        // file class's Create, Parameters and SourcePath by simple name: no member may hide them.
        var members = new MemberNames(ClassName, "Select", "Create", "Parameters", "SourcePath");
        var claimed = valid.Select(r => members.Claim(r.Name)).ToList();
        var classes = new HashSet<string>(claimed, System.StringComparer.Ordinal) { ClassName, "Select", "Create", "Parameters", "SourcePath" };
        var rules = new List<Rule>();
        for (int r = 0; r < valid.Count; r++)
        {
            var rule = valid[r];
            var mappings = new List<Mapping>();
            for (int i = 0; i < rule.Mappings.Count; i++)
            {
                var m = rule.Mappings[i];
                string name = claimed[r] + (rule.Mappings.Count == 1 ? "" : "Mapping" + (i + 1).ToString(CultureInfo.InvariantCulture)) + "Translator";
                while (!classes.Add(name)) name += "_";
                mappings.Add(new Mapping(m, name,
                    Nptv6Rewrite.Create(m.Inside, m.Outside, Nptv6Compatibility.Rfc6296),
                    Nptv6Rewrite.Create(m.Outside, m.Inside, Nptv6Compatibility.Rfc6296)));
            }
            rules.Add(new Rule(rule, claimed[r], mappings));
        }
        return rules;
    }

    private void Write(List<Rule> rules)
    {
        _w.Line("/// <summary>");
        _w.Line("/// NPTv6 (RFC 6296) translators compiled from the file's rules: one class per mapping with the prefixes and");
        _w.Line("/// adjustments as constants (RFC 6296 behaviour). <see cref=\"Select\"/> gives them for the default parameters");
        _w.Line("/// and the generic translator when other parameters change a rule.");
        _w.Line("/// </summary>");
        _w.Open("public static class " + ClassName);
        foreach (var rule in rules) WriteRuleMember(rule);
        WriteSelect(rules);
        foreach (var rule in rules)
        {
            foreach (var mapping in rule.Mappings) new Nptv6MappingEmitter(_w, mapping.ClassName, mapping.Source, mapping.Outbound, mapping.Inbound, Describe(rule.Source)).Write();
        }
        _w.Close();
    }

    private string Describe(ModelRule rule) =>
        "rule <c>" + CSharpLiteral.Comment(rule.Name) + "</c> (" + CSharpLiteral.Comment(_model.SourcePath) + ", line " + _layout.Locate(rule.Span).Line.ToString(CultureInfo.InvariantCulture) + ")";

    private void WriteRuleMember(Rule rule)
    {
        if (rule.Mappings.Count == 1)
        {
            var m = rule.Mappings[0];
            _w.Line("/// <summary>The compiled translator of " + Describe(rule.Source) + ": " + m.Source.Inside + " ↔ " + m.Source.Outside + ".</summary>");
            _w.Line("public static " + Translator + " " + rule.Member + " => " + m.ClassName + ".Instance;");
        }
        else
        {
            _w.Line("/// <summary>");
            _w.Line("/// The compiled translators of " + Describe(rule.Source) + ", one per mapping in order; pick the one whose");
            _w.Line("/// inside (outbound) or outside (inbound) prefix holds the address (<c>NetDsl.Nptv6.Nptv6Mappings.Select</c>).");
            _w.Line("/// </summary>");
            _w.Line("public static " + TranslatorList + " " + rule.Member + " { get; } = new " + Translator + "[] { "
                + string.Join(", ", rule.Mappings.Select(m => m.ClassName + ".Instance")) + " };");
        }
        _w.Line();
    }

    private void WriteSelect(List<Rule> rules)
    {
        _w.Line("/// <summary>");
        _w.Line("/// The translators (one per mapping) of the rule named <paramref name=\"rule\"/> as written in the file: the compiled");
        _w.Line("/// ones for <see cref=\"Parameters.Default\"/> and for parameters that leave the rule as it is; otherwise generic");
        _w.Line("/// translators for the rule bound with <paramref name=\"parameters\"/>. The compiled ones follow RFC 6296, so");
        _w.Line("/// <c>LinuxKernel</c> gives generic ones for a mapping of /48 or shorter, where the two differ.");
        _w.Line("/// </summary>");
        _w.Line("/// <exception cref=\"global::System.ArgumentException\">No such rule, or the parameters make the file invalid.</exception>");
        _w.Open("public static " + TranslatorList + " Select(string rule, Parameters parameters, " + Ns + "Nptv6Compatibility compatibility = " + Ns + "Nptv6Compatibility.Rfc6296)");
        _w.Line("if (rule is null) throw new global::System.ArgumentNullException(nameof(rule));");
        _w.Line("if (parameters is null) throw new global::System.ArgumentNullException(nameof(parameters));");
        _w.Write(TranslatorList + " compiled = rule switch");
        _w.Line();
        _w.Line("{");
        _w.Indent();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var rule in rules.Where(r => seen.Add(r.Source.Name)))
        {
            string list = rule.Mappings.Count == 1 ? "new " + Translator + "[] { " + rule.Member + " }" : rule.Member;
            _w.Line(CSharpLiteral.String(rule.Source.Name) + " => " + list + ",");
        }
        _w.Line("_ => throw new global::System.ArgumentException(\"no NPTv6 rule named '\" + rule + \"' in \" + SourcePath, nameof(rule)),");
        _w.Outdent();
        _w.Line("};");
        _w.Line("if (parameters == Parameters.Default && compatibility == " + Ns + "Nptv6Compatibility.Rfc6296) return compiled;");
        _w.Line("// Other values re-bind the file (Create) and keep the compiled translators if the rule came out the same.");
        _w.Line("return " + Ns + "Nptv6Mappings.ForModel(compiled, Create(parameters), rule, compatibility);");
        _w.Close();
    }
}
