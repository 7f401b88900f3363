using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NetDsl.Generators.Diagnostics;
using NetDsl.Generators.Emit;
using NetDsl.Generators.Pipeline;
using NetDsl.Model;
using NetDsl.Naming;
using CoreDiagnostic = NetDsl.Diagnostics.Diagnostic;
using CoreDescriptors = NetDsl.Diagnostics.DiagnosticDescriptors;

namespace NetDsl.Generators;

/// <summary>
/// For every <c>*.netdsl</c> additional file: the core's diagnostics at their exact place in the file, and a
/// C# class with the bound model. A thin shell over <see cref="NetDslCompiler"/>; it never throws (a failure
/// is reported as NDSL9001), because an exception here would only surface as an opaque CS8785 warning.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class NetDslGenerator : IIncrementalGenerator
{
    /// <summary>Step names, for tests that check what incremental runs cached.</summary>
    public static class Steps
    {
        public const string Sources = "NetDsl.Sources";
        public const string Compiled = "NetDsl.Compiled";
        public const string ClassNames = "NetDsl.ClassNames";
        public const string Generated = "NetDsl.Generated";
    }

    public const string DefaultNamespace = "NetDsl.Generated";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var sources = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(".netdsl", StringComparison.OrdinalIgnoreCase))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, ct) => ReadSource(pair.Left, pair.Right, ct))
            .WithTrackingName(Steps.Sources);

        var compiled = sources
            .Select(static (source, ct) => Compile(source))
            .WithTrackingName(Steps.Compiled);

        // Paths only: a text edit never reaches this step, so it never invalidates every file's output.
        var clashes = sources
            .Select(static (source, _) => source.Path)
            .Collect()
            .Select(static (paths, _) => FindClassNameClashes(paths))
            .WithTrackingName(Steps.ClassNames);

        var generated = compiled
            .Combine(clashes)
            .Select(static (pair, _) => Generate(pair.Left, pair.Right))
            .WithTrackingName(Steps.Generated);

        context.RegisterSourceOutput(generated, static (spc, file) => Output(spc, file));
    }

    private static NetDslSource ReadSource(AdditionalText text, AnalyzerConfigOptionsProvider options, CancellationToken ct)
    {
        string content;
        try
        {
            content = text.GetText(ct)?.ToString() ?? "";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            content = "";
        }
        var global = options.GlobalOptions;
        string ns = ReadNamespace(global);
        var severities = SeverityConfiguration.ReadFile(options.GetOptions(text));
        return new NetDslSource(text.Path, content, ns, severities);
    }

    private static string ReadNamespace(AnalyzerConfigOptions global)
    {
        foreach (var key in new[] { "build_property.NetDslNamespace", "build_property.RootNamespace" })
        {
            if (global.TryGetValue(key, out var value) && IsNamespace(value.Trim())) return value.Trim();
        }
        return DefaultNamespace;
    }

    /// <summary>A dotted list of plain identifiers (anything else falls back rather than breaking the build).</summary>
    internal static bool IsNamespace(string value) =>
        value.Length > 0 && value.Split('.').All(part =>
            part.Length > 0 && (char.IsLetter(part[0]) || part[0] == '_') && part.All(c => char.IsLetterOrDigit(c) || c == '_')
            && Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(part) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None);

    internal static string ClassNameOf(string path)
    {
        string id = Identifiers.ToPascalCase(Path.GetFileNameWithoutExtension(path));
        return Array.IndexOf(ModelClassEmitter.FileClassMembers, id) >= 0 || id == Nptv6TranslatorEmitter.ClassName ? id + "_" : id;
    }

    private static CompiledFile Compile(NetDslSource source)
    {
        string className = ClassNameOf(source.Path);
        try
        {
            // The file name (not the full path) goes into the model: generated code must not depend on where the repo is.
            var result = NetDslCompiler.Compile(source.Text, Path.GetFileName(source.Path));
            return new CompiledFile(source, className, result.Model, result.Diagnostics);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var span = new NetDsl.Text.SourceText("", source.Path).Span(0, 0);
            var internalError = CoreDiagnostic.Create(CoreDescriptors.InternalError, span, "generator: " + e.GetType().Name + ": " + e.Message);
            return new CompiledFile(source, className, null, EquatableArray.Of(internalError));
        }
    }

    private static ClassNameClashes FindClassNameClashes(ImmutableArray<string> paths)
    {
        var clashes = new List<ClassNameClash>();
        foreach (var group in paths.Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).GroupBy(ClassNameOf, StringComparer.Ordinal))
        {
            string kept = group.First();
            foreach (var path in group.Skip(1)) clashes.Add(new ClassNameClash(path, kept, group.Key));
        }
        return new ClassNameClashes(clashes.ToEquatableArray());
    }

    private static GeneratedFile Generate(CompiledFile file, ClassNameClashes clashes)
    {
        var source = file.Source;
        string hintName = source.Namespace + "." + file.ClassName + ".netdsl.g.cs";
        var diagnostics = new List<ReportedDiagnostic>();
        void Report(CoreDiagnostic d)
        {
            if (RoslynDiagnostics.Prepare(source.Path, d, source.Severities) is { } r) diagnostics.Add(r);
        }
        try
        {
            foreach (var d in file.Diagnostics) Report(d);
            var clash = clashes.Clashes.FirstOrDefault(c => c.Path == source.Path);
            if (clash is not null)
            {
                var span = new NetDsl.Text.SourceText(source.Text, source.Path).Span(0, 0);
                Report(CoreDiagnostic.Create(CoreDescriptors.IdentifierCollision, span, clash.KeptBy, clash.Path, clash.ClassName));
                return new GeneratedFile(hintName, null, diagnostics.ToEquatableArray());
            }
            if (file.Model is null) return new GeneratedFile(hintName, null, diagnostics.ToEquatableArray());
            string code = ModelClassEmitter.Emit(file.Model, source.Namespace, file.ClassName, source.Text);
            code = Nptv6TranslatorEmitter.Append(code, file.Model, source.Namespace, file.ClassName);
            return new GeneratedFile(hintName, code, diagnostics.ToEquatableArray());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Failed(source.Path, hintName, diagnostics, e);
        }
    }

    private static GeneratedFile Failed(string path, string hintName, List<ReportedDiagnostic> diagnostics, Exception e)
    {
        var span = new NetDsl.Text.SourceText("", path).Span(0, 0);
        Report(diagnostics, path, CoreDiagnostic.Create(CoreDescriptors.InternalError, span, "generator: " + e.GetType().Name + ": " + e.Message));
        return new GeneratedFile(hintName, null, diagnostics.ToEquatableArray());
    }

    private static void Report(List<ReportedDiagnostic> into, string path, CoreDiagnostic d)
    {
        // Internal errors are never silenced by configuration: they mean the output is missing.
        if (RoslynDiagnostics.Prepare(path, d, EquatableArray<SeverityOverride>.Empty) is { } r) into.Add(r);
    }

    private static void Output(SourceProductionContext context, GeneratedFile file)
    {
        try
        {
            foreach (var d in file.Diagnostics) context.ReportDiagnostic(RoslynDiagnostics.Create(d));
            if (file.Source is not null) context.AddSource(file.HintName, file.Source);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(RoslynDiagnostics.ToRoslyn(CoreDescriptors.InternalError), Location.None,
                "generator output: " + e.GetType().Name + ": " + e.Message));
        }
    }
}
