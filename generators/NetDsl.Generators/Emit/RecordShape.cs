using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using NetDsl.Model;

namespace NetDsl.Generators.Emit;

internal enum ShapeKind
{
    Record,
    Enum,
    List,
}

/// <summary>
/// What the emitter needs to know about a type, found once by reflection and cached: its C# name, and for a
/// record its primary constructor's parameters, each matched with the property holding it. Computed once per
/// type rather than per value, because a large file writes tens of thousands of values of a handful of types.
/// </summary>
internal sealed class RecordShape
{
    private static readonly ConcurrentDictionary<Type, RecordShape> Cache = new();

    private RecordShape(Type type, ShapeKind kind, string typeName, Type? element, (string, PropertyInfo)[] parameters)
    {
        Type = type;
        Kind = kind;
        TypeName = typeName;
        Element = element;
        Parameters = parameters;
        Getters = parameters.Select(p => Getter(type, p.Item2)).ToArray();
        if (kind == ShapeKind.Enum)
        {
            foreach (var value in Enum.GetValues(type)) _enumNames[value] = typeName + "." + Enum.GetName(type, value);
        }
    }

    private readonly Dictionary<object, string> _enumNames = new();

    /// <summary>The argument values of <see cref="Parameters"/>, read by compiled delegates (reflection per read was a third of the emit time).</summary>
    public Func<object, object?>[] Getters { get; }

    /// <summary><c>global::NetDsl.Model.RouteOrigin.Static</c> for an enum value.</summary>
    public string EnumMember(object value) =>
        _enumNames.TryGetValue(value, out var name) ? name : throw new NotSupportedException("enum value " + value + " of " + Type.Name);

    private static Func<object, object?> Getter(Type type, PropertyInfo property)
    {
        var instance = Expression.Parameter(typeof(object), "instance");
        var read = Expression.Property(Expression.Convert(instance, type), property);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), instance).Compile();
    }

    public Type Type { get; }

    public ShapeKind Kind { get; }

    /// <summary>The fully qualified C# name (<c>global::NetDsl.Model.Route</c>), so no user type can capture it.</summary>
    public string TypeName { get; }

    /// <summary>The element type of an <c>EquatableArray</c>.</summary>
    public Type? Element { get; }

    public (string Name, PropertyInfo Property)[] Parameters { get; }

    public static RecordShape Of(Type type) => Cache.GetOrAdd(type, Create);

    private static RecordShape Create(Type type)
    {
        string name = NameOf(type);
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            return Of(underlying);
        }
        if (type.IsEnum) return new RecordShape(type, ShapeKind.Enum, name, null, Array.Empty<(string, PropertyInfo)>());
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableArray<>))
            return new RecordShape(type, ShapeKind.List, name, type.GetGenericArguments()[0], Array.Empty<(string, PropertyInfo)>());
        if (type.IsPrimitive || type == typeof(string) || type.IsAbstract)
            return new RecordShape(type, ShapeKind.Record, name, null, Array.Empty<(string, PropertyInfo)>());
        return new RecordShape(type, ShapeKind.Record, name, null, PrimaryConstructor(type));
    }

    private static string NameOf(Type type)
    {
        if (type == typeof(string)) return "string";
        if (type == typeof(bool)) return "bool";
        if (type == typeof(int)) return "int";
        if (type == typeof(long)) return "long";
        if (Nullable.GetUnderlyingType(type) is { } inner) return NameOf(inner) + "?";
        if (type.IsGenericType)
        {
            string name = type.GetGenericTypeDefinition().FullName!;
            name = name.Substring(0, name.IndexOf('`'));
            return "global::" + name.Replace('+', '.') + "<" + string.Join(", ", type.GetGenericArguments().Select(NameOf)) + ">";
        }
        return "global::" + type.FullName!.Replace('+', '.');
    }

    private static (string, PropertyInfo)[] PrimaryConstructor(Type type)
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
            if (matched.Count == ctor.GetParameters().Length && matched.Count > 0) return matched.ToArray();
        }
        throw new NotSupportedException("cannot write " + type.FullName + " as C#: no constructor whose parameters are all properties");
    }
}
