using System.Collections;
using System.Linq;
using System.Reflection;
using System.Text;
using NetDsl.Text;

namespace NetDsl.Tests.Formatting;

/// <summary>A model (any record tree) written out without its positions: equal text means equal modulo spans.</summary>
public static class ModelText
{
    public static string Of(object? value)
    {
        var sb = new StringBuilder();
        Append(sb, value);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null: sb.Append("null"); return;
            case string s: sb.Append('"').Append(s).Append('"'); return;
            case SourceSpan or StatementId: sb.Append('@'); return;
        }
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || type.Namespace == "NetDsl.Addressing") { sb.Append(value); return; }
        if (value is IEnumerable items)
        {
            sb.Append('[');
            foreach (var item in items) { Append(sb, item); sb.Append(','); }
            sb.Append(']');
            return;
        }
        sb.Append(type.Name).Append('(');
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract").OrderBy(p => p.Name))
        {
            sb.Append(p.Name).Append('=');
            Append(sb, p.GetValue(value));
            sb.Append(' ');
        }
        sb.Append(')');
    }
}
