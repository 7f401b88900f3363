using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using NetDsl.Addressing;
using NetDsl.Model;
using NetDsl.Text;

namespace NetDsl.Generators.Emit;

/// <summary>How a record is written: with named arguments (readable), or positional (compact, for large files).</summary>
internal enum RecordStyle
{
    Named,
    Positional,
}

/// <summary>
/// Writes a core value (model, plan) as C# object construction. Records are written through their primary
/// constructor, found by reflection (<see cref="RecordShape"/>), so a field added to a model record is emitted
/// without touching the generator (and round-trip tests prove the generated values equal the bound ones).
/// Addresses are written as their bits (no parsing at run time) with the text in a comment.
/// Size matters: a 10,000-container file emits every record once per container, and the emitted text is what the
/// IDE pays for per keystroke. So a record whose runtime type is its declared type is written with target-typed
/// <c>new(…)</c>, lists through small per-element-type helpers (<c>_Routes(…)</c>), and <see cref="RecordStyle"/>
/// drops the argument names for large files.
/// </summary>
internal sealed class ValueEmitter
{
    private readonly Dictionary<object, string> _references = new(ReferenceComparer.Instance);

    public ValueEmitter(RecordStyle style) => Style = style;

    public RecordStyle Style { get; }

    /// <summary>From now on, <paramref name="value"/> (by reference) is written as <paramref name="expression"/>.</summary>
    public void Name(object value, string expression) => _references[value] = expression;

    public void Unname(object value) => _references.Remove(value);

    private readonly Dictionary<Type, string> _listOverrides = new();

    /// <summary>From now on, a list of <paramref name="element"/> is written as <paramref name="expression"/> (the parts' slices, concatenated).</summary>
    public void OverrideList(Type element, string expression) => _listOverrides[element] = expression;

    /// <summary>The value on one line (in the current <see cref="Style"/>).</summary>
    public void Write(CodeWriter w, object? value, Type type)
    {
        if (value is null)
        {
            w.Write("null");
            return;
        }
        // Only records are ever named: strings (most of what is written) skip the lookup.
        if (_references.Count > 0 && value is not string && !type.IsValueType && _references.TryGetValue(value, out var reference))
        {
            w.Write(reference);
            return;
        }
        switch (value)
        {
            case string s: w.Write(CSharpLiteral.String(s)); return;
            case bool b: w.Write(CSharpLiteral.Bool(b)); return;
            case int i: w.Write(CSharpLiteral.Int(i)); return;
            case long l: w.Write(CSharpLiteral.Int(l)).Write("L"); return;
            // The text comments are for reading; a large (positional) file drops them, a quarter of its text.
            case IpAddress a: WriteAddress(w, a, Style == RecordStyle.Named); return;
            case IpPrefix p: WritePrefix(w, p, Style == RecordStyle.Named); return;
            case MacAddress m:
                w.Write("_Mac(").Write(CSharpLiteral.Hex(m.Value)).Write(")");
                if (Style == RecordStyle.Named) w.Write(" /* ").Write(m.ToString()).Write(" */");
                return;
            case SourceSpan s: WriteSpan(w, s); return;
        }
        var shape = RecordShape.Of(value.GetType());
        switch (shape.Kind)
        {
            case ShapeKind.Enum:
                w.Write(shape.EnumMember(value));
                return;
            case ShapeKind.List:
                WriteList(w, (IEnumerable)value, shape, multiline: false);
                return;
            default:
                WriteRecord(w, value, type, shape, multiline: false);
                return;
        }
    }

    /// <summary>
    /// A root value (the model, a plan): named arguments one per line, and its lists one element per line, so
    /// the top of what a file describes reads like the file. What is nested below is written on one line.
    /// </summary>
    public void WriteExpanded(CodeWriter w, object value, Type type) =>
        WriteRecord(w, value, type, RecordShape.Of(value.GetType()), multiline: true);

