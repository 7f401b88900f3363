using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using NetDsl.Addressing;
using NetDsl.Model;
using NetDsl.Text;

namespace NetDsl.Generators.Emit;

/// <summary>
/// Writes a core model value as C# object construction. Records are written through their primary
/// constructor with named arguments, found by reflection, so a field added to a model record is emitted
/// without touching the generator (and a round-trip test proves the generated model equals the bound one).
/// Addresses are written as their bits (no parsing at run time) with the text in a comment.
/// </summary>
internal sealed class ValueEmitter
{
    private static readonly ConcurrentDictionary<Type, RecordShape> Shapes = new();

    private readonly Dictionary<object, string> _references = new(ReferenceComparer.Instance);

    /// <summary>From now on, <paramref name="value"/> (by reference) is written as <paramref name="expression"/>.</summary>
    public void Name(object value, string expression) => _references[value] = expression;

    public void Unname(object value) => _references.Remove(value);

    public void Write(CodeWriter w, object? value, Type type)
    {
        if (value is null)
        {
            w.Write("null");
            return;
        }
        if (_references.TryGetValue(value, out var reference) && !type.IsValueType)
        {
            w.Write(reference);
            return;
        }
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        switch (value)
        {
            case string s: w.Write(CSharpLiteral.String(s)); return;
            case bool b: w.Write(CSharpLiteral.Bool(b)); return;
            case int i: w.Write(CSharpLiteral.Int(i)); return;
            case long l: w.Write(CSharpLiteral.Int(l) + "L"); return;
            case IpAddress a: w.Write(Address(a)); return;
            case IpPrefix p: w.Write(Prefix(p)); return;
            case MacAddress m: w.Write("_Mac(" + CSharpLiteral.Hex(m.Value) + ") /* " + m + " */"); return;
            case SourceSpan s:
                w.Write(s == default ? "default" : $"_Span({s.Start}, {s.Length}, {s.Line}, {s.Column}, {s.EndLine}, {s.EndColumn})");
                return;
        }
        if (underlying.IsEnum)
        {
            string name = Enum.GetName(underlying, value) ?? throw new NotSupportedException("enum value " + value + " of " + underlying.Name);
            w.Write(TypeName(underlying) + "." + name);
            return;
        }
        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(EquatableArray<>))
        {
            WriteArray(w, (IEnumerable)value, underlying.GetGenericArguments()[0]);
            return;
        }
        WriteRecord(w, value, underlying);
    }

    public static string TypeName(Type type)
    {
        if (type == typeof(string)) return "string";
        if (type == typeof(bool)) return "bool";
        if (type == typeof(int)) return "int";
        if (type == typeof(long)) return "long";
        if (Nullable.GetUnderlyingType(type) is { } inner) return TypeName(inner) + "?";
        if (type.IsGenericType)
        {
            string name = type.GetGenericTypeDefinition().FullName!;
            name = name.Substring(0, name.IndexOf('`'));
            return "global::" + name.Replace('+', '.') + "<" + string.Join(", ", type.GetGenericArguments().Select(TypeName)) + ">";
        }
        return "global::" + type.FullName!.Replace('+', '.');
    }

    public static string Address(IpAddress a) => a.IsV4
        ? "_V4(" + CSharpLiteral.Hex(a.Low) + ") /* " + a + " */"
        : "_V6(" + CSharpLiteral.Hex(a.High) + ", " + CSharpLiteral.Hex(a.Low) + ") /* " + a + " */";

    public static string Prefix(IpPrefix p) => p.IsV4
        ? "_Prefix(_V4(" + CSharpLiteral.Hex(p.Address.Low) + "), " + p.Length + ") /* " + p + " */"
        : "_Prefix(_V6(" + CSharpLiteral.Hex(p.Address.High) + ", " + CSharpLiteral.Hex(p.Address.Low) + "), " + p.Length + ") /* " + p + " */";

    private void WriteArray(CodeWriter w, IEnumerable items, Type elementType)
    {
        var list = items.Cast<object?>().ToList();
        string element = TypeName(elementType);
        if (list.Count == 0)
        {
            w.Write("global::NetDsl.Model.EquatableArray<" + element + ">.Empty");
            return;
        }
        w.Write("global::NetDsl.Model.EquatableArray.Of<" + element + ">(");
        if (IsInline(elementType))
        {
            for (int i = 0; i < list.Count; i++)
            {
                if (i > 0) w.Write(", ");
                Write(w, list[i], elementType);
            }
            w.Write(")");
            return;
        }
        w.Line().Indent();
        for (int i = 0; i < list.Count; i++)
        {
            Write(w, list[i], elementType);
            if (i < list.Count - 1) w.Line(",");
        }
        w.Write(")").Outdent();
    }

    private void WriteRecord(CodeWriter w, object value, Type type)
    {
        var shape = Shapes.GetOrAdd(type, RecordShape.Of);
        w.Write("new " + TypeName(type) + "(");
        bool inline = IsInline(type);
        if (!inline) w.Line().Indent();
        for (int i = 0; i < shape.Parameters.Length; i++)
        {
            var (name, property) = shape.Parameters[i];
            w.Write(name + ": ");
            Write(w, property.GetValue(value), property.PropertyType);
            if (i < shape.Parameters.Length - 1)
            {
                if (inline) w.Write(", ");
                else w.Line(",");
            }
        }
        w.Write(")");
        if (!inline) w.Outdent();
    }

    /// <summary>
    /// Small values fit on one line: value types, and records holding at most four strings, numbers or enums
    /// (a KeyValue). Records holding addresses, other records or lists get a line per argument.
    /// </summary>
    private static bool IsInline(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type.IsValueType) return true;
        if (type.IsGenericType) return false;
        var parameters = Shapes.GetOrAdd(type, RecordShape.Of).Parameters;
        return parameters.Length <= 4 && parameters.All(p => IsPlain(p.Property.PropertyType));
    }

    private static bool IsPlain(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string);
    }

    /// <summary>A record's primary constructor: its parameters, each matched with the property holding it.</summary>
    private sealed class RecordShape
    {
        private RecordShape((string, PropertyInfo)[] parameters) => Parameters = parameters;

        public (string Name, PropertyInfo Property)[] Parameters { get; }

        public static RecordShape Of(Type type)
        {
            foreach (var ctor in type.GetConstructors().OrderByDescending(c => c.GetParameters().Length))
            {
                var matched = new List<(string, PropertyInfo)>();
                foreach (var parameter in ctor.GetParameters())
                {
                    var property = type.GetProperty(parameter.Name!, BindingFlags.Public | BindingFlags.Instance);
                    if (property is null || property.PropertyType != parameter.ParameterType || !property.CanRead) break;
                    matched.Add((parameter.Name!, property));
                }
                if (matched.Count == ctor.GetParameters().Length && matched.Count > 0)
                    return new RecordShape(matched.ToArray());
            }
            throw new NotSupportedException("cannot write " + type.FullName + " as C#: no constructor whose parameters are all properties");
        }
    }

    private sealed class ReferenceComparer : IEqualityComparer<object>
    {
        public static readonly ReferenceComparer Instance = new();

        public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

        public int GetHashCode(object obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
