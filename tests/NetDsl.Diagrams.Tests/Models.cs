using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetDsl.Model;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Diagrams.Tests;

/// <summary>The models the diagram tests draw: the examples, generated large files, and the seed with hostile names.</summary>
public static class Models
{
    /// <summary>Every example (examples/*/lab.netdsl) by folder name.</summary>
    public static IReadOnlyList<(string Name, string Path)> Examples =>
        Directory.GetDirectories(RepoPaths.Examples).OrderBy(d => d, System.StringComparer.Ordinal)
            .Select(d => (System.IO.Path.GetFileName(d), System.IO.Path.Combine(d, "lab.netdsl")))
            .Where(e => File.Exists(e.Item2)).ToList();

    public static NetworkModel Compile(string path) => Compile(File.ReadAllText(path), path);

    public static NetworkModel Compile(string text, string path)
    {
        var result = NetDslCompiler.Compile(text, path);
        Assert.That(result.HasErrors, Is.False, path + ": " + string.Join("\n", result.Errors));
        return result.Model!;
    }

    public static NetworkModel Seed() => Compile(RepoPaths.SquidExample);

    /// <summary>One host with <paramref name="networks"/> networks and <paramref name="containers"/> containers (the benchmarks' file).</summary>
    public static NetworkModel Large(int networks, int containers) => Compile(LargeFiles.Generate(networks, containers), "large.netdsl");

    /// <summary>
    /// Names no binder would accept, in every place a diagram writes one. Each reaches a label of a drawing: quotes,
    /// Mermaid's and DOT's syntax, entity codes written literally, HTML, comments and directives, a newline, a tab,
    /// a right-to-left override, letters outside the BMP.
    /// </summary>
    public static readonly string[] HostileNames =
    {
        "a\"b'c<d>&e;f#g%%h|i[j]{k}(l)",
        "#quot; &amp; #35; \\N \\G \\l",
        "end --> x ---|y| z ::: click n0 call alert()",
        "%%{init: {\"theme\": \"dark\"}}%% <br/> <script>x</script>",
        "line\nbreak\ttab `code` ```",
        "𝔘𝔫𝔦 \u202Eevil\u202C 名前",
        "subgraph s [\"x\"]; participant p as q; Note over p: r",
    };

    /// <summary>The seed with hostile names for its router, an interface, a zone, the NPTv6 rule, the external host and the container.</summary>
    public static NetworkModel HostileSeed()
    {
        var seed = Seed();
        string router = HostileNames[0], iface = HostileNames[1], zone = HostileNames[2], rule = HostileNames[3], external = HostileNames[4], container = HostileNames[5], network = HostileNames[6];

        var routers = seed.Routers.Select(r => r with
        {
            Name = router,
            Interfaces = r.Interfaces.Select(i => i.Name == "Vlan252" ? i with { Name = iface } : i).ToEquatableArray(),
            Routes = r.Routes.Select(x => x.Interface == "Vlan252" ? x with { Interface = iface } : x).ToEquatableArray(),
        }).ToEquatableArray();
        string Zone(string z) => z == "zTrust" ? zone : z;
        var firewalls = seed.Firewalls.Select(f => f with
        {
            Interfaces = f.Interfaces.Select(i => i with { Zone = i.Zone is null ? null : Zone(i.Zone) }).ToEquatableArray(),
            Allows = f.Allows.Select(a => a with { FromZone = Zone(a.FromZone), ToZone = Zone(a.ToZone) }).ToEquatableArray(),
            Nptv6Rules = f.Nptv6Rules.Select(n => n with { Name = rule, FromZone = Zone(n.FromZone), ToZone = Zone(n.ToZone) }).ToEquatableArray(),
        }).ToEquatableArray();
        var upstreams = seed.Upstreams.Select(u => u with { Hosts = u.Hosts.Select(h => h with { Name = external }).ToEquatableArray() }).ToEquatableArray();
        var networks = seed.Networks.Select(n => n with { Name = network }).ToEquatableArray();
        var containers = seed.Containers.Select(c => c with
        {
            Name = container,
            Attachments = c.Attachments.Select(a => a with { Network = network }).ToEquatableArray(),
        }).ToEquatableArray();
        var expectations = EquatableArray.Of(new Expectation(ExpectationKind.Ping, container, new ExpectTarget(external, null, null), default));
        return seed with
        {
            Routers = routers, Firewalls = firewalls, Upstreams = upstreams, Networks = networks, Containers = containers, Expectations = expectations,
        };
    }
}
