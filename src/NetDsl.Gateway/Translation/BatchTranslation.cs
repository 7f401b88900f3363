using System;
using System.Collections.Generic;
using NetDsl.Nptv6;
using NetDsl.Nptv6.Packets;

namespace NetDsl.Gateway.Translation;

/// <summary>
/// The gateway's translation stage: a batch of packets (at any offsets of one buffer) through a rule's mappings, by the
/// translators' batch entry point (<see cref="INptv6Translator.TranslateBatch(Span{byte}, ReadOnlySpan{int}, ReadOnlySpan{int}, Nptv6Direction, Span{Nptv6PacketOutcome})"/>),
/// one call per mapping and direction rather than one per packet. Mappings are tried in order and the first whose
/// prefix holds the address translates it, as a chain of SNPT (or DNPT) rules does; a packet that may go either way
/// is tried outbound first. The scratch lists are allocated once, for the largest batch, so a batch allocates nothing.
/// </summary>
public sealed class BatchTranslation
{
    private readonly INptv6Translator[] _mappings;
    private readonly int[] _pending;
    private readonly int[] _offsets;
    private readonly int[] _lengths;
    private readonly Nptv6PacketOutcome[] _outcomes;

    public BatchTranslation(IReadOnlyList<INptv6Translator> mappings, int capacity)
    {
        if (mappings.Count == 0) throw new ArgumentException("a rule needs at least one mapping", nameof(mappings));
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "a batch holds at least one packet");
        _mappings = new INptv6Translator[mappings.Count];
        for (int i = 0; i < _mappings.Length; i++) _mappings[i] = mappings[i];
        Capacity = capacity;
        _pending = new int[capacity];
        _offsets = new int[capacity];
        _lengths = new int[capacity];
        _outcomes = new Nptv6PacketOutcome[capacity];
    }

    public int Capacity { get; }

    public IReadOnlyList<INptv6Translator> Mappings => _mappings;

    /// <summary>
    /// Translates packet i (<c>buffer[offsets[i] .. offsets[i] + lengths[i]]</c>) in place as <paramref name="directions"/>[i]
    /// allows, and says what to do with it in <paramref name="verdicts"/>[i].
    /// </summary>
    public void Translate(Span<byte> buffer, ReadOnlySpan<int> offsets, ReadOnlySpan<int> lengths, ReadOnlySpan<PacketDirection> directions, Span<PacketVerdict> verdicts)
    {
        int count = offsets.Length;
        if (count > Capacity) throw new ArgumentException($"{count} packets in a batch of capacity {Capacity}", nameof(offsets));
        if (lengths.Length != count || directions.Length != count || verdicts.Length < count)
            throw new ArgumentException("offsets, lengths, directions and verdicts must describe the same packets");

        int pending = 0;
        for (int i = 0; i < count; i++)
        {
            verdicts[i] = PacketVerdict.NotMatched;
            if (directions[i] != PacketDirection.Inbound) _pending[pending++] = i;
        }
        Run(buffer, offsets, lengths, pending, Nptv6Direction.Outbound, verdicts);

        pending = 0;
        for (int i = 0; i < count; i++)
        {
            if (directions[i] == PacketDirection.Inbound || (directions[i] == PacketDirection.Either && verdicts[i] == PacketVerdict.NotMatched))
                _pending[pending++] = i;
        }
        Run(buffer, offsets, lengths, pending, Nptv6Direction.Inbound, verdicts);
    }

    private void Run(Span<byte> buffer, ReadOnlySpan<int> offsets, ReadOnlySpan<int> lengths, int pending, Nptv6Direction direction, Span<PacketVerdict> verdicts)
    {
        var translated = direction == Nptv6Direction.Outbound ? PacketVerdict.TranslatedOutbound : PacketVerdict.TranslatedInbound;
        var untranslatable = direction == Nptv6Direction.Outbound ? PacketVerdict.UntranslatableSource : PacketVerdict.UntranslatableDestination;
        foreach (var mapping in _mappings)
        {
            if (pending == 0) return;
            for (int j = 0; j < pending; j++)
            {
                _offsets[j] = offsets[_pending[j]];
                _lengths[j] = lengths[_pending[j]];
            }
            mapping.TranslateBatch(buffer, _offsets.AsSpan(0, pending), _lengths.AsSpan(0, pending), direction, _outcomes.AsSpan(0, pending));
            int next = 0;
            for (int j = 0; j < pending; j++)
            {
                int i = _pending[j];
                switch (_outcomes[j])
                {
                    case Nptv6PacketOutcome.Translated: verdicts[i] = translated; break;
                    case Nptv6PacketOutcome.Drop: verdicts[i] = untranslatable; break;
                    case Nptv6PacketOutcome.Malformed: verdicts[i] = PacketVerdict.Malformed; break;
                    default: _pending[next++] = i; break; // not this mapping's prefix: the next one may hold it
                }
            }
            pending = next;
        }
    }
}
