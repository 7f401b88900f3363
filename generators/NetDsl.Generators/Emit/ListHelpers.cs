using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using NetDsl.Model;

namespace NetDsl.Generators.Emit;

/// <summary>
/// The helpers that build an <c>EquatableArray</c> per element type (<c>_Routes(…)</c>), named once for every list
/// type the model and the plans have. Fixed names matter since the output is split into parts: a part uses a helper
/// that the file's main part defines, so neither may depend on which values the other happened to write.
/// </summary>
internal static class ListHelpers
{
    private static readonly Lazy<IReadOnlyDictionary<Type, string>> Names = new(Build);

    public static IReadOnlyDictionary<Type, string> All => Names.Value;

    public static string NameOf(Type element) =>
        All.TryGetValue(element, out var name) ? name : throw new NotSupportedException("no list helper for " + element.FullName);

    private static IReadOnlyDictionary<Type, string> Build()
    {
        var assembly = typeof(NetworkModel).Assembly;
        var elements = new HashSet<Type>();
        foreach (var type in assembly.GetTypes().Where(t => t.IsPublic && !t.ContainsGenericParameters && (t.Namespace == "NetDsl.Model" || t.Namespace == "NetDsl.Planning")))
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var p = property.PropertyType;
                if (p.IsGenericType && p.GetGenericTypeDefinition() == typeof(EquatableArray<>)) elements.Add(p.GetGenericArguments()[0]);
            }
        }
        var names = new Dictionary<Type, string>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in elements.OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            string singular = element == typeof(string) ? "String" : element.Name;
            string stem = "_" + singular + (singular.EndsWith("x", StringComparison.Ordinal) || singular.EndsWith("s", StringComparison.Ordinal) ? "es" : "s");
            string name = stem;
            for (int n = 2; !taken.Add(name); n++) name = stem + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            names[element] = name;
        }
        return names;
    }
}
