using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using NetDsl.Model;

namespace NetDsl.Benchmarks;

/// <summary>System.Text.Json for the model, as the yardstick the check benchmark is measured against.</summary>
public static class ModelJson
{
    /// <summary>Addresses, prefixes and MACs travel as text, as a hand-written JSON model would carry them.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        Converters =
        {
            new EquatableArrayConverterFactory(),
            new TextConverter<NetDsl.Addressing.IpAddress>(NetDsl.Addressing.IpAddress.Parse),
            new TextConverter<NetDsl.Addressing.IpPrefix>(NetDsl.Addressing.IpPrefix.Parse),
            new TextConverter<NetDsl.Addressing.MacAddress>(t => NetDsl.Addressing.MacAddress.TryParse(t, out var m) ? m : throw new JsonException("bad MAC " + t)),
        },
    };

    private sealed class TextConverter<T>(Func<string, T> parse) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => parse(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value!.ToString());
    }

    private sealed class EquatableArrayConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(EquatableArray<>);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(EquatableArrayConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
    }

    private sealed class EquatableArrayConverter<T> : JsonConverter<EquatableArray<T>>
    {
        public override EquatableArray<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(JsonSerializer.Deserialize<T[]>(ref reader, options) ?? Array.Empty<T>());

        public override void Write(Utf8JsonWriter writer, EquatableArray<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.ToArray(), options);
    }
}
