using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using NetDsl.Syntax;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Tests.Syntax;

/// <summary>
/// src/NetDsl/Syntax/TypedSyntax.g.cs is generated from the shapes table (<see cref="Shapes"/>): one view per keyword
/// with its slots, options and block settings as typed members, so the binders never index arguments or name keywords
/// themselves. NETDSL_UPDATE_GOLDEN=1 rewrites it after a change to the table.
/// </summary>
public class TypedSyntaxTests
{
    [Test]
    public void Typed_syntax_is_up_to_date_with_the_shapes_table() =>
        Golden.AssertMatches("src/NetDsl/Syntax/TypedSyntax.g.cs", TypedSyntaxRenderer.Render());

    [Test]
    public void Every_shape_has_one_view_and_every_value_slot_a_name()
    {
        var shapes = TypedSyntaxRenderer.AllShapes();
        Assert.That(shapes.Select(TypedSyntaxRenderer.TypeName), Is.Unique);
        Assert.That(shapes.SelectMany(s => s.Slots).Where(s => s.Literal is null).Select(s => s.Name), Has.None.Empty);
    }

    [Test]
    public void A_view_reads_what_the_reader_read()
    {
        var tree = SyntaxParser.Parse(new NetDsl.Text.FileText(
            "network n on h { subnet fd00:1::/64  subnet 10.0.0.0/24  option a b }\ncontainer c on n, m { address n fd00:1::9  tty }\n"));
        var network = new NetworkSyntax(tree.Statements[0]);
        Assert.That(network.Name.Text, Is.EqualTo("n"));
        Assert.That(network.On!.Value.Text, Is.EqualTo("h"));
        Assert.That(network.Subnets.Select(s => s.Value.Text), Is.EqualTo(new[] { "fd00:1::/64", "10.0.0.0/24" }));
        Assert.That(network.Options.Single().Key.Text + "=" + network.Options.Single().Value.Text, Is.EqualTo("a=b"));
        Assert.That(network.Options.Single(), Is.TypeOf<NetworkOptionSyntax>());
        var container = new ContainerSyntax(tree.Statements[1]);
        Assert.That(container.On!.Values.Select(v => v.Text), Is.EqualTo(new[] { "n", "m" }));
        Assert.That(container.Addresses.Single().Address!.Text, Is.EqualTo("fd00:1::9"));
        Assert.That(container.Ttys.Count(), Is.EqualTo(1));
        Assert.That(container.Images, Is.Empty);
    }
}

/// <summary>Renders src/NetDsl/Syntax/TypedSyntax.g.cs from <see cref="Shapes"/>.</summary>
public static class TypedSyntaxRenderer
{
    /// <summary>Every shape of the language, statements first, each once, in table order.</summary>
    public static List<SettingShape> AllShapes()
    {
        var all = new List<SettingShape>();
        void Visit(SettingShape shape)
        {
            if (all.Any(s => ReferenceEquals(s, shape))) return;
            all.Add(shape);
        }
        void Children(SettingShape shape)
        {
            if (shape.Body is not { } body) return;
            foreach (var child in body.Settings) Visit(child);
            if (body.EntryShape is { } entry) Visit(entry);
            foreach (var child in body.Settings) Children(child);
        }
        foreach (var s in Shapes.TopLevel) Visit(s);
        foreach (var s in Shapes.TopLevel) Children(s);
        return all;
    }

    public static string Render()
    {
        var sb = new StringBuilder();
        sb.Append("// Generated from Shapes.cs by tests/NetDsl.Tests/Syntax/TypedSyntaxTests.cs; do not edit.\n");
        sb.Append("// Regenerate with NETDSL_UPDATE_GOLDEN=1 dotnet test tests/NetDsl.Tests after changing the shapes table.\n");
        sb.Append("#nullable enable\n");
        sb.Append("using System.Collections.Generic;\nusing System.Linq;\n\nnamespace NetDsl.Syntax;\n");
        var topLevel = new HashSet<string>(Shapes.TopLevelKeywords);
        foreach (var shape in AllShapes()) Write(sb, shape, topLevel.Contains(shape.Keyword));
        return sb.ToString();
    }

    // Names the syntax already has for something else: a view would shadow them.
    private static readonly string[] Taken = { "OptionSyntax", "SettingSyntax", "FileSyntax", "StatementSyntax" };

