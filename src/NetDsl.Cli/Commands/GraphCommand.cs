using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using NetDsl.Model;
using NetDsl.Targets.Diagrams;

namespace NetDsl.Cli.Commands;

/// <summary>
/// `netdsl graph FILE [--format mermaid|dot|svg] [-o OUT] [--expand HOST]…`: the topology as a diagram. The drawing
/// is decided by <see cref="TopologyGraph"/>; this command picks the notation and where it goes.
/// </summary>
public static class GraphCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "The .netdsl file." };
        var format = new Option<string>("--format") { Description = "mermaid (default), dot, or svg (dot rendered by Graphviz, which must be installed).", DefaultValueFactory = _ => "mermaid" };
        format.AcceptOnlyFromAmong("mermaid", "dot", "svg");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var expand = new Option<string[]>("--expand")
        {
            Description = $"Draw every network and container of this docker host (repeatable); otherwise networks with more than {TopologyGraphOptions.DefaultContainersPerNetwork} containers, and hosts with more than {TopologyGraphOptions.DefaultNetworksPerHost} networks, are drawn as one box.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var set = SourceFile.SetOption();
        var command = new Command("graph", "Draw the topology: hosts, bridges, containers, routers, firewalls and upstreams, with prefixes, masquerade and NPTv6.")
        {
            file, format, output, expand, set,
        };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(format)!, parse.GetValue(output), parse.GetValue(expand) ?? Array.Empty<string>(), parse.GetValue(set), console));
        return command;
    }

    private static int Run(string path, string format, string? output, string[] expand, string[]? sets, CliConsole console)
    {
        var compiled = SourceFile.Compile(path, sets, console);
        if (compiled is null) return ExitCodes.Usage;
        // Like trace: a file whose only errors are broken expects still has its whole model, and is drawn.
        if (compiled.Model is not { } model)
        {
            console.Error.WriteLine($"netdsl: {path} has errors; nothing drawn.");
            return ExitCodes.Failure;
        }
        foreach (var host in expand.Where(h => model.FindHost(h) is null))
        {
            console.Error.WriteLine($"netdsl: --expand {host}: no docker-host named '{host}'" +
                (model.Hosts.Count > 0 ? " (declared: " + string.Join(", ", model.Hosts.Select(h => h.Name)) + ")" : " (the file declares none)"));
            return ExitCodes.Usage;
        }

        var graph = TopologyGraph.Build(model, TopologyGraphOptions.Default.Expanding(expand));
        string text;
        if (format == "mermaid") text = MermaidFlowchart.Write(graph);
        else if (format == "dot") text = DotGraph.Write(graph);
        else
        {
            var svg = Graphviz.Svg(DotGraph.Write(graph));
            if (svg.Error is not null)
            {
                console.Error.WriteLine("netdsl: " + svg.Error);
                return ExitCodes.Failure;
            }
            text = svg.Svg!;
        }
        return Emit(text, output, console);
    }

    private static int Emit(string text, string? output, CliConsole console)
    {
        if (output is null)
        {
            console.Out.Write(text);
            return ExitCodes.Success;
        }
        string? temp = null;
        try
        {
            // Beside the target and renamed over it: a reader never sees half a drawing.
            string full = Path.GetFullPath(output);
            temp = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".netdsl-tmp");
            File.WriteAllText(temp, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temp, full, overwrite: true);
            console.Out.WriteLine("wrote: " + output);
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            console.Error.WriteLine($"netdsl: cannot write '{output}': {e.Message}");
            return ExitCodes.Usage;
        }
        finally
        {
            if (temp is not null && File.Exists(temp)) File.Delete(temp);
        }
    }
}
