using NetDsl.Captures.Model;
using NetDsl.Captures.Parsers;
using NetDsl.Model;

namespace NetDsl.Captures;

/// <summary>Runs the parser for a format. Never throws; a text with no known format gives one error.</summary>
public static class CaptureParsers
{
    public static CaptureParseResult<Observation> Parse(CaptureFormat format, string text, string fileName) => format switch
    {
        CaptureFormat.DockerNetworkInspect => DockerNetworkInspectParser.Parse(text, fileName).Widen(),
        CaptureFormat.IpAddr => IpAddrParser.Parse(text, fileName).Widen(),
        CaptureFormat.IpRoute => IpRouteParser.Parse(text, fileName).Widen(),
        CaptureFormat.NftList => NftParser.Parse(text, fileName).Widen(),
        CaptureFormat.IptablesSave => IptablesSaveParser.Parse(text, fileName),
        CaptureFormat.Conntrack => ConntrackParser.Parse(text, fileName).Widen(),
        CaptureFormat.IosRunningConfig => IosRunningConfigParser.Parse(text, fileName),
        CaptureFormat.PanosShowInterfaceAll => PanosShowInterfaceParser.Parse(text, fileName).Widen(),
        CaptureFormat.PanosNatPolicy => PanosNatPolicyParser.Parse(text, fileName).Widen(),
        CaptureFormat.PanosSetCommands => PanosSetCommandsParser.Parse(text, fileName),
        _ => Unknown(fileName, "No parser for format " + format + "."),
    };

    /// <summary>
    /// Finds the format from the header, the file name or the prompt line (see <see cref="CaptureFileName"/>) and
    /// parses. <paramref name="format"/> is null when none of them names a command NetDsl can read.
    /// </summary>
    public static CaptureParseResult<Observation> Parse(string text, string fileName, out CaptureFormat? format)
    {
        var identified = CaptureText.Read(text, fileName);
        format = identified.Format;
        if (format is { } known) return Parse(known, text, fileName);
        var errors = identified.Errors.ToEquatableArray();
        if (errors.IsEmpty)
            errors = EquatableArray.Of(new CaptureError(fileName, 1,
                "Cannot tell which command printed this file: name it <device>.<command>.txt (e.g. dockerhost.ip-6-route.txt), "
                + "add a first line '# netdsl-capture: device=NAME command=\"ip -6 route\"', or keep the prompt line above the output."));
        return new CaptureParseResult<Observation>(identified.Device, identified.Command, EquatableArray<Observation>.Empty, errors, false);
    }

    private static CaptureParseResult<Observation> Unknown(string fileName, string message) =>
        new("", null, EquatableArray<Observation>.Empty, EquatableArray.Of(new CaptureError(fileName, 1, message)), false);
}
