using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Linq;
using NetDsl.Model;
using NetDsl.Text;

namespace NetDsl.Generators.Emit;

/// <summary>
/// Copies a core value (a container, a plan step) with every <see cref="SourceSpan"/> in it moved, reusing every
/// part that holds no span. The generator moves each part's values into their own frame (<see cref="SpanFrame"/>)
/// so that an edit above a container, which moves it in the file, leaves its value — and its generated code —
/// equal. Generic over the records (through <see cref="RecordShape"/>), like the emitter, so a span added to a
/// model record is moved without touching this.
/// </summary>
internal static class SpanShift
{
    private static readonly ConcurrentDictionary<Type, bool> HoldsSpans = new();

    /// <summary>
    /// <paramref name="value"/> with its spans moved into <paramref name="frame"/>. <paramref name="memo"/> remembers the
    /// records already moved into that frame (a container and the step that creates it share one), by reference.
    /// </summary>
    public static object Move(object value, SpanFrame frame, Dictionary<(object, SpanFrame), object> memo) =>
        Map(value, frame.FromFile, frame, memo)!;

    /// <summary>
    /// The inverse of <see cref="Move"/>: a value whose spans are in <paramref name="frame"/>, with them in the file.
    /// Use a memo of its own (the memo knows frames, not directions).
    /// </summary>
    public static object Place(object value, SpanFrame frame, Dictionary<(object, SpanFrame), object> memo) =>
        Map(value, frame.ToFile, frame, memo)!;

    private static object? Map(object? value, Func<SourceSpan, SourceSpan> move, SpanFrame frame, Dictionary<(object, SpanFrame), object> memo)
    {
        if (value is null) return null;
        if (value is SourceSpan span) return move(span);
        var type = value.GetType();
        if (!MayHoldSpans(type)) return value;
        if (!type.IsValueType && memo.TryGetValue((value, frame), out var done)) return done;
        var result = Known(value, move, v => Map(v, move, frame, memo)!) ?? MapShape(value, type, move, frame, memo);
        if (!type.IsValueType) memo[(value, frame)] = result;
        return result;
    }

    // The values a large file has tens of thousands of, moved by hand: the generic path boxes every field, and
    // this runs on every keystroke. A round-trip test of a split file holds both paths to the bound model.
    private static object? Known(object value, Func<SourceSpan, SourceSpan> m, Func<object, object> map) => value switch
    {
        Container c => new Container(c.Name, c.Image, c.Command, c.Tty, c.Interactive, Each(c.Attachments, map), Each(c.PredictedRoutes, map), m(c.Span)),
        NetworkAttachment a => new NetworkAttachment(a.Network, a.InterfaceName, a.Ipv6, a.Ipv6Fixed, a.PrefixLength, a.Ipv4, a.Mac, a.LinkLocal, m(a.Span)),
        Route r => new Route(r.Destination, r.NextHop, r.Interface, r.Origin, m(r.Span)),
        DockerNetwork n => new DockerNetwork(n.Name, n.Host, n.Driver, n.Subnet6, n.Gateway6, n.IpRange6, n.Subnet4, n.Gateway4, n.BridgeName, n.Options, n.Labels, n.Bridge, m(n.Span)),
        _ => null,
    };

    private static EquatableArray<T> Each<T>(EquatableArray<T> items, Func<object, object> map) where T : class
    {
        if (items.Count == 0) return items;
        var moved = new T[items.Count];
        for (int i = 0; i < moved.Length; i++) moved[i] = (T)map(items[i]);
        return EquatableArray.Of(moved);
    }

    private static object MapShape(object value, Type type, Func<SourceSpan, SourceSpan> move, SpanFrame frame, Dictionary<(object, SpanFrame), object> memo)
    {
        var shape = RecordShape.Of(type);
        if (shape.Kind == ShapeKind.List)
        {
            var items = ((IEnumerable)value).Cast<object?>().ToArray();
            bool changed = false;
            for (int i = 0; i < items.Length; i++)
            {
                var moved = Map(items[i], move, frame, memo);
                changed |= !ReferenceEquals(moved, items[i]) && !Equals(moved, items[i]);
                items[i] = moved;
            }
            return changed ? shape.Construct(items) : value;
        }
        var arguments = new object?[shape.Getters.Length];
        bool any = false;
        for (int i = 0; i < arguments.Length; i++)
        {
            var argument = shape.Getters[i](value);
            var moved = Map(argument, move, frame, memo);
            any |= !ReferenceEquals(moved, argument) && !Equals(moved, argument);
            arguments[i] = moved;
        }
        return any ? shape.Construct(arguments) : value;
    }

    /// <summary>
    /// The span a value's frame is anchored on: a record's own declaration span where it has one, else the first
    /// span in it (constructor order). Any span of the value would do, as long as the same value gets the same one.
    /// </summary>
    public static SourceSpan? Anchor(object value) => value switch
    {
        Container c => c.Span,
        DockerNetwork n => n.Span,
        _ => FirstSpan(value),
    };

    private static SourceSpan? FirstSpan(object? value)
    {
        if (value is null) return null;
        if (value is SourceSpan span) return span == default ? null : span;
        var type = value.GetType();
        if (!MayHoldSpans(type)) return null;
        var shape = RecordShape.Of(type);
        if (shape.Kind == ShapeKind.List)
        {
            foreach (var item in (IEnumerable)value)
                if (FirstSpan(item) is { } s) return s;
            return null;
        }
        foreach (var getter in shape.Getters)
            if (FirstSpan(getter(value)) is { } s) return s;
        return null;
    }

    /// <summary>Keys of the memo: the record by reference, and the frame.</summary>
    public static Dictionary<(object, SpanFrame), object> NewMemo() => new(ReferenceAndFrame.Instance);

    private sealed class ReferenceAndFrame : IEqualityComparer<(object Value, SpanFrame Frame)>
    {
        public static readonly ReferenceAndFrame Instance = new();

        public bool Equals((object Value, SpanFrame Frame) x, (object Value, SpanFrame Frame) y) => ReferenceEquals(x.Value, y.Value) && x.Frame == y.Frame;

        public int GetHashCode((object Value, SpanFrame Frame) obj) => RuntimeHelpers.GetHashCode(obj.Value) * 31 + obj.Frame.GetHashCode();
    }

    // Whether a value of this runtime type can hold a span somewhere below (abstract members are checked per value).
    private static bool MayHoldSpans(Type type) => HoldsSpans.GetOrAdd(type, t => Holds(t, new HashSet<Type>()));

    private static bool Holds(Type type, HashSet<Type> seen)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(SourceSpan)) return true;
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || !seen.Add(type)) return false;
        if (type.Namespace is not { } ns || !ns.StartsWith("NetDsl", StringComparison.Ordinal)) return type == typeof(object) || type.IsAbstract;
        if (type.IsAbstract || type.IsInterface) return true;
        var shape = RecordShape.Of(type);
        if (shape.Kind == ShapeKind.List) return Holds(shape.Element!, seen);
        if (shape.Kind == ShapeKind.Enum) return false;
        return shape.Parameters.Any(p => Holds(p.Property.PropertyType, seen));
    }
}
