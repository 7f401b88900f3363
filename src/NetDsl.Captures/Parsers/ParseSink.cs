using System;
using System.Collections.Generic;
using NetDsl.Captures.Model;
using NetDsl.Model;

namespace NetDsl.Captures.Parsers;

/// <summary>
/// Collects a parser's observations and errors, and is the one place that turns an unexpected exception into a
/// CaptureError: parsers must not throw on any input, and if one has a bug the verifier still gets a result that
/// names the file and line (the fuzz tests look for this "internal error" text to catch such bugs).
/// </summary>
internal sealed class ParseSink<T> where T : Observation
{
    public const string InternalErrorText = "internal error in the capture parser";

    private readonly List<T> _observations = new();
    private readonly List<CaptureError> _errors = new();
    private bool _partial;

    private ParseSink(CaptureText capture) => Capture = capture;

    public CaptureText Capture { get; }

    public string Device => Capture.Device;

    /// <summary>The line being read, for the internal-error message.</summary>
    public int CurrentLine { get; set; }

    public CaptureLocation At(int line) => Capture.At(line);

    public CaptureLocation At(CaptureLine line) => Capture.At(line.Number);

    public void Add(T observation) => _observations.Add(observation);

    public void Error(int line, string message) => _errors.Add(new CaptureError(Capture.FileName, line, message));

    public void Error(CaptureLine line, string message) => Error(line.Number, message);

    public void MarkPartial() => _partial = true;

    public static CaptureParseResult<T> Run(string? text, string? fileName, Action<ParseSink<T>> parse)
    {
        CaptureText capture;
        try
        {
            capture = CaptureText.Read(text, fileName);
        }
        catch (Exception ex)
        {
            var error = new CaptureError(fileName ?? "capture.txt", 1, $"{InternalErrorText}: {ex.GetType().Name}: {ex.Message}");
            return new CaptureParseResult<T>("", null, EquatableArray<T>.Empty, EquatableArray.Of(error), false);
        }
        var sink = new ParseSink<T>(capture);
        sink._errors.AddRange(capture.Errors);
        try
        {
            parse(sink);
        }
        catch (Exception ex)
        {
            sink.Error(sink.CurrentLine, $"{InternalErrorText}: {ex.GetType().Name}: {ex.Message}");
        }
        return new CaptureParseResult<T>(capture.Device, capture.Command, sink._observations.ToEquatableArray(),
            sink._errors.ToEquatableArray(), capture.IsPartial || sink._partial);
    }
}
