using System.Collections.Frozen;
using System.Runtime.InteropServices;

namespace Passerelle.Core.TravelDocuments;

/// <summary>
/// The register read whole for <see cref="ScreeningIndex"/> at start-up. Readers each fill a part of their own side
/// by side; the parts are then built into one table sized for all of them at once, with no lock per record and none
/// of the doubling and rehashing that growing record by record costs at millions of records.
/// </summary>
internal sealed class ScreeningLoad(DateOnly today)
{
    private readonly Lock naming = new();
    private readonly Dictionary<string, ushort> codes = new(StringComparer.Ordinal);
    private readonly List<string> names = [];
    private readonly List<ScreeningLoadPart> parts = [];

    /// <summary>Records past their review date on this day are left out, as the screening query leaves them.</summary>
    public int Today { get; } = today.DayNumber;

    /// <summary>Records read by every part.</summary>
    public int Count => parts.Sum(p => p.Count);

    /// <summary>A part for one reader: only that reader adds to it.</summary>
    public ScreeningLoadPart NewPart()
    {
        lock (naming)
        {
            var part = new ScreeningLoadPart(this);
            parts.Add(part);
            return part;
        }
    }

    /// <summary>An issuing state's code, the same in every part; codes count from one, as the table's do.</summary>
    public (string Name, ushort Code) Name(ReadOnlySpan<char> state)
    {
        lock (naming)
        {
            if (codes.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(state, out var name, out var code))
            {
                return (name, code);
            }

            name = state.ToString();
            code = checked((ushort)(names.Count + 1));
            codes.Add(name, code);
            names.Add(name);
            return (name, code);
        }
    }

    /// <summary>One table of every part's records, its chunks copied and hashed in side by side.</summary>
    public ScreeningTable Build()
    {
        var count = Count;
        var built = ScreeningTable.CreateFor(count, codes.ToFrozenDictionary(StringComparer.Ordinal));
        var chunks = new List<(Staged[] Chunk, int Used, int First)>();
        var first = 0;
        foreach (var (chunk, used) in parts.SelectMany(p => p.Chunks))
        {
            chunks.Add((chunk, used, first));
            first += used;
        }

        Parallel.ForEach(chunks, c =>
        {
            for (var i = 0; i < c.Used; i++)
            {
                built.Records[c.First + i] = c.Chunk[i].Rec;
                ScreeningTable.InsertConcurrently(built.Table, c.Chunk[i].Folded, c.First + i);
            }
        });
        return built with { RecordCount = count, SlotCount = count };
    }

    /// <summary>Every record read, with its issuing state's name, for an index that already holds records.</summary>
    public IEnumerable<(ulong Folded, ScreeningTable.Rec Rec, string State)> Records() =>
        from part in parts
        from chunk in part.Chunks
        from staged in chunk.Chunk.Take(chunk.Used)
        select (staged.Folded, staged.Rec, names[staged.Rec.State - 1]);

    /// <summary>A record as read, before it has a place in the table: the table's record and its folded hash.</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    internal struct Staged
    {
        public ulong Folded;
        public ScreeningTable.Rec Rec;
    }
}
