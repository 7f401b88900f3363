using System;
using System.Collections.Generic;
using System.Linq;
using NetDsl.Model;
using NetDsl.Targets.Diagrams;
using NetDsl.Tracing;

namespace NetDsl.Diagrams.Tests;

public enum Notation
{
    Mermaid,
    Dot,
}

/// <summary>
/// One diagram to hand to a real renderer, and the texts a person must find in the drawing: every label line the
/// builder wrote (so an escape that changes one character fails), unescaped.
/// </summary>
public sealed record Diagram(string Name, Notation Notation, string Text, IReadOnlyList<string> MustShow)
{
    public override string ToString() => Name + (Notation == Notation.Mermaid ? ".mmd" : ".dot");
}

/// <summary>Every diagram the renderer tests prove: the examples (topology and each expect's path), large and hostile files.</summary>
public static class DiagramCorpus
{
    private static readonly Lazy<IReadOnlyList<Diagram>> AllLazy = new(Build);

    public static IReadOnlyList<Diagram> All => AllLazy.Value;

    public static IEnumerable<Diagram> Mermaid => All.Where(d => d.Notation == Notation.Mermaid);

    public static IEnumerable<Diagram> Dot => All.Where(d => d.Notation == Notation.Dot);

    /// <summary>The generated files drawn and rendered: the first seeds cover all four shapes the generator rotates.</summary>
    public static readonly IReadOnlyList<int> GeneratedSeeds = Enumerable.Range(1, 8).ToList();

    private static IReadOnlyList<Diagram> Build()
    {
        var diagrams = new List<Diagram>();
        foreach (var (name, path) in Models.Examples)
        {
            var model = Models.Compile(path);
            diagrams.AddRange(Topology(name, model, TopologyGraphOptions.Default));
            diagrams.AddRange(Paths(name, model, model.Expectations.Select(e => (e.From, e.To))));
        }
        var seed = Models.Seed();
        // A path that breaks (the seed's shared outside prefix), and one that never starts.
        diagrams.AddRange(Paths("seed-broken", seed, new[] { ("Rdc01", new ExpectTarget("dns.google", null, null)), ("nobody", new ExpectTarget("dns.google", null, null)) }));
        diagrams.AddRange(Topology("large-collapsed", Models.Large(networks: 20, containers: 400), TopologyGraphOptions.Default));
        diagrams.AddRange(Topology("large-groups", Models.Large(networks: 3, containers: 60), TopologyGraphOptions.Default));
        diagrams.AddRange(Topology("large-expanded", Models.Large(networks: 3, containers: 30), TopologyGraphOptions.Default.Expanding("host1")));
        // Files of the differential harness's generator (issue 11): every shape, engine and feature it makes, drawn
        // as emit's topology.md draws them. Failed expects are part of what it generates: their model is kept.
        foreach (int n in GeneratedSeeds)
        {
            var generated = NetDsl.Differential.TopologyGenerator.Generate(n);
            var result = NetDslCompiler.Compile(generated.Text, $"generated-{n}.netdsl");
            var model = result.Model ?? throw new InvalidOperationException($"generated seed {n} does not compile:\n" + string.Join("\n", result.Errors.Select(e => result.Format(e))));
            diagrams.AddRange(Topology($"generated-{n}", model, TopologyGraphOptions.Default));
            diagrams.AddRange(Paths($"generated-{n}", model, model.Expectations.Select(e => (e.From, e.To))));
        }
        var hostile = Models.HostileSeed();
        diagrams.AddRange(Topology("hostile", hostile, TopologyGraphOptions.Default));
        diagrams.AddRange(Paths("hostile", hostile, hostile.Expectations.Select(e => (e.From, e.To))));
        return diagrams;
    }

    public static IEnumerable<Diagram> Topology(string name, NetworkModel model, TopologyGraphOptions options)
    {
        var graph = TopologyGraph.Build(model, options);
        var lines = graph.Nodes.SelectMany(n => n.Lines).Concat(graph.Edges.SelectMany(e => e.Lines)).Concat(graph.Clusters.Select(c => c.Label)).Distinct().ToList();
        yield return new Diagram(name + ".topology", Notation.Mermaid, MermaidFlowchart.Write(graph), lines);
        yield return new Diagram(name + ".topology", Notation.Dot, DotGraph.Write(graph), lines);
    }

    public static IEnumerable<Diagram> Paths(string name, NetworkModel model, IEnumerable<(string From, ExpectTarget To)> paths)
    {
        var tracer = new PathTracer(model);
        int n = 0;
        foreach (var (from, to) in paths)
        {
            var trace = tracer.Trace(from, to);
            yield return new Diagram(name + ".path-" + (++n), Notation.Mermaid, PathDiagram.Mermaid(trace, tracer.Topology), MustShow(trace));
        }
    }

    /// <summary>What a path diagram must show: every device, every address as it leaves each hop, every rewrite and its detail, the reason it broke.</summary>
    public static IReadOnlyList<string> MustShow(TraceResult trace)
    {
        var texts = new List<string> { trace.From, trace.To };
        foreach (var hop in trace.Forward.Concat(trace.Return))
        {
            texts.Add(hop.Device);
            texts.Add("src " + hop.Source);
            texts.Add("dst " + hop.Destination);
            if (hop.Route is { } route) texts.Add("route " + route);
            foreach (var r in hop.Rewrites) texts.AddRange(new[] { r.From.ToString(), r.To.ToString(), r.Detail });
        }
        if (trace.Reason is { } reason) texts.Add(reason);
        if (trace.BrokenAt is { } at) texts.Add("BROKEN at " + at);
        return texts.Distinct().ToList();
    }
}
