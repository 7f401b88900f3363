using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using NetDsl.Generators.Tests.Support;
using NetDsl.Model;
using NetDsl.Planning;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Generators.Tests;

/// <summary>The C# generated for the seed example: its text, that it compiles cleanly, and that it rebuilds the exact bound model.</summary>
public class GeneratedSourceTests
{
    [Test]
    public void Example_output_matches_the_golden_file()
    {
        var run = GeneratorHarness.RunOn(GeneratorHarness.ExamplePath, GeneratorHarness.Example);
        var generated = run.Result.Results.Single().GeneratedSources.Single();
        Assert.That(generated.HintName, Is.EqualTo("NetDsl.Generated.Lab.netdsl.g.cs"));
        Golden.AssertMatches("tests/NetDsl.Generators.Tests/Golden/Lab.g.cs", generated.SourceText.ToString());
    }

    [Test]
    public void Generated_code_compiles_without_warnings()
    {
        var run = GeneratorHarness.RunOn(GeneratorHarness.ExamplePath, GeneratorHarness.Example);
        var problems = run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.That(problems, Is.Empty, string.Join("\n", problems));
    }

    [Test]
    public void Generated_model_equals_the_bound_model()
    {
        var lab = LoadGeneratedClass(GeneratorHarness.Example, "NetDsl.Generated.Lab");
        var generated = (NetworkModel)lab.GetProperty("Model")!.GetValue(null)!;
        var bound = NetDslCompiler.Compile(GeneratorHarness.Example, "lab.netdsl").Model!;
        Assert.That(generated, Is.EqualTo(bound));
        var networks = lab.GetNestedType("Networks")!;
        Assert.That(networks.GetProperty("BrIpv6Nw")!.GetValue(null), Is.SameAs(generated.Networks[0]));
    }

    [Test]
    public void Generated_plans_equal_the_planners_output()
    {
        var lab = LoadGeneratedClass(GeneratorHarness.Example, "NetDsl.Generated.Lab");
        var model = (NetworkModel)lab.GetProperty("Model")!.GetValue(null)!;
        var apply = (ApplyPlan)lab.GetProperty("ApplyPlan")!.GetValue(null)!;
        var verify = (VerifyPlan)lab.GetProperty("VerifyPlan")!.GetValue(null)!;
        Assert.That(apply, Is.EqualTo(ApplyPlanner.Plan(model)));
        Assert.That(verify, Is.EqualTo(VerifyPlanner.Plan(model)));
        Assert.That(apply.Steps, Is.Not.Empty);
        Assert.That(verify.Facts, Is.Not.Empty);
        // A step holds the typed member itself, not a copy.
        var cnt01 = lab.GetNestedType("Containers")!.GetProperty("Cnt01")!.GetValue(null);
        Assert.That(apply.StepsOf<CreateContainerStep>().Single().Container, Is.SameAs(cnt01));
    }

    [Test]
    public void A_large_file_is_written_positionally_and_still_equals_the_bound_model_and_plans()
    {
        // More items in a category than NamedArgumentsUpTo: the compact form (positional, one line per record).
        string text = LargeFiles.Generate(networks: 3, containers: ModelClassEmitterLimit + 1);
        var lab = LoadGeneratedClass(text, "NetDsl.Generated.Lab");
        var model = (NetworkModel)lab.GetProperty("Model")!.GetValue(null)!;
        Assert.That(model, Is.EqualTo(NetDslCompiler.Compile(text, "lab.netdsl").Model));
        Assert.That(lab.GetProperty("ApplyPlan")!.GetValue(null), Is.EqualTo(ApplyPlanner.Plan(model)));
        Assert.That(lab.GetProperty("VerifyPlan")!.GetValue(null), Is.EqualTo(VerifyPlanner.Plan(model)));
        var source = string.Join("\n", GeneratorHarness.RunOn(GeneratorHarness.ExamplePath, text).Result.Results.Single().GeneratedSources.Select(s => s.SourceText.ToString()));
        Assert.That(source, Does.Contain("// Positional, addresses as bits only (a large file): Container(Name, Image,"));
        Assert.That(source, Does.Contain("new(\"c0\", \"busybox\", _Strings(\"/bin/sh\"), true, false, "));
    }

    private const int ModelClassEmitterLimit = Emit.ModelClassEmitter.NamedArgumentsUpTo;

