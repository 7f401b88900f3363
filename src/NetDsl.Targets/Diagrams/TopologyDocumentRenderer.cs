using System.IO;
using System.Linq;
using System.Text;
using NetDsl.Model;
using NetDsl.Tracing;

namespace NetDsl.Targets.Diagrams;

/// <summary>
/// <c>DIR/topology.md</c>: the topology (<see cref="TopologyGraph"/>, collapsed as <c>netdsl graph</c> draws it by
/// default) and one path diagram per <c>expect</c> (<see cref="PathDiagram"/>), in fenced <c>```mermaid</c> blocks
/// that GitHub and GitLab draw by themselves. It is rendered from the tracer's output, so a change in what trace
/// says shows up in this file's diff: that is what a reviewer is meant to see.
/// </summary>
public sealed class TopologyDocumentRenderer : IArtifactRenderer
{
    public const string FileName = OutputNames.TopologyDocument;

    public string Name => "topology-md";

    public RenderResult Render(NetworkModel model) => RenderResult.Success(new[] { Artifact.AtRoot(FileName, Write(model)) });

    public static string Write(NetworkModel model)
    {
        string source = Path.GetFileName(model.SourcePath);
        var sb = new StringBuilder();
        sb.Append("# Topology of ").Append(MarkdownText.Code(source)).Append("\n\n");
        sb.Append("Written by `netdsl emit` from ").Append(MarkdownText.Code(source))
          .Append(" (do not edit; `netdsl emit --check` fails when it is stale). Addresses marked *predicted* are Docker's, as NetDsl predicts them for the declared engine.\n\n");
        sb.Append("```mermaid\n").Append(MermaidFlowchart.Write(TopologyGraph.Build(model))).Append("```\n");
        if (model.Expectations.Count > 0)
        {
            sb.Append("\n## Paths\n");
            var tracer = new PathTracer(model);
            foreach (var expect in model.Expectations)
            {
                var trace = tracer.Trace(expect);
                sb.Append("\n### ").Append(MarkdownText.Code("expect ping " + expect.From + " -> " + expect.To)).Append(": ")
                  .Append(trace.Succeeded ? "ok" : "broken at " + MarkdownText.Code(trace.BrokenAt ?? expect.From)).Append("\n\n");
                sb.Append("```mermaid\n").Append(PathDiagram.Mermaid(trace, tracer.Topology)).Append("```\n");
            }
        }
        return sb.ToString();
    }
}
