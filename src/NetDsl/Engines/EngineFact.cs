using System.Collections.Generic;
using System.Linq;

namespace NetDsl.Engines;

/// <summary>One row of the engine table: for this kind and these versions, the behaviour is <see cref="Value"/>, because <see cref="Source"/> says so.</summary>
public sealed record EngineRow<T>(EngineKind Kind, VersionRange Versions, T Value, string Source);

/// <summary>A row as text, for documentation and tests that look at every fact alike.</summary>
public sealed record EngineRowText(EngineKind Kind, VersionRange Versions, string Value, string Source);

/// <summary>Any fact of the engine table, its rows as text.</summary>
public interface IEngineFact
{
    /// <summary>A short name ("container MAC").</summary>
    string Name { get; }

    /// <summary>What the fact decides, in one sentence.</summary>
    string Meaning { get; }

    /// <summary>Whether NetDsl predicts it (true) or only observes it on a live engine (false), per row value.</summary>
    IReadOnlyList<EngineRowText> Rows { get; }
}

/// <summary>
/// One behaviour of the engines, by kind and version range. Rows of one kind must not overlap (a test checks it);
/// a version no row covers has no value (null): the table does not know, so NetDsl observes instead of predicting.
/// </summary>
public sealed class EngineFact<T> : IEngineFact
{
    private readonly EngineRow<T>[] _rows;
    private readonly System.Func<T, string> _describe;

    public EngineFact(string name, string meaning, System.Func<T, string> describe, params EngineRow<T>[] rows)
    {
        Name = name;
        Meaning = meaning;
        _describe = describe;
        _rows = rows;
    }

    public string Name { get; }

    public string Meaning { get; }

    public IReadOnlyList<EngineRow<T>> TypedRows => _rows;

    public IReadOnlyList<EngineRowText> Rows => _rows.Select(r => new EngineRowText(r.Kind, r.Versions, _describe(r.Value), r.Source)).ToArray();

    /// <summary>The row covering this release, or null when none does.</summary>
    public EngineRow<T>? RowFor(EngineRelease release) => _rows.FirstOrDefault(r => r.Kind == release.Kind && r.Versions.Contains(release.Version));

    /// <summary>The value for this release, or <paramref name="unknown"/> when no row covers it.</summary>
    public T For(EngineRelease release, T unknown) => RowFor(release) is { } row ? row.Value : unknown;

    public string Describe(T value) => _describe(value);
}
