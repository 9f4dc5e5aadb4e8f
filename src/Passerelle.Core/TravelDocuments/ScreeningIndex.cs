using System.Runtime.InteropServices;

namespace Passerelle.Core.TravelDocuments;

public enum MatchKind : byte
{
    Hit,
    Possible,
}

public readonly record struct IndexMatch(Guid Id, MatchKind Kind);

/// <summary>
/// The register held in memory for screening: an open-addressing table keyed by a 64-bit hash of the folded number,
/// pointing into a compact array of records that carry a hash of the exact key (issuing state and number). About
/// 31 bytes per record plus 12 per table slot. Hash collisions cannot make a false hit: every match is read back
/// from the database before anyone sees it.
/// Reads take no lock. Writers take turns; a reader sees a record only once it is complete, and a grown table only
/// once it is whole.
/// </summary>
public sealed class ScreeningIndex
{
    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    private readonly Lock writing = new();
    private readonly Dictionary<string, ushort> states = new(StringComparer.Ordinal);
    private State current = new(new Slot[1024], new Rec[1024], 0, 0);

    /// <summary>Records in the index, live or not.</summary>
    public int Count => current.RecordCount;

    /// <summary>The change sequence the index has caught up to.</summary>
    public long Sequence { get; private set; }

    /// <summary>Bytes held by the index's arrays, for the benchmark's bytes-per-record figure.</summary>
    public long ArrayBytes => (current.Table.LongLength * Marshal.SizeOf<Slot>()) + (current.Records.LongLength * Marshal.SizeOf<Rec>());

    /// <summary>Records that every change up to <paramref name="sequence"/> is in the index.</summary>
    public void CaughtUpTo(long sequence)
    {
        lock (writing)
        {
            Sequence = Math.Max(Sequence, sequence);
        }
    }

    public void Upsert(Guid id, string normalizedNumber, string issuingState, DateOnly reviewOn, bool live, long sequence)
    {
        lock (writing)
        {
            var state = current;
            var folded = FoldedHash(normalizedNumber);
            var found = Find(state, folded, id);
            if (found >= 0)
            {
                ref var rec = ref state.Records[found];
                rec.ReviewDay = reviewOn.DayNumber;
                Volatile.Write(ref rec.Live, live ? (byte)1 : (byte)0);
            }
            else if (live)
            {
                state = Grow(state);
                var index = state.RecordCount;
                state.Records[index] = new Rec { Id = id, Exact = ExactHash(issuingState, normalizedNumber), State = StateCode(issuingState), ReviewDay = reviewOn.DayNumber, Live = 1 };
                Insert(state.Table, folded, index);
                current = state with { RecordCount = index + 1, SlotCount = state.SlotCount + 1 };
            }

            Sequence = Math.Max(Sequence, sequence);
        }
    }

    /// <summary>
    /// Every live record whose folded number matches: a hit where the issuing state and the exact number match,
    /// possible where only the folded number does, or where no state was given. Another state's record is no match.
    /// </summary>
    public int Lookup(ReadOnlySpan<char> normalizedNumber, string? issuingState, DateOnly today, Span<IndexMatch> matches)
    {
        var state = current;
        var folded = FoldedHash(normalizedNumber);
        var exact = issuingState is null ? 0 : ExactHash(issuingState, normalizedNumber);
        var stateCode = issuingState is null ? (ushort)0 : states.GetValueOrDefault(issuingState);
        var day = today.DayNumber;
        var mask = state.Table.Length - 1;
        var count = 0;
        for (var i = (int)(folded & (ulong)mask); ; i = (i + 1) & mask)
        {
            ref readonly var slot = ref state.Table[i];
            var record = Volatile.Read(ref state.Table[i].Record);
            if (record == 0)
            {
                return count;
            }

            if (slot.Folded != folded)
            {
                continue;
            }

            ref readonly var rec = ref state.Records[record - 1];
            if (rec.Live == 0 || rec.ReviewDay < day || count == matches.Length)
            {
                continue;
            }

            if (issuingState is null)
            {
                matches[count++] = new IndexMatch(rec.Id, MatchKind.Possible);
            }
            else if (rec.Exact == exact)
            {
                matches[count++] = new IndexMatch(rec.Id, MatchKind.Hit);
            }
            else if (rec.State == stateCode && stateCode != 0)
            {
                matches[count++] = new IndexMatch(rec.Id, MatchKind.Possible);
            }
        }
    }

    private static int Find(State state, ulong folded, Guid id)
    {
        var mask = state.Table.Length - 1;
        for (var i = (int)(folded & (ulong)mask); ; i = (i + 1) & mask)
        {
            var record = state.Table[i].Record;
            if (record == 0)
            {
                return -1;
            }

            if (state.Table[i].Folded == folded && state.Records[record - 1].Id == id)
            {
                return record - 1;
            }
        }
    }

    private static void Insert(Slot[] table, ulong folded, int record)
    {
        var mask = table.Length - 1;
        var i = (int)(folded & (ulong)mask);
        while (table[i].Record != 0)
        {
            i = (i + 1) & mask;
        }

        table[i].Folded = folded;
        Volatile.Write(ref table[i].Record, record + 1);
    }

    /// <summary>Room for one more record and one more slot, keeping the table at most three-quarters full.</summary>
    private State Grow(State state)
    {
        var records = state.Records;
        if (state.RecordCount == records.Length)
        {
            records = new Rec[records.Length * 2];
            Array.Copy(state.Records, records, state.RecordCount);
        }

        var table = state.Table;
        if ((state.SlotCount + 1) * 4 > table.Length * 3)
        {
            table = new Slot[table.Length * 2];
            foreach (var slot in state.Table)
            {
                if (slot.Record != 0)
                {
                    Insert(table, slot.Folded, slot.Record - 1);
                }
            }
        }

        if (ReferenceEquals(records, state.Records) && ReferenceEquals(table, state.Table))
        {
            return state;
        }

        var grown = state with { Table = table, Records = records };
        current = grown;
        return grown;
    }

    private ushort StateCode(string issuingState)
    {
        if (!states.TryGetValue(issuingState, out var code))
        {
            code = (ushort)(states.Count + 1);
            states[issuingState] = code;
        }

        return code;
    }

    private static ulong FoldedHash(ReadOnlySpan<char> normalized)
    {
        var hash = FnvOffset;
        foreach (var c in normalized)
        {
            hash = (hash ^ DocumentNames.Fold(c)) * FnvPrime;
        }

        return Finish(hash);
    }

    private static ulong ExactHash(string state, ReadOnlySpan<char> normalized)
    {
        var hash = FnvOffset;
        foreach (var c in state)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        hash = (hash ^ '|') * FnvPrime;
        foreach (var c in normalized)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        return Finish(hash);
    }

    /// <summary>Mixes the high bits into the low ones the table indexes by (the finaliser of MurmurHash3).</summary>
    private static ulong Finish(ulong hash)
    {
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccd;
        hash ^= hash >> 33;
        return hash;
    }

    private sealed record State(Slot[] Table, Rec[] Records, int RecordCount, int SlotCount);

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct Slot
    {
        public ulong Folded;
        public int Record;
    }

    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    private struct Rec
    {
        public Guid Id;
        public ulong Exact;
        public int ReviewDay;
        public ushort State;
        public byte Live;
    }
}
