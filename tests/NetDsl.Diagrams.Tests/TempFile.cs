using System;
using System.IO;

namespace NetDsl.Diagrams.Tests;

/// <summary>A file (or folder) path under the temp directory, deleted on dispose.</summary>
public sealed class TempFile : IDisposable
{
    public TempFile(string extension, string? text = null)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "netdsl-diagrams-" + Guid.NewGuid().ToString("N") + extension);
        if (text is not null) File.WriteAllText(Path, text);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            if (File.Exists(Path)) File.Delete(Path);
            if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
        }
        catch (IOException) { }
    }
}
