using System.Linq;
using System.Text;

namespace NetDsl.Targets.Diagrams;

/// <summary>
/// A <see cref="DiagramGraph"/> as a Mermaid flowchart (top down: containers first, the internet last), the notation GitHub and GitLab draw from a
/// fenced <c>```mermaid</c> block. Every label is quoted and escaped (<see cref="DiagramText.Mermaid"/>); ids are
/// the graph's own (<c>n0</c>, <c>c0</c>), so no name ever stands where Mermaid reads syntax.
/// </summary>
public static class MermaidFlowchart
{
    public static string Write(DiagramGraph graph)
    {
        var sb = new StringBuilder();
        sb.Append("flowchart TB\n");
        // Boxes in declaration order; a frame is written whole where its first box comes.
        var written = new System.Collections.Generic.HashSet<string>();
        foreach (var node in graph.Nodes)
        {
            if (node.Cluster is null)
            {
                WriteNode(sb, node, "  ");
                continue;
            }
            if (!written.Add(node.Cluster)) continue;
            var cluster = graph.Clusters.First(c => c.Id == node.Cluster);
            sb.Append("  subgraph ").Append(cluster.Id).Append(" [\"").Append(DiagramText.Mermaid(cluster.Label)).Append("\"]\n");
            foreach (var member in graph.Nodes.Where(n => n.Cluster == cluster.Id)) WriteNode(sb, member, "    ");
            sb.Append("  end\n");
        }
        foreach (var edge in graph.Edges)
        {
            sb.Append("  ").Append(edge.From).Append(' ').Append(Arrow(edge.Kind));
            if (edge.Lines.Count > 0) sb.Append("|\"").Append(Label(edge.Lines)).Append("\"|");
            sb.Append(' ').Append(edge.To).Append('\n');
        }
        foreach (var style in DiagramStyle.All)
        {
            var ids = graph.Nodes.Where(n => n.Kind == style.Kind).Select(n => n.Id).ToList();
            if (ids.Count == 0) continue;
            sb.Append("  classDef ").Append(style.Class).Append(" fill:").Append(style.Fill).Append(",stroke:").Append(style.Stroke).Append(",color:#1a1a1a\n");
            sb.Append("  class ").Append(string.Join(",", ids)).Append(' ').Append(style.Class).Append('\n');
        }
        return sb.ToString();
    }

    private static void WriteNode(StringBuilder sb, DiagramNode node, string indent)
    {
        var (open, close) = Shape(node.Kind);
        sb.Append(indent).Append(node.Id).Append(open).Append('"').Append(Label(node.Lines)).Append('"').Append(close).Append('\n');
    }

    // Lines are joined by a real newline inside the quotes, not "<br/>": with "<br/>" in a label, Mermaid reads a
    // backslash-n in the text (even one written as entity codes) as a line break too.
    private static string Label(System.Collections.Generic.IEnumerable<string> lines) => string.Join("\n", lines.Select(DiagramText.Mermaid));

    private static string Arrow(DiagramEdgeKind kind) => kind switch
    {
        DiagramEdgeKind.Allow => "==>",
        DiagramEdgeKind.Attachment => "-.-",
        _ => "---",
    };

    private static (string Open, string Close) Shape(DiagramNodeKind kind) => kind switch
    {
        DiagramNodeKind.Bridge => ("{{", "}}"),
        DiagramNodeKind.Container => ("([", "])"),
        DiagramNodeKind.ContainerGroup => ("[[", "]]"),
        DiagramNodeKind.Router => ("(", ")"),
        DiagramNodeKind.Upstream => (">", "]"),
        DiagramNodeKind.ExternalHost => ("([", "])"),
        DiagramNodeKind.Link => ("((", "))"),
        _ => ("[", "]"),
    };
}
