using System.Linq;
using System.Text;

namespace NetDsl.Targets.Diagrams;

/// <summary>
/// A <see cref="DiagramGraph"/> in Graphviz DOT (top down; clusters for hosts and firewalls), for
/// <c>dot -Tsvg</c>. Labels are double-quoted strings escaped by <see cref="DiagramText.Dot"/>, one line per
/// <c>\n</c>; ids are the graph's own. Links are drawn without arrowheads, allow rules with one.
/// </summary>
public static class DotGraph
{
    public static string Write(DiagramGraph graph)
    {
        var sb = new StringBuilder();
        sb.Append("digraph netdsl {\n");
        sb.Append("  graph [fontname=\"Helvetica\", fontsize=11, nodesep=0.3, ranksep=0.6];\n");
        sb.Append("  node [fontname=\"Helvetica\", fontsize=10, shape=box, style=\"rounded,filled\", margin=\"0.15,0.06\"];\n");
        sb.Append("  edge [fontname=\"Helvetica\", fontsize=9, dir=none, color=\"#555555\"];\n");
        // Boxes in declaration order; a cluster is written whole where its first box comes.
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
            sb.Append("  subgraph cluster_").Append(cluster.Id).Append(" {\n");
            sb.Append("    label=\"").Append(DiagramText.Dot(cluster.Label)).Append("\"; style=\"rounded,dashed\"; color=\"#888888\";\n");
            foreach (var member in graph.Nodes.Where(n => n.Cluster == cluster.Id)) WriteNode(sb, member, "    ");
            sb.Append("  }\n");
        }
        foreach (var edge in graph.Edges)
        {
            sb.Append("  ").Append(edge.From).Append(" -> ").Append(edge.To).Append(" [");
            var attributes = new System.Collections.Generic.List<string>();
            if (edge.Lines.Count > 0) attributes.Add("label=\"" + Label(edge.Lines) + "\"");
            if (edge.Kind == DiagramEdgeKind.Allow) attributes.Add("dir=forward, style=bold, color=\"#b03b30\"");
            if (edge.Kind == DiagramEdgeKind.Attachment) attributes.Add("style=dashed");
            sb.Append(string.Join(", ", attributes)).Append("];\n");
        }
        sb.Append("}\n");
        return sb.ToString();
    }

    private static void WriteNode(StringBuilder sb, DiagramNode node, string indent)
    {
        var style = DiagramStyle.Of(node.Kind);
        sb.Append(indent).Append(node.Id).Append(" [label=\"").Append(Label(node.Lines)).Append("\", shape=").Append(Shape(node.Kind))
          .Append(", fillcolor=\"").Append(style.Fill).Append("\", color=\"").Append(style.Stroke).Append("\"];\n");
    }

    private static string Label(System.Collections.Generic.IEnumerable<string> lines) => string.Join("\\n", lines.Select(DiagramText.Dot));

    private static string Shape(DiagramNodeKind kind) => kind switch
    {
        DiagramNodeKind.Bridge => "box, style=filled",
        DiagramNodeKind.ContainerGroup => "box3d, style=filled",
        DiagramNodeKind.Upstream => "cds",
        DiagramNodeKind.ExternalHost => "ellipse",
        DiagramNodeKind.Link => "ellipse",
        _ => "box",
    };
}