    private void WriteRecord(CodeWriter w, object value, Type declared, RecordShape shape, bool multiline)
    {
        // Target-typed new only for classes: for a Nullable<struct> parameter, new() would be null, not the struct.
        bool targetTyped = !shape.Type.IsValueType && (Nullable.GetUnderlyingType(declared) ?? declared) == shape.Type;
        w.Write(targetTyped ? "new(" : "new " + shape.TypeName + "(");
        if (multiline) w.Line().Indent();
        bool named = multiline || Style == RecordStyle.Named;
        var parameters = shape.Parameters;
        for (int i = 0; i < parameters.Length; i++)
        {
            var p = parameters[i];
            if (named) w.Write(p.Name).Write(": ");
            object? argument = shape.Getters[i](value);
            var argumentShape = argument is null || !multiline ? null : RecordShape.Of(p.Property.PropertyType);
            // Lists of records get a line per element; lists of strings or addresses stay on one line.
            if (argumentShape is { Kind: ShapeKind.List } && IsRecordClass(argumentShape.Element!)) WriteList(w, (IEnumerable)argument!, argumentShape, multiline: true);
            else Write(w, argument, p.Property.PropertyType);
            if (i < parameters.Length - 1)
            {
                if (multiline) w.Line(",");
                else w.Write(", ");
            }
        }
        w.Write(")");
        if (multiline) w.Outdent();
    }

    private void WriteList(CodeWriter w, IEnumerable items, RecordShape listShape, bool multiline)
    {
        var element = listShape.Element!;
        if (_listOverrides.TryGetValue(element, out var expression))
        {
            w.Write(expression);
            return;
        }
        // A lone new(…) argument would bind to the params array itself (CS8752): name the element type instead.
        int count = 0;
        foreach (var _ in items)
            if (++count > 1) break;
        var declared = count == 1 ? typeof(object) : element;
        w.Write(ListHelper(element)).Write("(");
        bool first = true;
        if (multiline) w.Indent();
        foreach (var item in items)
        {
            if (!first) w.Write(",");
            if (multiline) w.Line();
            else if (!first) w.Write(" ");
            first = false;
            Write(w, item, declared);
        }
        w.Write(")");
        if (multiline) w.Outdent();
    }

    private static bool IsRecordClass(Type type) => !type.IsValueType && type != typeof(string);

    private static string ListHelper(Type element) => ListHelpers.NameOf(element);

    /// <summary>Every list helper (<see cref="ListHelpers"/>): the file's parts use them without knowing each other.</summary>
    public static void WriteListHelpers(CodeWriter w)
    {
        foreach (var pair in ListHelpers.All.OrderBy(p => p.Value, StringComparer.Ordinal))
        {
            string element = TypeName(pair.Key);
            w.Line();
            w.Line("private static global::NetDsl.Model.EquatableArray<" + element + "> " + pair.Value + "(params " + element + "[] items) =>");
            w.Line("    global::NetDsl.Model.EquatableArray.Of(items);");
        }
    }

    public static string TypeName(Type type) => type == typeof(string) ? "string" : RecordShape.Of(type).TypeName;

    public static string Address(IpAddress a)
    {
        var w = new CodeWriter();
        WriteAddress(w, a, comment: true);
        return w.ToString();
    }

    public static string Prefix(IpPrefix p)
    {
        var w = new CodeWriter();
        WritePrefix(w, p, comment: true);
        return w.ToString();
    }

    private static void WriteBits(CodeWriter w, IpAddress a)
    {
        if (a.IsV4) w.Write("_V4(").Write(CSharpLiteral.Hex(a.Low)).Write(")");
        else w.Write("_V6(").Write(CSharpLiteral.Hex(a.High)).Write(", ").Write(CSharpLiteral.Hex(a.Low)).Write(")");
    }

    private static void WriteAddress(CodeWriter w, IpAddress a, bool comment)
    {
        WriteBits(w, a);
        if (comment) w.Write(" /* ").Write(a.ToString()).Write(" */");
    }

    private static void WritePrefix(CodeWriter w, IpPrefix p, bool comment)
    {
        w.Write("_Prefix(");
        WriteBits(w, p.Address);
        w.Write(", ").Write(CSharpLiteral.Int(p.Length)).Write(")");
        if (comment) w.Write(" /* ").Write(p.ToString()).Write(" */");
    }

    // Relative to its statement (its id's hash and occurrence): the same text wherever the statement sits.
    private static void WriteSpan(CodeWriter w, SourceSpan s)
    {
        if (s == default)
        {
            w.Write("default");
            return;
        }
        w.Write("_Span(0x").Write(s.Statement.Hash.ToString("X16", System.Globalization.CultureInfo.InvariantCulture)).Write(", ")
            .Write(CSharpLiteral.Int(s.Statement.Occurrence)).Write(", ")
            .Write(CSharpLiteral.Int(s.Start)).Write(", ").Write(CSharpLiteral.Int(s.Length)).Write(")");
    }

    private sealed class ReferenceComparer : IEqualityComparer<object>
    {
        public static readonly ReferenceComparer Instance = new();

        public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

        public int GetHashCode(object obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
