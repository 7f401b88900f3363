using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using NetDsl.Addressing;
using NetDsl.Captures.Model;
using NetDsl.Model;

namespace NetDsl.Captures.Parsers;

/// <summary>
/// Reads `docker network inspect` JSON: an array of networks (or one network object), each with Name, Id, Driver,
/// EnableIPv6, IPAM.Config (Subnet, Gateway), Containers (Name, MacAddress, IPv4Address, IPv6Address) and Options.
/// Unknown fields are ignored. JSON carries no line numbers once parsed, so each fact's line is found by looking for
/// its key and value in the text, in document order.
/// </summary>
public static class DockerNetworkInspectParser
{
    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static CaptureParseResult<ObservedNetwork> Parse(string text, string fileName) =>
        ParseSink<ObservedNetwork>.Run(text, fileName, Read);

    private static void Read(ParseSink<ObservedNetwork> sink)
    {
        if (sink.Capture.Lines.Count == 0) return;
        string body = sink.Capture.BodyWithOriginalLineNumbers();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Lenient);
        }
        catch (JsonException ex)
        {
            int line = (int)(ex.LineNumber ?? 0) + 1;
            sink.Error(line, "Not valid JSON (was the output cut short?): " + FirstSentence(ex.Message));
            return;
        }
        using (document)
        {
            var locator = new LineLocator(sink.Capture.Lines);
            var root = document.RootElement;
            IEnumerable<JsonElement> networks = root.ValueKind switch
            {
                JsonValueKind.Array => root.EnumerateArray(),
                JsonValueKind.Object => new[] { root },
                _ => Array.Empty<JsonElement>(),
            };
            if (root.ValueKind is not (JsonValueKind.Array or JsonValueKind.Object))
                sink.Error(locator.FirstLine, "Expected a JSON array of networks, as `docker network inspect` prints.");
            foreach (var network in networks)
            {
                if (network.ValueKind != JsonValueKind.Object)
                {
                    sink.Error(locator.FirstLine, "Expected each network to be a JSON object.");
                    continue;
                }
                var observed = ReadNetwork(sink, network, locator);
                if (observed is not null) sink.Add(observed);
            }
        }
    }

    private static ObservedNetwork? ReadNetwork(ParseSink<ObservedNetwork> sink, JsonElement network, LineLocator locator)
    {
        string? name = String(network, "Name");
        if (name is null)
        {
            sink.Error(locator.FirstLine, "A network without a \"Name\".");
            return null;
        }
        var location = sink.At(locator.Find("\"Name\"", name));
        var subnets = new List<ObservedSubnet>();
        if (network.TryGetProperty("IPAM", out var ipam) && ipam.ValueKind == JsonValueKind.Object
            && ipam.TryGetProperty("Config", out var configs) && configs.ValueKind == JsonValueKind.Array)
        {
            foreach (var config in configs.EnumerateArray())
            {
                if (ReadSubnet(sink, config, locator) is { } subnet) subnets.Add(subnet);
            }
        }
        var containers = new List<ObservedEndpoint>();
        if (network.TryGetProperty("Containers", out var endpoints) && endpoints.ValueKind == JsonValueKind.Object)
        {
            foreach (var endpoint in endpoints.EnumerateObject())
            {
                if (ReadEndpoint(sink, endpoint, locator) is { } container) containers.Add(container);
            }
        }
        var options = new List<NetworkOption>();
        if (network.TryGetProperty("Options", out var optionsElement) && optionsElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var option in optionsElement.EnumerateObject())
                options.Add(new NetworkOption(option.Name, option.Value.ValueKind == JsonValueKind.String ? option.Value.GetString()! : option.Value.GetRawText()));
        }
        bool enableIPv6 = network.TryGetProperty("EnableIPv6", out var v6) && v6.ValueKind == JsonValueKind.True;
        return new ObservedNetwork(sink.Device, name, String(network, "Id"), String(network, "Driver"), enableIPv6,
            subnets.ToEquatableArray(), containers.ToEquatableArray(), options.ToEquatableArray(), location);
    }

    private static ObservedSubnet? ReadSubnet(ParseSink<ObservedNetwork> sink, JsonElement config, LineLocator locator)
    {
        string? subnetText = String(config, "Subnet");
        if (subnetText is null) return null;
        int line = locator.Find("\"Subnet\"", subnetText);
        if (!CapturedPrefix.TryParse(subnetText, out var subnet))
        {
            sink.Error(line, $"'{subnetText}' is not a subnet.");
            return null;
        }
        CapturedAddress? gateway = null;
        if (String(config, "Gateway") is { Length: > 0 } gatewayText)
        {
            // Docker prints a bare address here; some versions and hand-written files carry a prefix length.
            string bare = gatewayText.Split('/')[0];
            if (CapturedAddress.TryParse(bare, out var parsed)) gateway = parsed;
            else sink.Error(locator.Find("\"Gateway\"", gatewayText), $"'{gatewayText}' is not a gateway address.");
        }
        return new ObservedSubnet(subnet, gateway, sink.At(line));
    }

    private static ObservedEndpoint? ReadEndpoint(ParseSink<ObservedNetwork> sink, JsonProperty endpoint, LineLocator locator)
    {
        int line = locator.Find("\"" + endpoint.Name + "\"", null);
        var value = endpoint.Value;
        if (value.ValueKind != JsonValueKind.Object)
        {
            sink.Error(line, $"Container {endpoint.Name} is not a JSON object.");
            return null;
        }
        string name = String(value, "Name") ?? endpoint.Name;
        MacAddress? mac = null;
        if (String(value, "MacAddress") is { Length: > 0 } macText)
        {
            if (MacAddress.TryParse(macText, out var parsed)) mac = parsed;
            else sink.Error(locator.Find("\"MacAddress\"", macText), $"'{macText}' is not a MAC address.");
        }
        return new ObservedEndpoint(endpoint.Name, name, mac, Prefix(sink, value, "IPv4Address", locator),
            Prefix(sink, value, "IPv6Address", locator), sink.At(line));
    }

    private static CapturedPrefix? Prefix(ParseSink<ObservedNetwork> sink, JsonElement element, string key, LineLocator locator)
    {
        if (String(element, key) is not { Length: > 0 } text) return null;
        if (CapturedPrefix.TryParse(text, out var prefix)) return prefix;
        sink.Error(locator.Find("\"" + key + "\"", text), $"'{text}' is not an address with a prefix length.");
        return null;
    }

    private static string? String(JsonElement element, string key) =>
        element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message.Substring(0, end + 1);
    }

    /// <summary>Finds the line of a key (and value) searching forward from the last hit, so repeated keys map in order.</summary>
    private sealed class LineLocator(IReadOnlyList<CaptureLine> lines)
    {
        private int _cursor;

        public int FirstLine => lines.Count > 0 ? lines[0].Number : 1;

        public int Find(string key, string? value)
        {
            for (int i = _cursor; i < lines.Count; i++)
            {
                string text = lines[i].Text;
                if (text.Contains(key, StringComparison.Ordinal) && (value is null || text.Contains(value, StringComparison.Ordinal)))
                {
                    _cursor = i;
                    return lines[i].Number;
                }
            }
            return _cursor < lines.Count ? lines[_cursor].Number : FirstLine;
        }
    }
}
