using System.Text;

namespace NetDsl.Generators.Emit;

/// <summary>A StringBuilder with indentation, so emitters write readable C# without counting spaces.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;
    private bool _atLineStart = true;

    public CodeWriter Write(string text)
    {
        if (_atLineStart && text.Length > 0)
        {
            _text.Append(' ', _indent * 4);
            _atLineStart = false;
        }
        _text.Append(text);
        return this;
    }

    public CodeWriter Line(string text = "")
    {
        if (text.Length > 0) Write(text);
        _text.Append('\n');
        _atLineStart = true;
        return this;
    }

    public CodeWriter Indent()
    {
        _indent++;
        return this;
    }

    public CodeWriter Outdent()
    {
        _indent--;
        return this;
    }

    public CodeWriter Open(string header)
    {
        Line(header);
        Line("{");
        return Indent();
    }

    public CodeWriter Close(string closing = "}")
    {
        Outdent();
        return Line(closing);
    }

    public override string ToString() => _text.ToString();
}
