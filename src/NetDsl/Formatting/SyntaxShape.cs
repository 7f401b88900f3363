using System.Text;
using NetDsl.Syntax;

namespace NetDsl.Formatting;

/// <summary>A statement's syntax written out without positions: two statements that read the same describe the same.</summary>
internal static class SyntaxShape
{
    public static string Describe(SettingSyntax statement)
    {
        var sb = new StringBuilder();
        Append(sb, statement);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, SettingSyntax s)
    {
        sb.Append('(');
        Append(sb, s.Keyword);
        foreach (var a in s.Arguments) Append(sb, a);
        foreach (var o in s.Options)
        {
            sb.Append(" opt");
            Append(sb, o.Keyword);
            foreach (var v in o.Values) Append(sb, v);
        }
        if (s.HasBody)
        {
            sb.Append(" {");
            foreach (var b in s.Body) Append(sb, b);
            sb.Append('}');
        }
        sb.Append(')');
    }

    private static void Append(StringBuilder sb, SyntaxNode node)
    {
        sb.Append(' ').Append((int)node.Kind).Append(':').Append(node.Text.Length).Append(':').Append(node.Text);
        if (node.Children.Count == 0) return;
        sb.Append('[');
        foreach (var c in node.Children) Append(sb, c);
        sb.Append(']');
    }
}