    /// <summary>
    /// The view's type name: <c>docker-host</c> → <c>DockerHostSyntax</c>; the network's <c>option</c> →
    /// <c>NetworkOptionSyntax</c>; a keyword with two shapes (the host's and the firewall's <c>nptv6</c>) is named by
    /// its owner in both (<c>DockerHostNptv6Syntax</c>, <c>FirewallNptv6Syntax</c>).
    /// </summary>
    public static string TypeName(SettingShape shape)
    {
        string name = Pascal(shape.Keyword) + "Syntax";
        var all = AllShapes();
        bool shared = all.Count(s => s.Keyword == shape.Keyword) > 1;
        if (Array.IndexOf(Taken, name) < 0 && !shared) return name;
        var owner = all.First(s => s.Body is { } b && b.Settings.Any(c => ReferenceEquals(c, shape)));
        return Pascal(owner.Keyword) + name;
    }

    private static void Write(StringBuilder sb, SettingShape shape, bool statement)
    {
        string type = TypeName(shape);
        sb.Append('\n');
        sb.Append("/// <summary>").Append(statement ? "The statement" : shape.Entry ? "The entry" : "The setting").Append(" <c>")
            .Append(Usage(shape)).Append("</c>, read against its shape.</summary>\n");
        sb.Append("internal readonly struct ").Append(type).Append('\n').Append("{\n");
        sb.Append("    /// <summary>The keyword that starts it").Append(shape.Entry ? " (an entry has none in the text; the reader gives it this one)" : "").Append(".</summary>\n");
        sb.Append("    public const string Keyword = \"").Append(shape.Keyword).Append("\";\n\n");
        sb.Append("    public ").Append(type).Append("(SettingSyntax syntax) => Syntax = syntax;\n\n");
        sb.Append("    /// <summary>The setting as read (keyword, spans).</summary>\n");
        sb.Append("    public SettingSyntax Syntax { get; }\n");
        int index = 0;
        foreach (var slot in shape.Slots)
        {
            if (slot.Literal is not null) continue;
            string at = index.ToString(CultureInfo.InvariantCulture);
            sb.Append('\n').Append("    /// <summary>").Append(Xml(slot.Description)).Append(slot.Optional ? " (optional)" : "").Append(".</summary>\n");
            // A required slot is always there: the reader drops a setting that lacks one (and reports it).
            sb.Append(slot.Optional
                ? $"    public SyntaxNode? {slot.Name} => Syntax.Argument({at});\n"
                : $"    public SyntaxNode {slot.Name} => Syntax.Arguments[{at}];\n");
            index++;
        }
        foreach (var option in shape.Options)
        {
            string name = Pascal(option.Keyword);
            string keyword = "\"" + option.Keyword + "\"";
            sb.Append('\n');
            string values = option.MinValues == option.MaxValues ? option.MinValues + " value" + (option.MinValues == 1 ? "" : "s")
                : option.MinValues + " to " + option.MaxValues + " values";
            if (!option.Repeatable)
            {
                sb.Append("    /// <summary><c>").Append(option.Keyword).Append("</c> with ").Append(values).Append(" (").Append(Xml(option.Description)).Append("), or null without it.</summary>\n");
                sb.Append($"    public OptionSyntax? {name} => Syntax.Option({keyword});\n");
            }
            else
            {
                sb.Append("    /// <summary>Every <c>").Append(option.Keyword).Append("</c> with ").Append(values).Append(" (").Append(Xml(option.Description)).Append("), in order.</summary>\n");
                sb.Append($"    public IEnumerable<OptionSyntax> {Plural(name)} => Syntax.OptionsNamed({keyword});\n");
            }
        }
        if (shape.Body is { } body)
        {
            foreach (var child in body.Settings.Concat(body.EntryShape is { } e ? new[] { e } : Array.Empty<SettingShape>()))
            {
                sb.Append('\n').Append("    /// <summary>Every <c>").Append(child.Keyword).Append("</c> of the block, in order.</summary>\n");
                sb.Append($"    public IEnumerable<{TypeName(child)}> {Plural(Pascal(child.Keyword))} => Syntax.Settings(\"{child.Keyword}\").Select(s => new {TypeName(child)}(s));\n");
            }
        }
        sb.Append("}\n");
    }

    private static string Usage(SettingShape shape)
    {
        var parts = new List<string>();
        if (!shape.Entry) parts.Add(shape.Keyword);
        foreach (var slot in shape.Slots)
            parts.Add(slot.Literal is not null ? Xml(slot.Literal) : slot.Optional ? "[" + slot.Name.ToUpperInvariant() + "]" : slot.Name.ToUpperInvariant());
        foreach (var option in shape.Options) parts.Add("[" + option.Keyword + " …]");
        if (shape.Body is not null) parts.Add("{ … }");
        return string.Join(" ", parts);
    }

    private static string Pascal(string keyword) =>
        string.Concat(keyword.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));

    // Subnets, Addresses, Ttys; a keyword already plural (ip6tables) stays as it is.
    private static string Plural(string name) =>
        name.EndsWith("ss", StringComparison.Ordinal) ? name + "es" : name.EndsWith("s", StringComparison.Ordinal) ? name : name + "s";

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
