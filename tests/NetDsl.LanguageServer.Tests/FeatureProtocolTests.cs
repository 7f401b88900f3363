using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.LanguageServer.Tests;

/// <summary>Hover, completion, navigation, rename, outline, formatting and quick fixes, through the real stdio, on the seed example.</summary>
public class FeatureProtocolTests
{
    private const string Uri = "file:///work/lab.netdsl";
    private LspClient _client = null!;
    private string[] _lines = Array.Empty<string>();

    [SetUp]
    public void Start()
    {
        string text = File.ReadAllText(RepoPaths.SquidExample);
        _lines = text.Split('\n');
        _client = new LspClient();
        _client.Initialize(new JsonObject { ["parameters"] = new JsonObject { ["DNS_GOOGLE"] = "2001:4860:4860::8844" } });
        _client.Open(Uri, text);
        _client.Notification("textDocument/publishDiagnostics");
    }

    [TearDown]
    public void Stop()
    {
        Assert.That(_client.Shutdown(), Is.EqualTo(0), _client.Stderr);
        _client.Dispose();
    }

    /// <summary>The 0-based position of the n-th occurrence of a text (optionally on the line that starts with a prefix).</summary>
    private (int Line, int Character) Find(string text, string? lineStart = null, int skip = 0)
    {
        for (int i = 0; i < _lines.Length; i++)
        {
            if (lineStart is not null && !_lines[i].TrimStart().StartsWith(lineStart, StringComparison.Ordinal)) continue;
            int at = _lines[i].IndexOf(text, StringComparison.Ordinal);
            if (at < 0) continue;
            if (skip-- > 0) continue;
            return (i, at);
        }
        throw new ArgumentException(text + " not found");
    }

    private string Hover(string text, string? lineStart = null)
    {
        var (line, ch) = Find(text, lineStart);
        var result = _client.Result("textDocument/hover", LspClient.At(Uri, line, ch + 1));
        Assert.That(result, Is.Not.Null, "hover on " + text);
        return result!["contents"]!["value"]!.GetValue<string>();
    }

    [Test]
    public void Hover_shows_what_netdsl_predicts()
    {
        var container = Hover("cnt01", "container");
        Assert.That(container, Does.Contain("fd5a:ceb9:ed8d:1::2/64").And.Contain("(predicted)").And.Contain("172.26.0.2")
            .And.Contain("02:42:ac:1a:00:02").And.Contain("fe80::42:acff:fe1a:2"));
        var network = Hover("br_ipv6_nw", "network");
        Assert.That(network, Does.Contain("gateway `fd5a:ceb9:ed8d:1::1`").And.Contain("bridge `br_ipv6_nw`").And.Contain("fe80::1"));
        Assert.That(Hover("DNS_GOOGLE", "let"), Does.Contain("2001:4860:4860::8844").And.Contain("editor's settings"), "the override from the server's settings");
        Assert.That(Hover("ROUTINGPREFIX", "let"), Does.Contain("2001:db8:ff00::/48"));
        var nptv6 = Hover("fd5a:ceb9:ed8d:fe0a::/64", "fd5a:ceb9:ed8d:fe0a::/64 ->");
        Assert.That(nptv6, Does.Contain("nat66_NPTv6_to_internet").And.Contain("→ `2001:db8:ff00:ff66::/64`"));
        // An inside address elsewhere in the file shows the address it leaves as.
        var inside = Hover("fd5a:ceb9:ed8d:fe0a::1/64", "interface Vlan10");
        Assert.That(inside, Does.Match("fd5a:ceb9:ed8d:fe0a::1` → `2001:db8:ff00:ff66:[0-9a-f]+::1`"));
        Assert.That(Hover("subnet", "subnet fd5a"), Does.Contain("an IPv6 or IPv4 prefix"));
    }

    private string[] Complete(int line, int character) =>
        ((JsonArray)_client.Result("textDocument/completion", LspClient.At(Uri, line, character))!["items"]!).Select(i => i!["label"]!.GetValue<string>()).ToArray();

