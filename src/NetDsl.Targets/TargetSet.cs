using System;
using System.Collections.Generic;
using System.Linq;
using NetDsl.Diagnostics;
using NetDsl.Model;

namespace NetDsl.Targets;

/// <summary>
/// Runs a list of renderers over one model and gathers what they produce. Never throws: a renderer that fails
/// becomes an internal-error diagnostic. If any renderer reports an error, the result holds no artifact at
/// all, so a caller cannot write a partial set. Artifacts come back sorted by path (ordinal), so listings
/// and writes happen in the same order on every machine.
/// </summary>
public static class TargetSet
{
    public static RenderResult Render(NetworkModel model, IEnumerable<IArtifactRenderer> renderers)
    {
        var artifacts = new List<Artifact>();
        var diagnostics = new List<NetDslDiagnostic>();
        foreach (var renderer in renderers)
        {
            try
            {
                var result = renderer.Render(model);
                artifacts.AddRange(result.Artifacts);
                diagnostics.AddRange(result.Diagnostics);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A bug in a renderer, not in the input; still reported like any other problem.
                diagnostics.Add(NetDslDiagnostic.Create(DiagnosticDefinitions.InternalError, default,
                    "renderer '" + renderer.Name + "' failed: " + e.GetType().Name + ": " + e.Message));
            }
        }
        diagnostics.AddRange(CheckPaths(artifacts));
        var sorted = artifacts.OrderBy(a => a.RelativePath, StringComparer.Ordinal);
        return RenderResult.From(sorted, diagnostics);
    }

    /// <summary>Every artifact needs a path that stays inside its device folder, no two may share one, and no device folder may take a top-level file's name.</summary>
    private static IEnumerable<NetDslDiagnostic> CheckPaths(IEnumerable<Artifact> artifacts)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase); // case-insensitive: the folder may be on such a file system
        var folders = new HashSet<string>(artifacts.Where(a => !a.IsAtRoot).Select(a => a.Device), StringComparer.OrdinalIgnoreCase);
        foreach (var artifact in artifacts)
        {
            if (ArtifactPaths.FindProblem(artifact) is { } problem)
                yield return NetDslDiagnostic.Create(DiagnosticDefinitions.UnsafeText, default, "Artifact path", "'" + ConfigText.Visible(artifact.RelativePath) + "'", problem, "a file name");
            else if (!seen.Add(artifact.RelativePath))
                yield return NetDslDiagnostic.Create(DiagnosticDefinitions.InternalError, default, "two renderers produce " + artifact.RelativePath);
            else if (artifact.IsAtRoot && folders.Contains(artifact.FileName))
                yield return NetDslDiagnostic.Create(DiagnosticDefinitions.DeviceNameReserved, default, artifact.FileName, "device", artifact.FileName); // the binder reports it first (at the device)
        }
    }
}
