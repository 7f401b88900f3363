using System;
using System.Collections.Generic;
using System.Threading;

namespace NetDsl.LanguageServer.Documents;

/// <summary>
/// The open documents and, per document, the analysis of its latest version (computed once, on demand, by whichever
/// thread asks first: the diagnostics timer or a request). Thread-safe.
/// </summary>
public sealed class Workspace
{
    private readonly object _lock = new();
    private readonly Dictionary<string, Entry> _documents = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, string> _parameters = new Dictionary<string, string>();

    private sealed class Entry
    {
        public TextDocument Document = null!;
        public Lazy<DocumentAnalysis> Analysis = null!;
    }

    /// <summary>Parameter overrides from the client's settings (as <c>--set NAME=VALUE</c>); changing them re-analyses every document.</summary>
    public IReadOnlyDictionary<string, string> Parameters
    {
        get { lock (_lock) return _parameters; }
        set
        {
            lock (_lock)
            {
                _parameters = value;
                foreach (var entry in _documents.Values) entry.Analysis = Analyse(entry.Document, value);
            }
        }
    }

    public IReadOnlyCollection<string> Uris
    {
        get { lock (_lock) return new List<string>(_documents.Keys); }
    }

    public void Open(TextDocument document) => Set(document);

    public void Set(TextDocument document)
    {
        lock (_lock) _documents[document.Uri] = new Entry { Document = document, Analysis = Analyse(document, _parameters) };
    }

    public void Close(string uri)
    {
        lock (_lock) _documents.Remove(uri);
    }

    public TextDocument? Document(string uri)
    {
        lock (_lock) return _documents.TryGetValue(uri, out var e) ? e.Document : null;
    }

    /// <summary>The analysis of the document's current version (null if it is not open).</summary>
    public DocumentAnalysis? Analysis(string uri)
    {
        Lazy<DocumentAnalysis> lazy;
        lock (_lock)
        {
            if (!_documents.TryGetValue(uri, out var e)) return null;
            lazy = e.Analysis;
        }
        return lazy.Value;
    }

    private static Lazy<DocumentAnalysis> Analyse(TextDocument document, IReadOnlyDictionary<string, string> parameters) =>
        new(() => DocumentAnalysis.Of(document, parameters), LazyThreadSafetyMode.ExecutionAndPublication);
}
