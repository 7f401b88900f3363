using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NetDsl.Binding;
using NetDsl.Diagnostics;
using NetDsl.Generators.Diagnostics;
using NetDsl.Generators.Emit;
using NetDsl.Generators.Pipeline;
using NetDsl.Model;
using NetDsl.Naming;
using NetDsl.Syntax;

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
        public const string Layouts = "NetDsl.Layouts";
        public const string StatementTexts = "NetDsl.StatementTexts";
        public const string Statements = "NetDsl.Statements";
        public const string FileStatements = "NetDsl.FileStatements";
        public const string Environments = "NetDsl.Environments";
        public const string Drafts = "NetDsl.Drafts";
        public const string Compiled = "NetDsl.Compiled";
        public const string ClassNames = "NetDsl.ClassNames";
        public const string Parts = "NetDsl.Parts";
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

        // Statement by statement: an edit re-parses the statements whose text changed, not the file.
        var layouts = sources
            .Select(static (source, _) => LayoutOf(source))
            .WithTrackingName(Steps.Layouts);
        var statements = layouts
            .SelectMany(static (layout, _) => layout.Layout.Statements.Select(s => new StatementText(layout.Source.Path, s.Text, s.Id)))
            .WithTrackingName(Steps.StatementTexts);
        var parsed = statements
            .Select(static (statement, _) => Parse(statement))
            .WithTrackingName(Steps.Statements);
        var fileSyntax = layouts
            .Combine(parsed.Collect())
            .Select(static (pair, _) => Gather(pair.Left, pair.Right))
            .WithTrackingName(Steps.FileStatements);

        // Container statements are bound one by one against the parameters and networks (the environment), so an
        // edit to one container re-binds that container; the rest of the file is bound again in Compile.
        var environments = fileSyntax
            .Select(static (file, _) => EnvironmentOf(file))
            .WithTrackingName(Steps.Environments);
        var drafts = parsed
            .Combine(environments.Collect())
            .Select(static (pair, _) => Draft(pair.Left, pair.Right))
            .WithTrackingName(Steps.Drafts);

        var compiled = fileSyntax
            .Combine(drafts.Collect())
            .Select(static (pair, _) => Compile(pair.Left, pair.Right))
            .WithTrackingName(Steps.Compiled);

        // Paths only: a text edit never reaches this step, so it never invalidates every file's output.
        var clashes = sources
            .Select(static (source, _) => source.Path)
            .Collect()
            .Select(static (paths, _) => FindClassNameClashes(paths))
            .WithTrackingName(Steps.ClassNames);

        // A large file is cut into parts that do not move with edits elsewhere; unchanged parts stay cached.
        var parts = compiled
            .Combine(clashes)
            .SelectMany(static (pair, _) => Cut(pair.Left, pair.Right))
            .WithTrackingName(Steps.Parts);

        var generated = parts
            .Select(static (part, _) => Generate(part))
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

    // The core never throws on any input (fuzzed); a bug would still become NDSL9001, never an exception here (CS8785).
    private static FileLayout LayoutOf(NetDslSource source)
    {
        var text = TextOf(source);
        try
        {
            return new FileLayout(source, StatementLayout.Cut(text));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new FileLayout(source, StatementLayout.Empty(text));
        }
    }

    private static ParsedStatement Parse(StatementText statement)
    {
        try
        {
            return new ParsedStatement(statement.Path, SyntaxParser.ParseStatement(statement.Text, statement.Id));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new ParsedStatement(statement.Path, new StatementSyntax(null, EquatableArray.Of(InternalError(e))));
        }
    }

    // The file's statements from the collection of every file's; a mismatch (the same path twice) parses the file here.
    private static FileStatements Gather(FileLayout layout, ImmutableArray<ParsedStatement> all)
    {
        var statements = layout.Layout.Statements;
        var mine = all.Where(p => p.Path == layout.Source.Path).Select(p => p.Syntax).ToList();
        if (mine.Count != statements.Count)
            mine = statements.Select(s => SyntaxParser.ParseStatement(s.Text, s.Id)).ToList();
        return new FileStatements(layout.Source, SyntaxParser.Gather(layout.Layout, mine));
    }

    private static NetDsl.Text.FileText TextOf(NetDslSource source) =>
        // The file name (not the full path) goes into the model: generated code must not depend on where the repo is.
        new(source.Text, Path.GetFileName(source.Path));

    private static FileEnvironment EnvironmentOf(FileStatements file)
    {
        try
        {
            return new FileEnvironment(file.Source.Path, Binder.ContainerEnvironmentOf(file.Syntax, new Dictionary<string, string>()));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Compile reports the failure; drafts against an empty environment only wait for it.
            return new FileEnvironment(file.Source.Path, new ContainerEnvironment(EquatableArray<NamedParameterValue>.Empty, EquatableArray<DockerNetwork>.Empty));
        }
    }

    private static DraftedStatement Draft(ParsedStatement statement, ImmutableArray<FileEnvironment> environments)
    {
        if (statement.Syntax.Statement is not { } syntax || !Binder.IsContainer(syntax)) return new DraftedStatement(statement.Path, null);
        // Two files with one path (only a broken host does that): no draft, so Compile drafts each file against its own.
        var mine = environments.Where(e => e.Path == statement.Path).Take(2).ToList();
        if (mine.Count != 1) return new DraftedStatement(statement.Path, null);
        var environment = mine[0].Environment;
        try
        {
            return new DraftedStatement(statement.Path, Binder.DraftContainer(environment, syntax));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new DraftedStatement(statement.Path, null);
        }
    }

    // The core's own compile, given the cached drafts: the CLI runs the same code and drafts the containers itself.
    private static CompiledFile Compile(FileStatements file, ImmutableArray<DraftedStatement> allDrafts)
    {
        var source = file.Source;
        string className = ClassNameOf(source.Path);
        var layout = file.Syntax.Layout;
        try
        {
            // One drafted item per statement of this file; a draft that failed (or the same path twice) leaves the count
            // short of the container statements, and the core drafts them all itself.
            var mine = allDrafts.Where(d => d.Path == source.Path).ToList();
            var drafts = mine.Count == file.Syntax.Layout.Statements.Count ? mine.Where(d => d.Draft is not null).Select(d => d.Draft!).ToList() : null;
            var result = NetDslCompiler.Compile(file.Syntax, null, drafts);
            // On errors the class keeps its API — what bound, and a stand-in of the right type for each statement that did
            // not — so the C# using it compiles and the build shows the NDSL errors alone.
            var model = result.Model ?? StandIns.Complete(result.PartialModel, file.Syntax);
            return new CompiledFile(source, className, model, result.Diagnostics, layout);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new CompiledFile(source, className, null, EquatableArray.Of(InternalError(e)), layout);
        }
    }

    private static NetDslDiagnostic InternalError(Exception e) =>
        NetDslDiagnostic.Create(DiagnosticDefinitions.InternalError, NetDsl.Text.SourceSpan.None, "generator: " + e.GetType().Name + ": " + e.Message);

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

    private static IEnumerable<FilePart> Cut(CompiledFile file, ClassNameClashes clashes)
    {
        var source = file.Source;
        string hintName = source.Namespace + "." + file.ClassName + ".netdsl.g.cs";
        var diagnostics = new List<ReportedDiagnostic>();
        void Report(NetDslDiagnostic d)
        {
            if (RoslynDiagnostics.Prepare(source.Path, d, file.Layout.Locate(d.Span), source.Severities) is { } r) diagnostics.Add(r);
        }
        PartContext? context = null;
        (MainPart Main, List<ListPart> Lists)? planned = null;
        try
        {
            foreach (var d in file.Diagnostics) Report(d);
            var clash = clashes.Clashes.FirstOrDefault(c => c.Path == source.Path);
            if (clash is not null)
            {
                Report(NetDslDiagnostic.Create(DiagnosticDefinitions.IdentifierCollision, NetDsl.Text.SourceSpan.None, clash.KeptBy, clash.Path, clash.ClassName));
            }
            else if (file.Model is { } model)
            {
                context = new PartContext(source.Namespace, file.ClassName, model.SourcePath, ModelClassEmitter.StyleFor(model));
                planned = PartPlanner.Plan(file, model);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Failed(source.Path, diagnostics, e);
            planned = null;
        }
        var parts = new List<FilePart> { new(hintName, context ?? new PartContext(source.Namespace, file.ClassName, "", RecordStyle.Named), planned?.Main, null, diagnostics.ToEquatableArray()) };
        if (planned is { } p)
        {
            foreach (var list in p.Lists)
                parts.Add(new FilePart(source.Namespace + "." + file.ClassName + "." + list.Kind + "." + list.Index.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".netdsl.g.cs",
                    context!, null, list, EquatableArray<ReportedDiagnostic>.Empty));
        }
        return parts;
    }

    private static GeneratedFile Generate(FilePart part)
    {
        var diagnostics = part.Diagnostics.ToList();
        try
        {
            if (part.List is { } list) return new GeneratedFile(part.HintName, ListPartEmitter.EmitFile(part.Context, list), part.Diagnostics);
            if (part.Main is not { File.Model: { } model } main) return new GeneratedFile(part.HintName, null, part.Diagnostics);
            string code = ModelClassEmitter.Emit(main, part.Context, model);
            code = Nptv6TranslatorEmitter.Append(code, model, main.File.Layout, part.Context.Namespace, part.Context.ClassName);
            return new GeneratedFile(part.HintName, code, part.Diagnostics);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Failed(part.Main?.File.Source.Path ?? part.Context.SourcePath, diagnostics, e);
            return new GeneratedFile(part.HintName, null, diagnostics.ToEquatableArray());
        }
    }

    private static void Failed(string path, List<ReportedDiagnostic> diagnostics, Exception e)
    {
        // Internal errors are never silenced by configuration: they mean the output is missing. At the start of the file.
        var d = InternalError(e);
        if (RoslynDiagnostics.Prepare(path, d, new NetDsl.Text.FileText("").Locate(0, 0), EquatableArray<SeverityOverride>.Empty) is { } r) diagnostics.Add(r);
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
            context.ReportDiagnostic(Diagnostic.Create(RoslynDiagnostics.ToRoslyn(DiagnosticDefinitions.InternalError), Location.None,
                "generator output: " + e.GetType().Name + ": " + e.Message));
        }
    }
}
