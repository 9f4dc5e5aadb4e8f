using System.Collections.Frozen;
using System.Runtime.InteropServices;

namespace Passerelle.Core.TravelDocuments;

/// <summary>
/// One generation of <see cref="ScreeningIndex"/>: an open-addressing table of slots (a folded hash and a record's
/// position plus one, zero for empty) over an array of records, and the codes of the issuing states. A reader holds
/// one generation throughout; the writer fills slots and records in place, each made visible only once complete.
/// </summary>
internal sealed record ScreeningTable(
    ScreeningTable.Slot[] Table,
    ScreeningTable.Rec[] Records,
    int RecordCount,
    int SlotCount,
    FrozenDictionary<string, ushort> States)
{
    /// <summary>A generation of its own: the writer fills its arrays in place, so no two indexes share one.</summary>
    public static ScreeningTable CreateEmpty() =>
        new(new Slot[1024], new Rec[1024], 0, 0, FrozenDictionary<string, ushort>.Empty);

    /// <summary>
    /// An empty generation with room for <paramref name="records"/> records and the states named: arrays of the
    /// sizes that growing one record at a time reaches, so a record costs the same however the index was filled.
    /// </summary>
    public static ScreeningTable CreateFor(int records, FrozenDictionary<string, ushort> states)
    {
        var capacity = 1024;
        while (capacity < records)
        {
            capacity *= 2;
        }

        var slots = 1024L;
        while ((long)records * 4 > slots * 3)
        {
            slots *= 2;
        }

        return new(new Slot[slots], new Rec[capacity], 0, 0, states);
    }

    public long ArrayBytes =>
        (Table.LongLength * Marshal.SizeOf<Slot>()) + (Records.LongLength * Marshal.SizeOf<Rec>());

    /// <summary>Live records under this folded hash, in the given state if one is (code 0: any), not yet due.</summary>
    public int Candidates(ulong folded, ushort stateCode, int day)
    {
        var mask = Table.Length - 1;
        var count = 0;
        for (var i = (int)(folded & (ulong)mask); ; i = (i + 1) & mask)
        {
            var record = Volatile.Read(ref Table[i].Record);
            if (record == 0)
            {
                return count;
            }

            if (Table[i].Folded != folded)
            {
                continue;
            }

            ref readonly var rec = ref Records[record - 1];
            if (rec.Live != 0 && rec.ReviewDay >= day && (stateCode == 0 || rec.State == stateCode))
            {
                count++;
            }
        }
    }

    /// <summary>The position of the record with this key, or -1.</summary>
    public int Find(ulong folded, ulong key)
    {
        var mask = Table.Length - 1;
        for (var i = (int)(folded & (ulong)mask); ; i = (i + 1) & mask)
        {
            var record = Table[i].Record;
            if (record == 0)
            {
                return -1;
            }

            if (Table[i].Folded == folded && Records[record - 1].Key == key)
            {
                return record - 1;
            }
        }
    }

    public static void Insert(Slot[] table, ulong folded, int record)
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

    /// <summary>
    /// <see cref="Insert"/> for a table no reader holds yet, from several threads at once: each claims its slot whole
    /// before it writes the hash, and a slot once claimed is never given back, so every probe sequence stays unbroken.
    /// </summary>
    public static void InsertConcurrently(Slot[] table, ulong folded, int record)
    {
        var mask = table.Length - 1;
        var i = (int)(folded & (ulong)mask);
        while (Interlocked.CompareExchange(ref table[i].Record, record + 1, 0) != 0)
        {
            i = (i + 1) & mask;
        }

        table[i].Folded = folded;
    }

    /// <summary>
    /// Room for one more record and one more slot, keeping the table at most three-quarters full: this generation
    /// when it has room, else a new one with larger arrays.
    /// </summary>
    public ScreeningTable Grown()
    {
        var records = Records;
        if (RecordCount == records.Length)
        {
            records = new Rec[records.Length * 2];
            Array.Copy(Records, records, RecordCount);
        }

        var table = Table;
        if ((SlotCount + 1) * 4 > table.Length * 3)
        {
            table = new Slot[table.Length * 2];
            foreach (var slot in Table)
            {
                if (slot.Record != 0)
                {
                    Insert(table, slot.Folded, slot.Record - 1);
                }
            }
        }

        return ReferenceEquals(records, Records) && ReferenceEquals(table, Table)
            ? this
            : this with { Table = table, Records = records };
    }

    /// <summary>
    /// The generation with a code for <paramref name="issuingState"/>. A new state brings a new frozen set, published
    /// with the generation that first uses it: there are a few hundred issuing states, so copying the set each time
    /// is cheap, and a reader never meets a set being changed.
    /// </summary>
    public ScreeningTable WithState(string issuingState)
    {
        if (States.ContainsKey(issuingState))
        {
            return this;
        }

        var states = new Dictionary<string, ushort>(States, StringComparer.Ordinal)
        {
            [issuingState] = (ushort)(States.Count + 1),
        };
        return this with { States = states.ToFrozenDictionary(StringComparer.Ordinal) };
    }

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    internal struct Slot
    {
        public ulong Folded;
        public int Record;
    }

    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    internal struct Rec
    {
        public ulong Key;
        public int ReviewDay;
        public ushort State;
        public byte Live;
    }
}
