using System.Globalization;
using System.Linq;

namespace NetDsl.Binding;

/// <summary>
/// Which characters strings from the file may hold where they reach a configuration. Names are restricted by
/// <see cref="NameRules"/>; strings are free except where the target cannot carry a character safely.
/// JSON and shell-quoted values are escaped, not refused; these checks cover what escaping cannot fix.
/// </summary>
internal static class SafeText
{
    /// <summary>Image references (docker's grammar) have no white space, quotes or control characters.</summary>
    public static char? FirstUnsafeInImage(string image) =>
        image.Length == 0 ? ' ' : image.Cast<char?>().FirstOrDefault(c => char.IsWhiteSpace(c!.Value) || char.IsControl(c.Value) || c is '"' or '\'' or '`' or '$' or ';');

    /// <summary>Option and label keys: no '=', white space or control characters.</summary>
    public static char? FirstUnsafeInKey(string key) =>
        key.Length == 0 ? ' ' : key.Cast<char?>().FirstOrDefault(c => char.IsWhiteSpace(c!.Value) || char.IsControl(c.Value) || c == '=');

    public static string Describe(char c) => c switch
    {
        ' ' => "a space (or is empty)",
        '\n' => "a newline",
        '\t' => "a tab",
        '"' => "a double quote",
        _ when char.IsControl(c) => "the control character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
        _ => "'" + c + "'",
    };

    public static string Printable(string text) => text.Replace("\n", "\\n").Replace("\t", "\\t").Replace("\"", "\\\"");
}
