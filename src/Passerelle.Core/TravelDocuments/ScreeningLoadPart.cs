namespace Passerelle.Core.TravelDocuments;

/// <summary>
/// What one reader of the register has read: records hashed as the index keeps them, in chunks that are never
/// copied to grow. A record is taken as spans, so a reader that has the bytes need not make strings of them.
/// </summary>
internal sealed class ScreeningLoadPart(ScreeningLoad load)
{
    private const int ChunkLength = 1 << 16;

    private readonly List<ScreeningLoad.Staged[]> full = [];
    private readonly Dictionary<string, ushort> seen = new(StringComparer.Ordinal);
    private ScreeningLoad.Staged[] chunk = new ScreeningLoad.Staged[ChunkLength];
    private int used;

    /// <summary>Records this part holds.</summary>
    public int Count => (full.Count * ChunkLength) + used;

    /// <summary>Each chunk with how many of its records are filled.</summary>
    public IEnumerable<(ScreeningLoad.Staged[] Chunk, int Used)> Chunks =>
        full.Select(c => (c, ChunkLength)).Append((chunk, used));

    /// <summary>Adds a live record, unless its review date has passed.</summary>
    public void Add(
        ReadOnlySpan<char> normalizedNumber, ReadOnlySpan<char> issuingState, DocumentType type, Guid owner,
        int reviewDay)
    {
        if (reviewDay < load.Today)
        {
            return;
        }

        // A few hundred states at most: each reader asks the shared names once per state, then asks its own.
        var states = seen.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!states.TryGetValue(issuingState, out var code))
        {
            (var name, code) = load.Name(issuingState);
            seen.Add(name, code);
        }

        if (used == ChunkLength)
        {
            full.Add(chunk);
            chunk = new ScreeningLoad.Staged[ChunkLength];
            used = 0;
        }

        chunk[used++] = new ScreeningLoad.Staged
        {
            Folded = ScreeningHash.Folded(normalizedNumber),
            Rec = new ScreeningTable.Rec
            {
                Key = ScreeningHash.Key(issuingState, type, normalizedNumber, owner),
                State = code,
                ReviewDay = reviewDay,
                Live = 1,
            },
        };
    }
}