    [Test]
    public void Completion_offers_what_the_position_takes()
    {
        var (line, _) = Find("container cnt01");
        // A new statement: the statement keywords.
        _client.Notify("textDocument/didChange", DiagnosticsProtocolTests.Change(Uri, 2, (line - 1, 0, line - 1, 0, "container web on ")));
        Assert.That(Complete(line - 1, "container web on ".Length), Does.Contain("br_ipv6_nw").And.Not.Contain("dockerhost"), "networks after a container's 'on'");
        _client.Notify("textDocument/didChange", DiagnosticsProtocolTests.Change(Uri, 3, (line - 1, 0, line - 1, "container web on ".Length, "network n2 on d")));
        Assert.That(Complete(line - 1, "network n2 on d".Length), Does.Contain("dockerhost").And.Not.Contain("br_ipv6_nw"), "hosts after a network's 'on'");
        _client.Notify("textDocument/didChange", DiagnosticsProtocolTests.Change(Uri, 4, (line - 1, 0, line - 1, "network n2 on d".Length, "")));
        Assert.That(Complete(line - 1, 0), Is.SupersetOf(new[] { "let", "docker-host", "network", "container", "router", "firewall", "upstream", "expect" }));
        // Inside the container's block: its settings and the parameters.
        Assert.That(Complete(line + 1, 2), Is.SupersetOf(new[] { "image", "command", "tty", "interactive", "address", "CNT01_IMAGE", "ROUTINGPREFIX" }));
        // In a docker-host block after 'dev': the host's interfaces.
        var (routeLine, _) = Find("route ::/0 via fe80::1 dev ens192");
        Assert.That(Complete(routeLine, _lines[routeLine].IndexOf("ens192", StringComparison.Ordinal)), Does.Contain("ens192"));
        // An expect target: the endpoints.
        var (expectLine, _) = Find("expect ping cnt01 -> dns.google");
        Assert.That(Complete(expectLine, _lines[expectLine].IndexOf("dns.google", StringComparison.Ordinal)), Is.SupersetOf(new[] { "dns.google", "dockerhost", "cnt01", "Rdc01" }));
    }

    private JsonArray Locations(string method, (int Line, int Character) at)
    {
        var p = LspClient.At(Uri, at.Line, at.Character);
        p["context"] = new JsonObject { ["includeDeclaration"] = true };
        return (JsonArray)_client.Result(method, p)!;
    }

