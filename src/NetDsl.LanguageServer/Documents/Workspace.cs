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
        /// <summary>The newest analysis computed so far (of this or an earlier version): what the next one reuses.</summary>
        public DocumentAnalysis? Latest;
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
                foreach (var entry in _documents.Values) entry.Analysis = Analyse(entry, value);
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
        lock (_lock)
        {
            if (!_documents.TryGetValue(document.Uri, out var entry)) _documents[document.Uri] = entry = new Entry();
            entry.Document = document;
            entry.Analysis = Analyse(entry, _parameters);
        }
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

    /// <summary>The newest analysis computed for a document, possibly of an earlier version (never waits for a compilation).</summary>
    public DocumentAnalysis? Latest(string uri)
    {
        lock (_lock) return _documents.TryGetValue(uri, out var e) ? e.Latest : null;
    }

    private Lazy<DocumentAnalysis> Analyse(Entry entry, IReadOnlyDictionary<string, string> parameters)
    {
        var document = entry.Document;
        return new Lazy<DocumentAnalysis>(() =>
        {
            DocumentAnalysis? previous;
            lock (_lock) previous = entry.Latest;
            var analysis = DocumentAnalysis.Of(document, parameters, previous);
            lock (_lock)
            {
                if (entry.Latest is null || entry.Latest.Document.Version <= analysis.Document.Version) entry.Latest = analysis;
            }
            return analysis;
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }
}
