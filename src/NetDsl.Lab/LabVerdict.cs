using System.Collections.Generic;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetDsl.Lab;

/// <summary>A masquerade's conntrack entry trace predicts, and whether the lab's host holds it.</summary>
public sealed record ConntrackCheck(string Device, string Entry, bool Found);

/// <summary>
/// One expect as `lab test` judged it: trace's verdict and the lab's, side by side. The JSON form (`lab test --format
/// json`, camelCase, every field always present) is documented in docs/lab.md and stable: fields are only ever added.
/// </summary>
/// <param name="Expect">The statement: "expect ping cnt01 -> dns.google".</param>
/// <param name="Kind">"ping" or "no-ping".</param>
/// <param name="TraceReached">Trace: the echo request reaches the target and its reply comes back.</param>
/// <param name="LabReached">Lab: an echo request was seen at the target and a reply came back to the sender.</param>
/// <param name="Holds">The expect holds in the lab: ping — reached; no-ping — no reply and nothing seen at the target.</param>
/// <param name="Agree">Trace and lab agree: the same Reached, the same arrival of the request at the target (when the lab
/// could watch it), the same source there when both saw it, and every conntrack entry trace predicts.</param>
/// <param name="TraceSource">The request's source at the target by trace (null when it does not arrive).</param>
/// <param name="LabSource">The request's source seen at the target in the lab (null when nothing was captured).</param>
/// <param name="Error">Null, or why the lab could not tell (then Agree and Holds are false).</param>
/// <param name="TraceArrived">Trace: the echo request reaches the target (also when its reply then breaks).</param>
/// <param name="LabArrived">Lab: an echo request was seen at the target; null when the target is outside the lab.</param>
/// <param name="Reply">Lab: the sender got a reply.</param>
/// <param name="TraceBrokenAt">Trace: the device where the path breaks (null when it works).</param>
/// <param name="TraceReason">Trace: why it breaks.</param>
/// <param name="Target">The device whose namespace was watched (null when none).</param>
/// <param name="Conntrack">The conntrack entries checked (only when both trace and the lab saw the request arrive).</param>
public sealed record LabVerdict(
    string Expect,
    string Kind,
    bool TraceReached,
    bool LabReached,
    bool Holds,
    bool Agree,
    string? TraceSource,
    string? LabSource,
    string? Error,
    bool TraceArrived,
    bool? LabArrived,
    bool Reply,
    string? TraceBrokenAt,
    string? TraceReason,
    string? Target,
    IReadOnlyList<ConntrackCheck> Conntrack)
{
    public bool Passed => Agree && Holds && Error is null;

    /// <summary>ok (holds, agrees), FAIL (does not hold, and trace said so), DIFF (trace and lab disagree), ERROR (the lab could not tell).</summary>
    public string Status => Error is not null ? "ERROR" : !Agree ? "DIFF" : Holds ? "ok" : "FAIL";

    /// <summary>One line of `lab test`'s text output.</summary>
    public string Line()
    {
        string trace = TraceReached ? "reached" : TraceArrived ? $"request arrives, reply broken at {TraceBrokenAt}: {TraceReason}" : $"broken at {TraceBrokenAt}: {TraceReason}";
        string lab = Error is not null ? Error
            : (Reply ? "reply" : "no reply") + (LabArrived is null ? " (target not watched)" : LabArrived.Value ? $", request seen at {Target} from {LabSource}" : $", nothing seen at {Target}");
        var facts = new List<string> { "trace: " + trace, "lab: " + lab };
        if (TraceSource is not null && LabSource is not null)
            facts.Add(TraceSource == LabSource ? $"src {LabSource} = trace" : $"src {LabSource}, trace says {TraceSource}");
        facts.AddRange(Conntrack.Select(c => $"conntrack on {c.Device} {c.Entry} " + (c.Found ? "= trace" : "MISSING")));
        return $"{Status,-6}{Expect}  ({string.Join("; ", facts)})";
    }

    public static string ToJson(IEnumerable<LabVerdict> verdicts) => JsonSerializer.Serialize(verdicts.ToList(), Options);

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