    [Test]
    public void Definition_references_and_rename_follow_every_use()
    {
        var use = Find("br_ipv6_nw", "container");
        var definition = Locations("textDocument/definition", (use.Line, use.Character + 2));
        Assert.That(definition.Select(l => l!["range"]!["start"]!.ToJsonString()), Is.EqualTo(new[] { $"{{\"line\":{Find("br_ipv6_nw", "network").Line},\"character\":8}}" }));

        var parameter = Find("ROUTINGPREFIX", "let");
        var references = Locations("textDocument/references", (parameter.Line, parameter.Character));
        int textual = _lines.Sum(l => l.Split("ROUTINGPREFIX").Length - 1) - _lines.Where(l => l.TrimStart().StartsWith('#')).Sum(l => l.Split("ROUTINGPREFIX").Length - 1);
        Assert.That(references, Has.Count.EqualTo(textual), "every use, composed addresses included, comments not");

        var iface = Find("ethernet1/1.999", "interface ethernet1/1.999");
        Assert.That(Locations("textDocument/references", iface), Has.Count.EqualTo(3), "declaration, the route's 'via', the nptv6 'interface'");

        var rename = _client.Result("textDocument/rename", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri },
            ["position"] = new JsonObject { ["line"] = use.Line, ["character"] = use.Character },
            ["newName"] = "apps",
        })!;
        var edits = (JsonArray)rename["changes"]![Uri]!;
        Assert.That(edits, Has.Count.EqualTo(2), "the network's declaration and the container's 'on'");
        Assert.That(edits.All(e => e!["newText"]!.GetValue<string>() == "apps"), Is.True);

        var bad = _client.Request("textDocument/rename", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri },
            ["position"] = new JsonObject { ["line"] = use.Line, ["character"] = use.Character },
            ["newName"] = "a b",
        });
        Assert.That(bad["error"]?["message"]?.GetValue<string>(), Does.Contain("is not a name"));
    }

    [Test]
    public void The_outline_lists_every_statement_with_its_parts()
    {
        var symbols = (JsonArray)_client.Result("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri } })!;
        var names = symbols.Select(s => s!["name"]!.GetValue<string>()).ToList();
        Assert.That(names, Is.SupersetOf(new[] { "ROUTINGPREFIX", "dockerhost", "br_ipv6_nw", "cnt01", "Rdc01", "FWdc01", "isp" }));
        var firewall = symbols.First(s => s!["name"]!.GetValue<string>() == "FWdc01")!;
        Assert.That(((JsonArray)firewall["children"]!).Select(c => c!["name"]!.GetValue<string>()),
            Is.SupersetOf(new[] { "ethernet1/1.999", "ethernet1/2.252", "trust_to_untrust", "nat66_NPTv6_to_internet" }));
    }

    [Test]
    public void Formatting_gives_what_netdsl_fmt_writes()
    {
        const string messy = "let  A=1\ndocker-host h {engine 20.10}\n";
        _client.Open("file:///work/messy.netdsl", messy);
        var edits = (JsonArray)_client.Result("textDocument/formatting", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = "file:///work/messy.netdsl" },
            ["options"] = new JsonObject { ["tabSize"] = 2, ["insertSpaces"] = true },
        })!;
        Assert.That(edits, Has.Count.EqualTo(1));
        string applied = Apply(messy, edits[0]!);
        Assert.That(applied, Is.EqualTo(NetDsl.Formatting.NetDslFormatter.Format(messy).Text));
        Assert.That(applied, Is.EqualTo("let A = 1\ndocker-host h { engine 20.10 }\n"));
        var none = (JsonArray)_client.Result("textDocument/formatting", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri }, ["options"] = new JsonObject() })!;
        Assert.That(none, Is.Empty, "the example is formatted already");
    }

    [Test]
    public void A_misspelt_name_gets_the_declared_one_as_a_quick_fix()
    {
        var (line, ch) = Find("br_ipv6_nw", "container");
        _client.Notify("textDocument/didChange", DiagnosticsProtocolTests.Change(Uri, 2, (line, ch, line, ch + "br_ipv6_nw".Length, "br_ipv6_mw")));
        _client.Notification("textDocument/publishDiagnostics", p => p["version"]?.GetValue<int>() == 2);
        var actions = (JsonArray)_client.Result("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri },
            ["range"] = new JsonObject { ["start"] = new JsonObject { ["line"] = line, ["character"] = ch }, ["end"] = new JsonObject { ["line"] = line, ["character"] = ch } },
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
        })!;
        Assert.That(actions, Is.Not.Empty);
        Assert.That(actions[0]!["title"]!.GetValue<string>(), Is.EqualTo("Change 'br_ipv6_mw' to 'br_ipv6_nw'"));
        Assert.That(actions[0]!["isPreferred"]!.GetValue<bool>(), Is.True);
        var edit = actions[0]!["edit"]!["changes"]![Uri]![0]!;
        Assert.That(edit["newText"]!.GetValue<string>(), Is.EqualTo("br_ipv6_nw"));
        // The container that no longer binds: its hover says why there is no prediction.
        var hover = _client.Result("textDocument/hover", LspClient.At(Uri, line, "container c".Length))!;
        Assert.That(hover["contents"]!["value"]!.GetValue<string>(), Does.Contain("`cnt01`: not bound"));

        // A misspelt keyword: the block's setting.
        var (subnetLine, _) = Find("subnet fd5a:ceb9:ed8d:1::/64");
        _client.Notify("textDocument/didChange", DiagnosticsProtocolTests.Change(Uri, 3, (subnetLine, 2, subnetLine, 8, "subnt")));
        _client.Notification("textDocument/publishDiagnostics", p => p["version"]?.GetValue<int>() == 3);
        var keyword = (JsonArray)_client.Result("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri },
            ["range"] = new JsonObject { ["start"] = new JsonObject { ["line"] = subnetLine, ["character"] = 3 }, ["end"] = new JsonObject { ["line"] = subnetLine, ["character"] = 3 } },
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
        })!;
        Assert.That(keyword.Select(a => a!["title"]!.GetValue<string>()), Does.Contain("Change 'subnt' to 'subnet'"));
    }

    private static string Apply(string text, JsonNode edit)
    {
        var lines = new NetDsl.LanguageServer.Documents.LineIndex(text);
        int start = lines.OffsetOf(new Protocol.LspPosition(edit["range"]!["start"]!["line"]!.GetValue<int>(), edit["range"]!["start"]!["character"]!.GetValue<int>()));
        int end = lines.OffsetOf(new Protocol.LspPosition(edit["range"]!["end"]!["line"]!.GetValue<int>(), edit["range"]!["end"]!["character"]!.GetValue<int>()));
        return text.Substring(0, start) + edit["newText"]!.GetValue<string>() + text.Substring(end);
    }
}
