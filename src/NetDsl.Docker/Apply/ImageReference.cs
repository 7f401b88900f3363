namespace NetDsl.Docker.Apply;

/// <summary>
/// An image reference in the fully qualified form both engines agree on (distribution/reference's normalisation:
/// a name without a registry is docker.io's, a one-part name lives under library/, no tag or digest means :latest).
/// </summary>
public static class ImageReference
{
    public static string Normalize(string reference)
    {
        string name = reference, suffix = "";
        int at = name.IndexOf('@');
        if (at >= 0) { suffix = name.Substring(at); name = name.Substring(0, at); }
        int slash = name.LastIndexOf('/');
        int colon = name.LastIndexOf(':');
        if (colon > slash) { suffix = name.Substring(colon) + suffix; name = name.Substring(0, colon); }
        else if (at < 0) suffix = ":latest";
        int first = name.IndexOf('/');
        string head = first < 0 ? "" : name.Substring(0, first);
        bool hasRegistry = first >= 0 && (head.Contains('.') || head.Contains(':') || head == "localhost");
        if (!hasRegistry) name = "docker.io/" + (first < 0 ? "library/" : "") + name;
        else if (head == "index.docker.io") name = "docker.io" + name.Substring(first);
        return name + suffix;
    }
}
