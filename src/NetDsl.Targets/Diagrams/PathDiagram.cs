using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using NetDsl.Model;
using NetDsl.Tracing;

namespace NetDsl.Targets.Diagrams;

/// <summary>
/// A trace as a Mermaid sequence diagram: one lifeline per device in the order the packet meets them, one
/// message per hop (interfaces, source and destination as the packet leaves, the route that sent it), a note
/// wherever a device rewrites an address (masquerade with its conntrack tuple, NPTv6 with its rule), the reply as
/// dashed messages, and a broken path ending at the device that breaks it, with the reason. It draws
/// <see cref="TraceResult"/> and nothing else: when the tracer changes, the picture changes with it.
/// </summary>
public static class PathDiagram
{
    public static string Mermaid(TraceResult trace, Topology topology)
    {
        var sb = new StringBuilder();
        sb.Append("sequenceDiagram\n");
        var lifelines = new List<string>();
        string Lifeline(string device)
        {
            int index = lifelines.IndexOf(device);
            if (index >= 0) return "d" + index.ToString(CultureInfo.InvariantCulture);
            lifelines.Add(device);
            return Lifeline(device);
        }
        // Declare every lifeline first, in the order the packet meets the devices.
        Lifeline(trace.From);
        foreach (var hop in trace.Forward.Concat(trace.Return)) Lifeline(hop.Device);
        if (trace.BrokenAt is { } brokenAt) Lifeline(brokenAt);
        for (int i = 0; i < lifelines.Count; i++)
        {
            string kind = topology.Find(lifelines[i]) is { } device ? KindName(device.Kind) : "not declared";
            sb.Append("  participant d").Append(i.ToString(CultureInfo.InvariantCulture)).Append(" as ")
              .Append(DiagramText.Mermaid(lifelines[i] + " (" + kind + ")")).Append('\n');
        }

        string first = Lifeline(trace.From);
        Note(sb, first, "ping " + trace.From + " → " + trace.To, trace.Source == default && trace.Destination == default
            ? new string[0]
            : new[] { "src " + trace.Source, "dst " + trace.Destination });
        string? ok = trace.Succeeded ? "ok: " + Count(trace.Forward.Count, "hop") + " out, " + Count(trace.Return.Count, "hop") + " back" : null;
        Hops(sb, trace.Forward, "->>", Lifeline, trace.Return.Count == 0 ? ok : null);
        if (trace.Return.Count > 0)
        {
            string from = Lifeline(trace.Return[0].Device);
            Note(sb, from, "reply", new[] { "src " + trace.Return[0].Source, "dst " + trace.Return[0].Destination });
            Hops(sb, trace.Return, "-->>", Lifeline, ok);
        }
        if (!trace.Succeeded)
        {
            // A highlighted note where the path ends, saying why.
            sb.Append("  rect rgb(253, 226, 223)\n");
            Note(sb, Lifeline(trace.BrokenAt ?? trace.From), "BROKEN at " + (trace.BrokenAt ?? trace.From), new[] { trace.Reason ?? "" }, indent: "    ");
            sb.Append("  end\n");
        }
        return sb.ToString();
    }

    /// <param name="summary">A last line for the note where the packet stops (the trace's verdict), if any.</param>
    private static void Hops(StringBuilder sb, EquatableArray<TraceHop> hops, string arrow, System.Func<string, string> lifeline, string? summary)
    {
        for (int i = 0; i < hops.Count; i++)
        {
            var hop = hops[i];
            if (hop.Rewrites.Count > 0)
            {
                var lines = new List<string>();
                foreach (var r in hop.Rewrites)
                {
                    lines.Add(RewriteName(r.Kind) + ": " + r.Field);
                    lines.Add(r.From + " → " + r.To);
                    lines.Add(r.Detail);
                }
                Note(sb, lifeline(hop.Device), lines[0], lines.Skip(1));
            }
            bool last = i == hops.Count - 1;
            if (last || hop.Egress is null)
            {
                // The packet stops here: delivered, or the note says why it cannot go on (drawn by the caller when broken).
                if (hop.Note is { } note && !note.StartsWith("broken:", System.StringComparison.Ordinal))
                    Note(sb, lifeline(hop.Device), note, last && summary is not null ? new[] { summary } : new string[0]);
                continue;
            }
            var next = hops[i + 1];
            var message = new List<string> { hop.Egress + " → " + (next.Ingress ?? "?"), "src " + hop.Source, "dst " + hop.Destination };
            if (hop.Route is { } route) message.Add("route " + route);
            sb.Append("  ").Append(lifeline(hop.Device)).Append(arrow).Append(lifeline(next.Device)).Append(": ")
              .Append(string.Join("<br/>", message.Select(DiagramText.Mermaid))).Append('\n');
        }
    }

    private static void Note(StringBuilder sb, string lifeline, string title, IEnumerable<string> lines, string indent = "  ")
    {
        var all = new[] { title }.Concat(lines).Where(l => l.Length > 0).SelectMany(l => Wrap(l, NoteWidth));
        sb.Append(indent).Append("Note over ").Append(lifeline).Append(": ").Append(string.Join("<br/>", all.Select(DiagramText.Mermaid))).Append('\n');
    }

    // Mermaid sizes a note by its longest line and does not wrap it: a long reason would run out of its box.
    private const int NoteWidth = 90;

    /// <summary>The line cut at spaces into pieces of at most <paramref name="width"/> characters (a longer word stays whole).</summary>
    private static IEnumerable<string> Wrap(string line, int width)
    {
        while (line.Length > width)
        {
            int cut = line.LastIndexOf(' ', width);
            if (cut <= 0) cut = line.IndexOf(' ', width);
            if (cut <= 0) break;
            yield return line.Substring(0, cut);
            line = line.Substring(cut + 1);
        }
        yield return line;
    }

    private static string RewriteName(string kind) => kind switch
    {
        "masquerade" => "masquerade",
        "unmasquerade" => "conntrack (un-masquerade)",
        "nptv6-out" => "NPTv6 out",
        "nptv6-in" => "NPTv6 in",
        _ => kind,
    };

    private static string KindName(DeviceKind kind) => kind switch
    {
        DeviceKind.DockerHost => "docker-host",
        DeviceKind.Container => "container",
        DeviceKind.Router => "router",
        DeviceKind.Firewall => "firewall",
        DeviceKind.Upstream => "upstream",
        _ => kind.ToString(),
    };

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");
}
