using System;
using System.IO;

namespace NetDsl.Captures;

/// <summary>
/// The naming rule for capture files: <c>&lt;device&gt;.&lt;command&gt;[.&lt;qualifier&gt;…].&lt;extension&gt;</c>.
/// <list type="bullet">
/// <item><c>device</c>: the device's name as in the .netdsl file (<c>dockerhost</c>, <c>cnt01</c>, <c>Rdc01</c>, <c>FWdc01</c>); no dots.</item>
/// <item><c>command</c>: the command with spaces as '-' and option dashes dropped (<c>ip-6-route</c>, <c>show-run</c>,
/// <c>nft-list-chain</c>), or one of the aliases <c>nat-policy</c>, <c>set-commands</c>; see <see cref="CommandRecognizer"/>.</item>
/// <item><c>qualifier</c>: free text to tell two captures apart (<c>br_ipv6_nw</c>, <c>before</c>); ignored.</item>
/// <item><c>extension</c>: any (<c>txt</c>, <c>json</c>, <c>log</c>).</item>
/// </list>
/// Example: <c>dockerhost.docker-network-inspect.br_ipv6_nw.json</c>. A header line
/// <c># netdsl-capture: device=X command="ip -6 route"</c> overrides both parts.
/// </summary>
public sealed record CaptureFileName(string Device, string CommandSlug, string? Qualifier, string Extension)
{
    public CaptureFormat? Format => CommandRecognizer.RecognizeSlug(CommandSlug);

    /// <summary>Splits a file name (a path is fine: only its last part is read). False when it has fewer than three parts.</summary>
    public static bool TryParse(string? path, out CaptureFileName name)
    {
        name = null!;
        if (string.IsNullOrWhiteSpace(path)) return false;
        string file = Path.GetFileName(path);
        var parts = file.Split('.');
        if (parts.Length < 3 || parts[0].Length == 0 || parts[1].Length == 0) return false;
        string? qualifier = parts.Length > 3 ? string.Join(".", parts, 2, parts.Length - 3) : null;
        name = new CaptureFileName(parts[0], parts[1], qualifier, parts[^1]);
        return true;
    }

    public static string Compose(string device, string command, string extension = "txt", string? qualifier = null) =>
        device + "." + CommandRecognizer.ToSlug(command) + (qualifier is null ? "" : "." + qualifier) + "." + extension;

    public override string ToString() => Device + "." + CommandSlug + (Qualifier is null ? "" : "." + Qualifier) + "." + Extension;
}
