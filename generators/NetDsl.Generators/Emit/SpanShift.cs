using System;
using NetDsl.Model;
using NetDsl.Text;

namespace NetDsl.Generators.Emit;

/// <summary>
/// Copies a network or a container with every <see cref="SourceSpan"/> in it moved: into its own frame
/// (<see cref="SpanFrame.FromFile"/>) for a split file's parts, so that an edit above it, which moves it in the file,
/// leaves its value — and its generated code — equal; or back into the file (<see cref="SpanFrame.ToFile"/>) for a
/// small file written in one piece. These are the only values parts hold; a test loads a split file's generated
/// class and checks it equals the bound model, so a span added to these records and missed here would fail it.
/// </summary>
internal static class SpanShift
{
    /// <summary>The span a value's frame is anchored on: its own declaration.</summary>
    public static SourceSpan Anchor(object value) => value switch
    {
        Container c => c.Span,
        DockerNetwork n => n.Span,
        _ => throw new NotSupportedException("parts hold networks and containers, not " + value.GetType().Name),
    };

    /// <summary><paramref name="value"/> with its spans measured inside <paramref name="frame"/>.</summary>
    public static object Move(object value, SpanFrame frame) => Map(value, frame.FromFile);

    /// <summary>The inverse of <see cref="Move"/>: a value whose spans are in <paramref name="frame"/>, with them in the file.</summary>
    public static object Place(object value, SpanFrame frame) => Map(value, frame.ToFile);

    private static object Map(object value, Func<SourceSpan, SourceSpan> m) => value switch
    {
        Container c => new Container(c.Name, c.Image, c.Command, c.Tty, c.Interactive,
            Each(c.Attachments, a => new NetworkAttachment(a.Network, a.InterfaceName, a.Ipv6, a.Ipv6Fixed, a.PrefixLength, a.Ipv4, a.Mac, a.LinkLocal, m(a.Span))),
            Each(c.PredictedRoutes, r => new Route(r.Destination, r.NextHop, r.Interface, r.Origin, m(r.Span))),
            m(c.Span)),
        DockerNetwork n => n with { Span = m(n.Span) },
        _ => throw new NotSupportedException("parts hold networks and containers, not " + value.GetType().Name),
    };

    private static EquatableArray<T> Each<T>(EquatableArray<T> items, Func<T, T> map)
    {
        if (items.Count == 0) return items;
        var moved = new T[items.Count];
        for (int i = 0; i < moved.Length; i++) moved[i] = map(items[i]);
        return EquatableArray.Of(moved);
    }
}
