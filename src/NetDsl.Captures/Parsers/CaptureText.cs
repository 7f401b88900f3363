using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using NetDsl.Captures.Model;

namespace NetDsl.Captures.Parsers;

/// <summary>
/// A capture split into its preamble and body. The preamble is what precedes the output: blank lines, an optional
/// header <c># netdsl-capture: device=X command="…"</c>, and prompt lines with the command typed (<c>Rdc01#sh run | in ::/0</c>).
/// Elision markers are removed from the body. Device and command come from, in order: the header, the file name
/// rule (<see cref="CaptureFileName"/>), the prompt.
/// </summary>
internal sealed class CaptureText
{
    public const string HeaderMarker = "# netdsl-capture:";

    private CaptureText(string fileName) => FileName = fileName;

    public string FileName { get; }

    public string Device { get; private set; } = "";

    /// <summary>The command as typed (from the header or prompt), or the file name's command part.</summary>
    public string? Command { get; private set; }

    public CaptureFormat? Format { get; private set; }

    /// <summary>A filter in the command (a pipe) or an elision in the body: the output is not all the device had.</summary>
    public bool IsPartial { get; private set; }

    public IReadOnlyList<CaptureLine> Lines { get; private set; } = Array.Empty<CaptureLine>();

    public List<CaptureError> Errors { get; } = new();

    public CaptureLocation At(int line) => new(FileName, line);

    public static CaptureText Read(string? text, string? fileName)
    {
        var capture = new CaptureText(string.IsNullOrEmpty(fileName) ? "capture.txt" : fileName);
        var all = SplitLines(text ?? "");
        int first = 0;
        int last = all.Count - 1;
        CaptureHeader? header = null;
        PromptLine? prompt = null;
        for (; first <= last; first++)
        {
            var line = all[first];
            if (line.IsBlank) continue;
            if (line.Trimmed.StartsWith(HeaderMarker, StringComparison.OrdinalIgnoreCase))
            {
                header = CaptureHeader.Parse(line, capture);
                continue;
            }
            if (PromptLine.TryParse(line.Text, out var p)) { prompt = p; continue; }
            break;
        }
        // A trailing empty prompt ("[root@x /]# ") is the shell waiting for the next command, not output.
        while (last >= first && (all[last].IsBlank || (PromptLine.TryParse(all[last].Text, out var tail) && tail.Command.Length == 0)))
            last--;

        var body = new List<CaptureLine>();
        for (int i = first; i <= last; i++)
        {
            if (ElisionMarker.IsElision(all[i].Text)) capture.IsPartial = true;
            else body.Add(all[i]);
        }
        capture.Lines = body;
        capture.Identify(header, prompt);
        return capture;
    }

    /// <summary>The body as text again, with every non-body line blank so that line numbers stay those of the file.</summary>
    public string BodyWithOriginalLineNumbers()
    {
        var sb = new StringBuilder();
        int current = 1;
        foreach (var line in Lines)
        {
            while (current < line.Number) { sb.Append('\n'); current++; }
            sb.Append(line.Text);
        }
        return sb.ToString();
    }

    private void Identify(CaptureHeader? header, PromptLine? prompt)
    {
        CaptureFileName.TryParse(FileName, out var name);
        var promptFormat = CommandRecognizer.Recognize(prompt?.Command);
        Device = FirstNonEmpty(header?.Device, name?.Device, prompt?.Host) ?? "";
        if (header?.Command is { } headerCommand)
        {
            Command = headerCommand;
            Format = CommandRecognizer.Recognize(headerCommand);
            if (Format is null) Errors.Add(new CaptureError(FileName, header.Line, $"NetDsl has no parser for the command \"{headerCommand}\"."));
        }
        else if (name?.Format is { } nameFormat)
        {
            Format = nameFormat;
            Command = promptFormat == nameFormat ? prompt!.Command : name.CommandSlug;
            if (promptFormat is { } other && other != nameFormat)
                Errors.Add(new CaptureError(FileName, 1,
                    $"The file name says \"{name.CommandSlug}\" but the prompt shows \"{prompt!.Command}\"; rename the file or add a '{HeaderMarker}' header."));
        }
        else if (promptFormat is not null)
        {
            Format = promptFormat;
            Command = prompt!.Command;
        }
        if (Command is not null && Command.Contains('|')) IsPartial = true;
        if (header?.Partial == true) IsPartial = true;
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrEmpty(v));

    private static List<CaptureLine> SplitLines(string text)
    {
        var lines = new List<CaptureLine>();
        using var reader = new StringReader(text);
        int number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (number == 1 && line.Length > 0 && line[0] == '\uFEFF') line = line.Substring(1);
            lines.Add(new CaptureLine(number, line));
        }
        return lines;
    }
}
