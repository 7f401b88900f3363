using System;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetDsl.Targets.Docker;

/// <summary>
/// The JSON Docker.DotNet puts on the wire for a request object. Its serializer (source-generated, with the
/// library's converters) is internal, so it is reached by reflection: a second, hand-made serialization could
/// differ from what apply sends, which is the one thing the engine-api artifacts must not do. Indented for reading.
/// </summary>
internal static class WireJson
{
    private static readonly Lazy<(object Instance, MethodInfo Serialize)?> Serializer = new(Find);
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Serialize<T>(T value)
    {
        var s = Serializer.Value ?? throw new InvalidOperationException("Docker.DotNet's JSON serializer was not found; the package version changed its internals");
        var compact = (string)s.Serialize.MakeGenericMethod(typeof(T)).Invoke(s.Instance, new object?[] { value })!;
        return JsonNode.Parse(compact)!.ToJsonString(Indented) + "\n";
    }

    private static (object, MethodInfo)? Find()
    {
        var type = typeof(global::Docker.DotNet.DockerClient).Assembly.GetType("Docker.DotNet.JsonSerializer");
        var instance = type?.GetProperty("Instance", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)?.GetValue(null);
        var method = type?.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .FirstOrDefault(m => m.Name == "Serialize" && m.IsGenericMethodDefinition && m.GetParameters().Length == 1);
        return instance is null || method is null ? null : (instance, method);
    }
}