    [Test]
    public void After_incremental_edits_a_split_file_still_rebuilds_the_bound_model_and_plans()
    {
        // Cached parts keep spans relative to their statements: after edits that move every statement, change one
        // container and add one, the loaded class must still equal what the CLI binds.
        string text = LargeFiles.Generate(networks: 20, containers: Pipeline.PartPlanner.PartSize + 40);
        var file = new InMemoryAdditionalText(GeneratorHarness.ExamplePath, text);
        var run = GeneratorHarness.RunOn(new[] { file });
        var compilation = GeneratorHarness.Compilation("namespace Consumer { public static class Marker { } }");
        var edits = new Func<string, string>[]
        {
            t => "# moved down by two lines\n\n" + t,
            t => t.Replace("container c7 on net7 { image IMAGE  command [\"/bin/sh\"]  tty }", "container c7 on net7 {\n  image IMAGE\n  command [\"/bin/ash\"]\n}"),
            t => t.Replace("container c3 on", "container c3b on net3 { image IMAGE }\ncontainer c3 on"),
        };
        foreach (var edit in edits)
        {
            text = edit(text);
            var next = new InMemoryAdditionalText(GeneratorHarness.ExamplePath, text);
            run = GeneratorHarness.Continue(run.Driver.ReplaceAdditionalText(file, next), compilation);
            file = next;
            var lab = Load(run, "NetDsl.Generated.Lab");
            var model = (NetworkModel)lab.GetProperty("Model")!.GetValue(null)!;
            Assert.That(model, Is.EqualTo(NetDslCompiler.Compile(text, "lab.netdsl").Model));
            Assert.That(lab.GetProperty("ApplyPlan")!.GetValue(null), Is.EqualTo(ApplyPlanner.Plan(model)));
            Assert.That(lab.GetProperty("VerifyPlan")!.GetValue(null), Is.EqualTo(VerifyPlanner.Plan(model)));
        }
        Assert.That(run.Result.Results.Single().GeneratedSources.Length, Is.EqualTo(1 + 1 + 2));
    }

    [Test]
    public void A_file_larger_than_a_part_is_split_into_files_that_rebuild_the_bound_model_and_plans()
    {
        // More networks and containers than fit in one part, a daemon block (a plan step with a span) and a
        // container on two networks (a connect step holding an attachment): every kind of value a part holds.
        int perPart = Pipeline.PartPlanner.PartSize;
        string text = LargeFiles.Generate(networks: perPart + 10, containers: 2 * perPart + 10)
            .Replace("  engine 20.10\n", "  engine 20.10\n  daemon {\n    ipv6 true\n    fixed-cidr-v6 2001:db8:1::/64\n  }\n")
            + "\ncontainer multi on net1, net2 { image IMAGE }\n";
        var compiled = NetDslCompiler.Compile(text, "lab.netdsl");
        Assert.That(compiled.Model, Is.Not.Null, string.Join("\n", compiled.Diagnostics));

        var run = GeneratorHarness.RunOn(GeneratorHarness.ExamplePath, text);
        var hints = run.Result.Results.Single().GeneratedSources.Select(s => s.HintName).ToList();
        Assert.That(hints, Does.Contain("NetDsl.Generated.Lab.netdsl.g.cs"));
        Assert.That(hints, Does.Contain("NetDsl.Generated.Lab.Networks.1.netdsl.g.cs"));
        Assert.That(hints, Does.Contain("NetDsl.Generated.Lab.Containers.2.netdsl.g.cs"));
        Assert.That(hints, Has.Count.EqualTo(1 + 2 + 3));
        var problems = run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.That(problems, Is.Empty, string.Join("\n", problems.Take(5)));

        var lab = LoadGeneratedClass(text, "NetDsl.Generated.Lab");
        var model = (NetworkModel)lab.GetProperty("Model")!.GetValue(null)!;
        Assert.That(model, Is.EqualTo(compiled.Model));
        var apply = (ApplyPlan)lab.GetProperty("ApplyPlan")!.GetValue(null)!;
        Assert.That(apply, Is.EqualTo(ApplyPlanner.Plan(model)));
        Assert.That(apply.StepsOf<WriteDaemonJsonStep>(), Has.Exactly(1).Items);
        Assert.That(apply.StepsOf<ConnectNetworkStep>(), Has.Exactly(1).Items);
        Assert.That(lab.GetProperty("VerifyPlan")!.GetValue(null), Is.EqualTo(VerifyPlanner.Plan(model)));
        var multi = lab.GetNestedType("Containers")!.GetProperty("Multi")!.GetValue(null);
        Assert.That(multi, Is.SameAs(model.Containers.Last()));
        Assert.That(apply.StepsOf<CreateContainerStep>().Last().Container, Is.SameAs(multi));
    }

    [Test]
    public void Plans_for_changed_parameters_are_planned_from_the_rebound_model()
    {
        var lab = LoadGeneratedClass(GeneratorHarness.Example, "NetDsl.Generated.Lab");
        var parametersType = lab.GetNestedType("Parameters")!;
        var defaults = parametersType.GetProperty("Default")!.GetValue(null)!;
        var createApply = lab.GetMethod("CreateApplyPlan", new[] { parametersType })!;
        var createVerify = lab.GetMethod("CreateVerifyPlan", new[] { parametersType })!;
        Assert.That(createApply.Invoke(null, new[] { defaults }), Is.SameAs(lab.GetProperty("ApplyPlan")!.GetValue(null)));
        Assert.That(createVerify.Invoke(null, new[] { defaults }), Is.SameAs(lab.GetProperty("VerifyPlan")!.GetValue(null)));

        var changed = parametersType.GetMethod("<Clone>$")!.Invoke(defaults, null)!;
        parametersType.GetProperty("Cnt01Image")!.SetValue(changed, "alpine:3");
        var expected = NetDslCompiler.Compile(GeneratorHarness.Example, "lab.netdsl", new Dictionary<string, string> { ["CNT01_IMAGE"] = "alpine:3" }).Model!;
        var apply = (ApplyPlan)createApply.Invoke(null, new[] { changed })!;
        Assert.That(apply, Is.EqualTo(ApplyPlanner.Plan(expected)));
        Assert.That(apply.StepsOf<CreateContainerStep>().Single().Container.Image, Is.EqualTo("alpine:3"));
        Assert.That(createVerify.Invoke(null, new[] { changed }), Is.EqualTo(VerifyPlanner.Plan(expected)));
    }

