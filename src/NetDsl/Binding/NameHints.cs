using System.Collections.Generic;
using System.Linq;
using NetDsl.Naming;

namespace NetDsl.Binding;

/// <summary>
/// The end of an "unknown name" message: the closest declared name ("Did you mean 'lan'?") and the declared ones,
/// at most <see cref="MaxListed"/> of them, so a file with ten thousand containers still gets a one-line message.
/// </summary>
internal static class NameHints
{
    public const int MaxListed = 10;

    /// <param name="none">What to say when nothing is declared ("" to say nothing).</param>
    public static string For(string word, IEnumerable<string> declared, string none = "")
    {
        var names = declared.ToList();
        if (names.Count == 0) return none;
        string listed = string.Join(", ", names.Take(MaxListed)) + (names.Count > MaxListed ? $" and {names.Count - MaxListed} more" : "");
        return Suggestions.DidYouMean(word, names) + " Declared: " + listed + ".";
    }
}
