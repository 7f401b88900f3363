using System.Linq;
using NUnit.Framework;

namespace NetDsl.Differential;

/// <summary>The generator without a lab: its files are valid, reproducible, and the CI seeds cover every topology class.</summary>
public class GeneratorTests
{
    [TestCase(EngineMix.Mixed)]
    [TestCase(EngineMix.Docker)]
    [TestCase(EngineMix.DockerIp6Tables)]
    [TestCase(EngineMix.Podman)]
    public void Every_generated_file_compiles_to_a_whole_model(EngineMix engines)
    {
        var failures = Enumerable.Range(1, 400).Select(seed => (seed, TopologyGenerator.Generate(seed, GeneratorOptions.Default with { Engines = engines }).Text))
            .Select(g => (g.seed, g.Text, Result: NetDslCompiler.Compile(g.Text, "generated.netdsl")))
            .Where(g => g.Result.Model is null)
            .Take(3)
            .Select(g => $"seed {g.seed}:\n{string.Join("\n", g.Result.Errors)}\n{g.Text}")
            .ToList();
        Assert.That(failures, Is.Empty, string.Join("\n\n", failures));
    }

    /// <summary>
    /// Each selected seed (NETDSL_DIFF_SEEDS, else the CI set; engines from NETDSL_DIFF_ENGINE) gives the same file
    /// twice; with NETDSL_DIFF_OUT=DIR the files are also written there (DIR/seed-N.netdsl), to read one or lab it by hand.
    /// </summary>
    [Test]
    public void A_seed_gives_the_same_file_every_time()
    {
        string? dir = System.Environment.GetEnvironmentVariable("NETDSL_DIFF_OUT");
        var options = GeneratorOptions.FromEnvironment();   // the engines the lab run would use (NETDSL_DIFF_ENGINE)
        foreach (int seed in DifferentialSeeds.Selected)
        {
            string text = TopologyGenerator.Generate(seed, options).Text;
            Assert.That(TopologyGenerator.Generate(seed, options).Text, Is.EqualTo(text), $"seed {seed}");
            if (dir is not null) System.IO.File.WriteAllText(System.IO.Path.Combine(dir, $"seed-{seed}.netdsl"), text);
        }
    }

    [Test]
    public void Most_generated_files_check_clean()
    {
        // Expects take their kind from trace, and one in ten is flipped on purpose: most files must pass check.
        int clean = Enumerable.Range(1, 200).Count(seed => !NetDslCompiler.Compile(TopologyGenerator.Generate(seed).Text, "g.netdsl").HasErrors);
        Assert.That(clean, Is.GreaterThan(60));
    }

    [Test]
    public void The_ci_seed_set_covers_every_topology_class()
    {
        var total = new FeatureCounts();
        foreach (int seed in DifferentialSeeds.Ci) total.Add(TopologyGenerator.Generate(seed).Features);
        TestContext.Out.WriteLine(total);
        Assert.That(total.Missing, Is.Empty, total.ToString());
    }

    [Test]
    public void Engine_mixes_generate_the_engines_they_name()
    {
        bool Has(EngineMix mix, string text) => Enumerable.Range(1, 40).Any(seed => TopologyGenerator.Generate(seed, GeneratorOptions.Default with { Engines = mix }).Text.Contains(text));
        Assert.That(Has(EngineMix.Podman, "engine podman 4.3"), Is.True);
        Assert.That(Has(EngineMix.Podman, "daemon {"), Is.False, "Podman has no daemon.json");
        Assert.That(Has(EngineMix.DockerIp6Tables, "ip6tables true  experimental true"), Is.True);
        Assert.That(Has(EngineMix.Docker, "ip6tables") || Has(EngineMix.Docker, "podman"), Is.False);
        Assert.That(GeneratorOptions.ParseEngines("docker-ip6tables"), Is.EqualTo(EngineMix.DockerIp6Tables));
        Assert.That(GeneratorOptions.ParseEngines("moby"), Is.Null);
    }
    [TestCase("5-7", new[] { 5, 6, 7 })]
    [TestCase("17", new[] { 17 })]
    public void Seed_ranges_parse(string text, int[] seeds) => Assert.That(DifferentialSeeds.Parse(text), Is.EqualTo(seeds));

    [TestCase("")]
    [TestCase("7-5")]
    [TestCase("a-b")]
    public void Bad_seed_ranges_mean_the_ci_set(string text) => Assert.That(DifferentialSeeds.Parse(text), Is.Null);
}