    [Test]
    public void Create_with_changed_parameters_binds_the_file_with_overrides()
    {
        var lab = LoadGeneratedClass(GeneratorHarness.Example, "NetDsl.Generated.Lab");
        var parametersType = lab.GetNestedType("Parameters")!;
        var defaults = parametersType.GetProperty("Default")!.GetValue(null)!;
        var create = lab.GetMethod("Create", new[] { parametersType })!;
        Assert.That(create.Invoke(null, new[] { defaults }), Is.SameAs(lab.GetProperty("Model")!.GetValue(null)));

        // `Lab.Parameters.Default with { Routingprefix = … }` through reflection: records clone via their copy constructor.
        var changed = parametersType.GetMethod("<Clone>$")!.Invoke(defaults, null)!;
        parametersType.GetProperty("Routingprefix")!.SetValue(changed, Addressing.IpPrefix.Parse("2001:db8:aa00::/48"));
        var model = (NetworkModel)create.Invoke(null, new[] { changed })!;
        var expected = NetDslCompiler.Compile(GeneratorHarness.Example, "lab.netdsl", new Dictionary<string, string> { ["ROUTINGPREFIX"] = "2001:db8:aa00::/48" }).Model;
        Assert.That(model, Is.EqualTo(expected));
        Assert.That(model.Upstreams[0].Interfaces[0].Addresses[0].ToString(), Is.EqualTo("2001:db8:aa00:ffff::1/64"));
    }

    [Test]
    public void Names_that_are_CSharp_member_names_still_compile()
    {
        // A container called "containers" would be a member named like its class (CS0542); "to-string" would hide object.ToString.
        const string text = """
            docker-host h { interface eth0 address fd00::1/64 }
            network networks on h { subnet fd00:1::/64 }
            container containers on networks { image "busybox" }
            container to-string on networks { image "busybox" }
            container equals on networks { image "busybox" }
            """;
        var run = GeneratorHarness.RunOn("/x/model.netdsl", text);
        Assert.That(run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty, string.Join("\n", run.GeneratorDiagnostics));
        var source = run.Result.Results.Single().GeneratedSources.Single().SourceText.ToString();
        Assert.That(source, Does.Contain("public static partial class Model_"));
        Assert.That(source, Does.Contain(" Containers_ { get; }"));
        var problems = run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.That(problems, Is.Empty, string.Join("\n", problems));
    }

    [Test]
    public void Namespace_comes_from_the_NetDslNamespace_property()
    {
        var options = new ConfigOptionsProvider(Array.Empty<(string, string)>(), new Dictionary<string, string> { ["NetDslNamespace"] = "Contoso.Lab", ["RootNamespace"] = "Ignored" });
        var run = GeneratorHarness.RunOn(GeneratorHarness.ExamplePath, GeneratorHarness.Example, options);
        Assert.That(run.Result.Results.Single().GeneratedSources.Single().SourceText.ToString(), Does.Contain("namespace Contoso.Lab\n"));

        var rootOnly = new ConfigOptionsProvider(Array.Empty<(string, string)>(), new Dictionary<string, string> { ["RootNamespace"] = "Squid.Ipv6" });
        run = GeneratorHarness.RunOn(GeneratorHarness.ExamplePath, GeneratorHarness.Example, rootOnly);
        Assert.That(run.Result.Results.Single().GeneratedSources.Single().SourceText.ToString(), Does.Contain("namespace Squid.Ipv6\n"));
    }

    /// <summary>Compiles the generated code into an assembly and loads it (the NetDsl core resolves to the test's own copy).</summary>
    internal static Type LoadGeneratedClass(string text, string typeName) => Load(GeneratorHarness.RunOn(GeneratorHarness.ExamplePath, text), typeName);

    /// <summary>The generated class of a run (possibly an incremental one), compiled and loaded.</summary>
    internal static Type Load(GeneratorHarness.Run run, string typeName)
    {
        using var stream = new MemoryStream();
        var emit = run.Output.Emit(stream);
        Assert.That(emit.Success, Is.True, string.Join("\n", emit.Diagnostics));
        stream.Position = 0;
        var context = new AssemblyLoadContext("generated-" + Guid.NewGuid(), isCollectible: true);
        context.Resolving += (_, name) => name.Name == "NetDsl" ? typeof(NetworkModel).Assembly : null;
        var assembly = context.LoadFromStream(stream);
        return assembly.GetType(typeName, throwOnError: true)!;
    }
}
