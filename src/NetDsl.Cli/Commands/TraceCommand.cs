using System.CommandLine;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using NetDsl.Model;
using NetDsl.Targets.Diagrams;
using NetDsl.Tracing;

namespace NetDsl.Cli.Commands;

/// <summary>`netdsl trace FILE FROM TO [--format table|json|mermaid]`: the path a ping takes, hop by hop, with every rewrite, and its reply.</summary>
public static class TraceCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "The .netdsl file." };
        var from = new Argument<string>("from") { Description = "A container, docker host or device." };
        var to = new Argument<string>("to") { Description = "A name, an address, or a link-local with its zone (fe80::1%eth0)." };
        var format = new Option<string>("--format") { Description = "table (default), json, or mermaid (a sequence diagram).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "mermaid");
        var set = SourceFile.SetOption();
        var command = new Command("trace", "Trace a packet hop by hop with every address rewrite, and its reply.") { file, from, to, format, set };
        command.SetAction(parse =>
        {
            var result = SourceFile.Compile(parse.GetValue(file)!, parse.GetValue(set), console);
            if (result is null) return ExitCodes.Usage;
            if (result.Model is null) return ExitCodes.Failure;
            var target = ExpectTarget.Parse(parse.GetValue(to)!);
            if (target is null)
            {
                console.Error.WriteLine($"netdsl: '{parse.GetValue(to)}' is neither a name nor an address");
                return ExitCodes.Usage;
            }
            // A name the file does not declare is a bad argument (64), like a malformed address; a path that breaks is 1.
            var endpoints = Endpoints(result.Model);
            var origins = endpoints.Except(result.Model.Upstreams.SelectMany(u => u.Hosts).Select(h => h.Name)).ToList();
            foreach (var (role, name, known, kinds) in new[] { ("from", parse.GetValue(from)!, origins, "host, container or device"),
                         ("to", target.Name, endpoints, "host, container, device or external host") })
            {
                if (name is null || known.Contains(name)) continue;
                console.Error.WriteLine($"netdsl: trace {role} '{NetDsl.Diagnostics.MessageText.Cut(name)}': no {kinds} of that name is declared."
                    + NetDsl.Naming.Suggestions.DidYouMean(name, known));
                return ExitCodes.Usage;
            }
            var tracer = new PathTracer(result.Model);
            var trace = tracer.Trace(parse.GetValue(from)!, target);
            switch (parse.GetValue(format))
            {
                case "json": console.Out.WriteLine(ToJson(trace)); break;
                case "mermaid": console.Out.Write(PathDiagram.Mermaid(trace, tracer.Topology)); break;
                default: TraceTable.Write(trace, console.Out); break;
            }
            return trace.Succeeded ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    /// <summary>Every name a trace can start from or go to, in declaration order.</summary>
    private static System.Collections.Generic.List<string> Endpoints(NetworkModel model) =>
        model.Hosts.Select(h => h.Name).Concat(model.Containers.Select(c => c.Name)).Concat(model.Routers.Select(r => r.Name))
            .Concat(model.Firewalls.Select(f => f.Name)).Concat(model.Upstreams.Select(u => u.Name))
            .Concat(model.Upstreams.SelectMany(u => u.Hosts).Select(h => h.Name)).ToList();

    public static string ToJson(TraceResult trace) => JsonSerializer.Serialize(trace, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new ToStringConverter<NetDsl.Addressing.IpAddress>() },
    };

    /// <summary>Addresses as RFC 5952 text rather than their 128-bit fields.</summary>
    private sealed class ToStringConverter<T> : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, System.Type typeToConvert, JsonSerializerOptions options) => throw new System.NotSupportedException();

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value?.ToString());
    }
}

/// <summary>The people-readable form of a trace.</summary>
public static class TraceTable
{
    public static void Write(TraceResult trace, System.IO.TextWriter output)
    {
        output.WriteLine($"trace {trace.From} -> {trace.To}: {trace.Source} -> {trace.Destination}");
        Section("forward", trace.Forward, output);
        if (trace.Return.Count > 0) Section("return", trace.Return, output);
        output.WriteLine(trace.Succeeded ? "result: ok" : $"result: BROKEN at {trace.BrokenAt}: {trace.Reason}");
    }

    private static void Section(string title, EquatableArray<TraceHop> hops, System.IO.TextWriter output)
    {
        output.WriteLine($"  {title}:");
        int n = 1;
        foreach (var hop in hops)
        {
            string inOut = (hop.Ingress ?? "-") + " -> " + (hop.Egress ?? "-");
            output.WriteLine($"  {n++,3}. {hop.Device,-14} {inOut,-34} src {hop.Source}  dst {hop.Destination}");
            if (hop.Route is not null) output.WriteLine($"       route {hop.Route}");
            foreach (var r in hop.Rewrites) output.WriteLine($"       {r.Kind}: {r.Field} {r.From} => {r.To}  ({r.Detail})");
            if (hop.Note is not null) output.WriteLine($"       {hop.Note}");
        }
    }
}
