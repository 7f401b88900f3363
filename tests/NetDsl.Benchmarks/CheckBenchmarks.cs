using System;
using BenchmarkDotNet.Attributes;
using NetDsl.Model;
using NetDsl.TestSupport;

namespace NetDsl.Benchmarks;

/// <summary>
/// `netdsl check` of a generated file with 1,000 networks (each with an IPv4 subnet) and 10,000 containers,
/// against the yardstick of deserializing the same bound model from JSON with System.Text.Json.
/// Goal (issue 2): under 100 ms warm, within 5x of the yardstick.
/// </summary>
[MemoryDiagnoser]
public class CheckBenchmarks
{
    private string _text = "";
    private string _json = "";

    [GlobalSetup]
    public void Setup()
    {
        _text = LargeFiles.Generate(networks: 1000, containers: 10000);
        var result = NetDslCompiler.Compile(_text, "large.netdsl");
        if (result.HasErrors || result.Model is null) throw new InvalidOperationException("the generated file does not compile");
        _json = System.Text.Json.JsonSerializer.Serialize(result.Model, ModelJson.Options);
        var back = System.Text.Json.JsonSerializer.Deserialize<NetworkModel>(_json, ModelJson.Options);
        if (back != result.Model) throw new InvalidOperationException("the JSON yardstick does not round-trip the model");
    }

    [Benchmark(Baseline = true, Description = "System.Text.Json: deserialize the same model")]
    public NetworkModel? DeserializeJson() => System.Text.Json.JsonSerializer.Deserialize<NetworkModel>(_json, ModelJson.Options);

    [Benchmark(Description = "netdsl check: parse + bind 1,000 networks / 10,000 containers")]
    public CompilationResult Check() => NetDslCompiler.Compile(_text, "large.netdsl");
}
