using System;
using System.Text;
using NetDsl.LanguageServer.Protocol;

namespace NetDsl.LanguageServer.Documents;

/// <summary>An open document: its text as the client last sent it, and that version's number. Immutable.</summary>
public sealed class TextDocument
{
    private LineIndex? _lines;

    public TextDocument(string uri, int version, string text)
    {
        Uri = uri;
        Version = version;
        Text = text;
    }

    public string Uri { get; }

    public int Version { get; }

    public string Text { get; }

    public LineIndex Lines => _lines ??= new LineIndex(Text);

    /// <summary>The file name diagnostics and the model carry (the last segment of the URI, decoded).</summary>
    public string FileName
    {
        get
        {
            string path = Uri;
            try { path = new Uri(Uri).LocalPath; } catch (UriFormatException) { }
            int slash = path.LastIndexOfAny(new[] { '/', '\\' });
            return slash >= 0 ? path.Substring(slash + 1) : path;
        }
    }

    /// <summary>The text after one content change: a range replaced, or (no range) the whole text.</summary>
    public TextDocument WithChange(int version, LspRange? range, string newText)
    {
        if (range is not { } r) return new TextDocument(Uri, version, newText);
        int start = Lines.OffsetOf(r.Start);
        int end = Math.Max(start, Lines.OffsetOf(r.End));
        var sb = new StringBuilder(Text.Length - (end - start) + newText.Length);
        sb.Append(Text, 0, start).Append(newText).Append(Text, end, Text.Length - end);
        return new TextDocument(Uri, version, sb.ToString());
    }
}
