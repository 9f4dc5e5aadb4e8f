using System.Collections.Frozen;
using System.Runtime.InteropServices;

namespace Passerelle.Core.TravelDocuments;

/// <summary>
/// The register held in memory for screening: an open-addressing table keyed by a 64-bit hash of the folded number,
/// pointing into a compact array of 15-byte records (a hash of the record's key, its issuing state, review day and
/// whether it is live). The key includes the owner agency: each agency's record of a document is a record of its own.
/// The index answers one question fast: could this number be in the register? Nearly every answer at a border is no,
/// and touches nothing else. A yes is read back from the database, which decides between
/// hit and possible, so a hash collision can never make a false hit.
/// Reads take no lock. Writers take turns; a reader sees a record only once it is complete, a grown table only
/// once it is whole, and the issuing states only as a frozen set swapped in whole, never a dictionary mid-insert.
/// </summary>
public sealed class ScreeningIndex
{
    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    private readonly Lock writing = new();
    private State current = new(new Slot[1024], new Rec[1024], 0, 0, FrozenDictionary<string, ushort>.Empty);

    /// <summary>Records in the index, live or not.</summary>
    public int Count => current.RecordCount;

    /// <summary>The change sequence the index has caught up to.</summary>
    public long Sequence { get; private set; }

    /// <summary>Bytes held by the index's arrays, for the benchmark's bytes-per-record figure.</summary>
    public long ArrayBytes =>
        (current.Table.LongLength * Marshal.SizeOf<Slot>()) + (current.Records.LongLength * Marshal.SizeOf<Rec>());

    /// <summary>Records that every change up to <paramref name="sequence"/> is in the index.</summary>
    public void CaughtUpTo(long sequence)
    {
        lock (writing)
        {
            Sequence = Math.Max(Sequence, sequence);
        }
    }

    /// <summary>
    /// Adds or updates the record with this key. The key (state, type, number, owner agency) is unique among live
    /// records; the owner is part of it because two agencies may each hold the same document, and withdrawing one
    /// agency's record must leave the other's screened.
    /// </summary>
    public void Upsert(
        string normalizedNumber, string issuingState, DocumentType type, Guid owner, DateOnly reviewOn, bool live,
        long sequence)
    {
        lock (writing)
        {
            var state = current;
            var folded = FoldedHash(normalizedNumber);
            var key = KeyHash(issuingState, type, normalizedNumber, owner);
            var found = Find(state, folded, key);
            if (found >= 0)
            {
                ref var rec = ref state.Records[found];
                rec.ReviewDay = reviewOn.DayNumber;
                Volatile.Write(ref rec.Live, live ? (byte)1 : (byte)0);
            }
            else if (live)
            {
                state = Grow(WithState(state, issuingState));
                var index = state.RecordCount;
                state.Records[index] = new Rec
                {
                    Key = key,
                    State = state.States[issuingState],
                    ReviewDay = reviewOn.DayNumber,
                    Live = 1,
                };
                Insert(state.Table, folded, index);
                current = state with { RecordCount = index + 1, SlotCount = state.SlotCount + 1 };
            }

            Sequence = Math.Max(Sequence, sequence);
        }
    }

    /// <summary>
    /// How many live records could match: the folded number matches, and so does the issuing state when one is
    /// given. Zero means clear.
    /// </summary>
    public int Candidates(ReadOnlySpan<char> normalizedNumber, string? issuingState, DateOnly today)
    {
        var state = current;
        var folded = FoldedHash(normalizedNumber);
        ushort stateCode = 0;
        if (issuingState is not null && !state.States.TryGetValue(issuingState, out stateCode))
        {
            return 0;
        }

        var day = today.DayNumber;
        var mask = state.Table.Length - 1;
        var count = 0;
        for (var i = (int)(folded & (ulong)mask); ; i = (i + 1) & mask)
        {
            var record = Volatile.Read(ref state.Table[i].Record);
            if (record == 0)
            {
                return count;
            }

            if (state.Table[i].Folded != folded)
            {
                continue;
            }

            ref readonly var rec = ref state.Records[record - 1];
            if (rec.Live != 0 && rec.ReviewDay >= day && (stateCode == 0 || rec.State == stateCode))
            {
                count++;
            }
        }
    }

    private static int Find(State state, ulong folded, ulong key)
    {
        var mask = state.Table.Length - 1;
        for (var i = (int)(folded & (ulong)mask); ; i = (i + 1) & mask)
        {
            var record = state.Table[i].Record;
            if (record == 0)
            {
                return -1;
            }

            if (state.Table[i].Folded == folded && state.Records[record - 1].Key == key)
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

    /// <summary>
    /// The state with a code for <paramref name="issuingState"/>. A new state brings a new frozen set, published with
    /// the state that first uses it: there are a few hundred issuing states, so copying the set each time is cheap,
    /// and a reader never meets a set being changed.
    /// </summary>
    private static State WithState(State state, string issuingState)
    {
        if (state.States.ContainsKey(issuingState))
        {
            return state;
        }

        var states = new Dictionary<string, ushort>(state.States, StringComparer.Ordinal)
        {
            [issuingState] = (ushort)(state.States.Count + 1),
        };
        return state with { States = states.ToFrozenDictionary(StringComparer.Ordinal) };
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

    private static ulong KeyHash(string state, DocumentType type, ReadOnlySpan<char> normalized, Guid owner)
    {
        var hash = FnvOffset;
        foreach (var c in state)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        hash = (hash ^ ('0' + (ulong)type)) * FnvPrime;
        foreach (var c in normalized)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        // The owner goes into the hash rather than beside it, so a record still costs the same few bytes.
        Span<byte> bytes = stackalloc byte[16];
        owner.TryWriteBytes(bytes);
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * FnvPrime;
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

    private sealed record State(
        Slot[] Table, Rec[] Records, int RecordCount, int SlotCount, FrozenDictionary<string, ushort> States);

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct Slot
    {
        public ulong Folded;
        public int Record;
    }

    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    private struct Rec
    {
        public ulong Key;
        public int ReviewDay;
        public ushort State;
        public byte Live;
    }
}
