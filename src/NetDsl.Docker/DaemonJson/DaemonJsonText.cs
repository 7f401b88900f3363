using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace NetDsl.Docker.DaemonJson;

/// <summary>
/// What makes a daemon.json text one NetDsl refuses to rewrite, as one line with the line number and the fix:
/// not JSON, comments (dockerd rejects them too; a rewrite would drop them silently), a key given twice in one
/// object (which value counts is not what a reader expects, and a rewrite would keep only one).
/// </summary>
public static class DaemonJsonText
{
    /// <summary>Null when the text is plain JSON without duplicate keys.</summary>
    public static string? Problem(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Allow });
        var keys = new Stack<Dictionary<string, int>>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.Comment:
                        return $"daemon.json has a comment at line {Line(bytes, reader.TokenStartIndex)}; dockerd refuses comments too (\"invalid character\"), and a rewrite would drop them: remove the comments, then apply again (NetDsl leaves the file untouched)";
                    case JsonTokenType.StartObject:
                        keys.Push(new Dictionary<string, int>());
                        break;
                    case JsonTokenType.EndObject:
                        keys.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        string key = reader.GetString() ?? "";
                        int line = Line(bytes, reader.TokenStartIndex);
                        if (keys.Peek().TryGetValue(key, out int first))
                            return $"daemon.json has the key \"{key}\" twice (lines {first} and {line}); keep one of them, then apply again (NetDsl leaves the file untouched)";
                        keys.Peek()[key] = line;
                        break;
                }
            }
            return null;
        }
        catch (JsonException e)
        {
            return $"daemon.json is not valid JSON (line {(e.LineNumber ?? 0) + 1}: {FirstSentence(e.Message)}); fix it by hand, NetDsl leaves it untouched";
        }
    }

    private static int Line(byte[] bytes, long index)
    {
        int line = 1;
        for (long i = 0; i < index && i < bytes.Length; i++) if (bytes[i] == (byte)'\n') line++;
        return line;
    }

    private static string FirstSentence(string message)
    {
        int dot = message.IndexOf(". ", System.StringComparison.Ordinal);
        return dot > 0 ? message[..dot] : message.TrimEnd('.');
    }
}
