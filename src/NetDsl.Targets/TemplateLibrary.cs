using System;
using System.Collections.Concurrent;
using System.IO;
using Scriban;

namespace NetDsl.Targets;

/// <summary>
/// The Scriban templates embedded in this assembly (Templates/*.scriban), parsed once and cached. Templates
/// receive view-models whose strings are already formatted and checked; they only lay text out. Output
/// always has '\n' line ends and one final newline, whatever the template file's line ends were on disk.
/// </summary>
internal static class TemplateLibrary
{
    private static readonly ConcurrentDictionary<string, Template> Cache = new(StringComparer.Ordinal);

    /// <param name="name">File name under Templates/, e.g. "ios.scriban".</param>
    public static string Render(string name, object model)
    {
        var template = Cache.GetOrAdd(name, Load);
        // Default member renamer: C# PascalCase properties appear as snake_case (LinkLocal → link_local).
        string text = template.Render(model).Replace("\r\n", "\n");
        // Exactly one final newline, whatever whitespace control left at the end of the template.
        return text.TrimEnd('\n') + "\n";
    }

    private static Template Load(string name)
    {
        string resource = "NetDsl.Targets.Templates." + name;
        using var stream = typeof(TemplateLibrary).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException("Embedded template " + resource + " is missing (a build error, not an input error).");
        using var reader = new StreamReader(stream);
        var template = Template.Parse(reader.ReadToEnd().Replace("\r\n", "\n"), name);
        if (template.HasErrors)
            throw new InvalidOperationException("Template " + name + " does not parse: " + string.Join("; ", template.Messages));
        return template;
    }
}
