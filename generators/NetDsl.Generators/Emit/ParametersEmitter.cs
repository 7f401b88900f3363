using System;
using System.Collections.Generic;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Model;

namespace NetDsl.Generators.Emit;

/// <summary>
/// The <c>let</c> parameters as a typed record whose <c>Default</c> holds the values written in the file,
/// and <c>Create(parameters)</c>, which returns the model for other values.
/// </summary>
internal static class ParametersEmitter
{
    private static readonly string[] RecordMembers = { "Default", "EqualityContract", "PrintMembers", "Deconstruct", "Parameters" };

    public static void Write(CodeWriter w, NetworkModel model, string className, string sourceText)
    {
        var names = new MemberNames("Parameters", RecordMembers);
        var parameters = model.Parameters.Select(p => (Parameter: p, Member: names.Claim(p.Name))).ToList();

        w.Line("/// <summary>");
        w.Line("/// The file's <c>let</c> parameters. <see cref=\"Default\"/> holds the values written in the file; override");
        w.Line("/// some with <c>with</c> and pass the result to <see cref=\"Create(Parameters)\"/>.");
        w.Line("/// </summary>");
        if (parameters.Count == 0)
        {
            w.Open("public sealed record Parameters");
        }
        else
        {
            w.Line("public sealed record Parameters(");
            w.Indent();
            for (int i = 0; i < parameters.Count; i++)
                w.Line(TypeOf(parameters[i].Parameter.Kind) + " " + parameters[i].Member + (i < parameters.Count - 1 ? "," : ")"));
            w.Outdent();
            w.Line("{");
            w.Indent();
        }
        w.Line("/// <summary>The values written in the file.</summary>");
        if (parameters.Count == 0)
        {
            w.Line("public static Parameters Default { get; } = new Parameters();");
        }
        else
        {
            w.Line("public static Parameters Default { get; } = new Parameters(");
            w.Indent();
            for (int i = 0; i < parameters.Count; i++)
            {
                var (p, member) = parameters[i];
                w.Line(member + ": " + DefaultValue(p) + (i < parameters.Count - 1 ? "," : ");"));
            }
            w.Outdent();
        }
        w.Close();
        w.Line();

        w.Line("/// <summary>The text of the .netdsl file, for <see cref=\"Create(Parameters)\"/> when parameters differ from the defaults.</summary>");
        w.Line("public const string SourceText = " + Emit.CSharpLiteral.Verbatim(sourceText) + ";");
        w.Line();
        w.Line("/// <summary>The model for the given parameters (<see cref=\"Model\"/> itself for <see cref=\"Parameters.Default\"/>).</summary>");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">The values make the file invalid (the message lists the NetDsl errors).</exception>");
        w.Open("public static global::NetDsl.Model.NetworkModel Create(Parameters parameters)");
        w.Line("if (parameters is null) throw new global::System.ArgumentNullException(nameof(parameters));");
        w.Line("if (parameters == Parameters.Default) return Model;");
        w.Line("// A parameter feeds composed addresses, predictions and checks all over the model, so other values are");
        w.Line("// bound from the embedded text by the same NetDsl compiler the generator ran: a run-time fallback, like");
        w.Line("// an interpreter behind compiled regular expressions. The defaults above never take this path.");
        w.Line("var overrides = new global::System.Collections.Generic.Dictionary<string, string>();");
        foreach (var (p, member) in parameters)
        {
            w.Line("if (parameters." + member + " != Parameters.Default." + member + ") overrides[" + Emit.CSharpLiteral.String(p.Name) + "] = " + OverrideText(p.Kind, "parameters." + member) + ";");
        }
        w.Line("var result = global::NetDsl.NetDslCompiler.Compile(SourceText, SourcePath, overrides);");
        w.Line("if (result.HasErrors || result.Model is null)");
        w.Line("    throw new global::System.ArgumentException(\"The parameters make \" + SourcePath + \" invalid:\" + global::System.Environment.NewLine");
        w.Line("        + string.Join(global::System.Environment.NewLine, global::System.Linq.Enumerable.Select(result.Errors, e => result.Format(e, SourcePath))), nameof(parameters));");
        w.Line("return result.Model;");
        w.Close();
        w.Line();
        w.Line("/// <summary>The model for the given parameters; see <see cref=\"Create(Parameters)\"/>.</summary>");
        w.Line("public static global::NetDsl.Model.NetworkModel Create(global::System.Func<Parameters, Parameters> change) =>");
        w.Line("    Create((change ?? throw new global::System.ArgumentNullException(nameof(change)))(Parameters.Default));");
    }

    private static string TypeOf(ParameterKind kind) => kind switch
    {
        ParameterKind.Prefix or ParameterKind.AddressWithLength => "global::NetDsl.Addressing.IpPrefix",
        ParameterKind.Address => "global::NetDsl.Addressing.IpAddress",
        ParameterKind.String => "string",
        ParameterKind.StringList => "global::NetDsl.Model.EquatableArray<string>",
        ParameterKind.Integer => "long",
        _ => "bool",
    };

    /// <summary>The default as a C# value, from the canonical text the binder recorded.</summary>
    private static string DefaultValue(Parameter p)
    {
        switch (p.Kind)
        {
            case ParameterKind.Prefix:
            case ParameterKind.AddressWithLength:
                return IpPrefix.TryParse(p.DefaultValue, out var prefix) ? ValueEmitter.Prefix(prefix) : throw Unreadable(p);
            case ParameterKind.Address:
                return IpAddress.TryParse(p.DefaultValue, out var address) ? ValueEmitter.Address(address) : throw Unreadable(p);
            case ParameterKind.String:
                return Emit.CSharpLiteral.String(p.DefaultValue);
            case ParameterKind.StringList:
                var items = ReadList(p.DefaultValue);
                return items.Count == 0
                    ? "global::NetDsl.Model.EquatableArray<string>.Empty"
                    : "global::NetDsl.Model.EquatableArray.Of<string>(" + string.Join(", ", items.Select(Emit.CSharpLiteral.String)) + ")";
            case ParameterKind.Integer:
                return long.TryParse(p.DefaultValue, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out long n)
                    ? Emit.CSharpLiteral.Int(n) + "L" : throw Unreadable(p);
            default:
                return p.DefaultValue == "true" ? "true" : "false";
        }
    }

    /// <summary>The core's canonical list text: <c>["a", "b"]</c>.</summary>
    private static List<string> ReadList(string canonical)
    {
        string inner = canonical.Length >= 2 ? canonical.Substring(1, canonical.Length - 2) : "";
        if (inner.Length == 0) return new List<string>();
        return inner.Split(new[] { "\", \"" }, StringSplitOptions.None).Select(s => s.Trim('"')).ToList();
    }

    /// <summary>C# that turns a parameter value into the text <c>--set</c> accepts for its kind.</summary>
    private static string OverrideText(ParameterKind kind, string expression) => kind switch
    {
        ParameterKind.String => expression,
        ParameterKind.StringList => "\"[\" + string.Join(\", \", global::System.Linq.Enumerable.Select(" + expression + ", s => \"\\\"\" + s + \"\\\"\")) + \"]\"",
        ParameterKind.Integer => expression + ".ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
        ParameterKind.Boolean => "(" + expression + " ? \"true\" : \"false\")",
        _ => expression + ".ToString()",
    };

    private static Exception Unreadable(Parameter p) =>
        new NotSupportedException("parameter " + p.Name + ": cannot read default '" + p.DefaultValue + "' as " + p.Kind);
}
