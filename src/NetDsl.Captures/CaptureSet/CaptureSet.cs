using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetDsl.Captures.Model;
using NetDsl.Model;

namespace NetDsl.Captures;

/// <summary>
/// The captures of a directory (<c>netdsl verify FILE --captures DIR</c>): every file except README*, *.md and dot
/// files, read with the parser its name, header or prompt line selects. This is the "captures" source of
/// observations for the VerifyPlan; the other source is live verify. Loading never throws: unreadable files,
/// unknown commands and malformed lines are <see cref="Errors"/> naming the file and line.
/// </summary>
public sealed class CaptureSet
{
    private CaptureSet(string directory, IReadOnlyList<CaptureFile> files)
    {
        Directory = directory;
        Files = files;
    }

    public string Directory { get; }

    public IReadOnlyList<CaptureFile> Files { get; }

    public IEnumerable<CaptureError> Errors => Files.SelectMany(f => f.Errors);

    public IEnumerable<Observation> Observations => Files.SelectMany(f => f.Observations);

    public IEnumerable<T> OfType<T>() where T : Observation => Observations.OfType<T>();

    /// <summary>The captures taken on a device (names compare ignoring case: devices print their hostname as they like).</summary>
    public IEnumerable<CaptureFile> ForDevice(string device) =>
        Files.Where(f => string.Equals(f.Device, device, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The captures that could show a fact of this kind about this device. Empty means "not covered by any capture";
    /// if all of them are <see cref="CaptureFile.IsPartial"/>, a missing fact is not covered either, rather than failed.
    /// </summary>
    public IEnumerable<CaptureFile> Covering(string device, CaptureFormat format) =>
        ForDevice(device).Where(f => f.Format == format);

    public static CaptureSet Load(string directory)
    {
        var files = new List<CaptureFile>();
        string[] paths;
        try
        {
            paths = System.IO.Directory.GetFiles(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var error = new CaptureError(directory, 0, "Cannot read the captures directory: " + ex.Message);
            files.Add(new CaptureFile(directory, "", null, null, EquatableArray<Observation>.Empty, EquatableArray.Of(error), false));
            return new CaptureSet(directory, files);
        }
        foreach (var path in paths.OrderBy(p => p, StringComparer.Ordinal))
        {
            if (IsNotACapture(Path.GetFileName(path))) continue;
            files.Add(LoadFile(path));
        }
        return new CaptureSet(directory, files);
    }

    /// <summary>Builds a set from texts already in memory (tests, or captures pasted into another tool).</summary>
    public static CaptureSet FromTexts(IEnumerable<(string FileName, string Text)> captures) =>
        new("", captures.Select(c => Read(c.FileName, c.Text)).ToList());

    public static CaptureFile LoadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var error = new CaptureError(path, 0, "Cannot read this capture: " + ex.Message);
            return new CaptureFile(path, "", null, null, EquatableArray<Observation>.Empty, EquatableArray.Of(error), false);
        }
        return Read(path, text);
    }

    private static CaptureFile Read(string path, string text)
    {
        var result = CaptureParsers.Parse(text, path, out var format);
        return new CaptureFile(path, result.Device, result.Command, format, result.Observations, result.Errors, result.IsPartial);
    }

    private static bool IsNotACapture(string name) =>
        name.StartsWith('.') || name.StartsWith("README", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
}
