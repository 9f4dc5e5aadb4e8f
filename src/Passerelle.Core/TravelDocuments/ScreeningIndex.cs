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
    private readonly Lock writing = new();
    private ScreeningTable current = ScreeningTable.CreateEmpty();

    /// <summary>Records in the index, live or not.</summary>
    public int Count => current.RecordCount;

    /// <summary>The change sequence the index has caught up to.</summary>
    public long Sequence { get; private set; }

    /// <summary>Bytes held by the index's arrays, for the benchmark's bytes-per-record figure.</summary>
    public long ArrayBytes => current.ArrayBytes;

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
        var folded = ScreeningHash.Folded(normalizedNumber);
        var key = ScreeningHash.Key(issuingState, type, normalizedNumber, owner);
        lock (writing)
        {
            Put(folded, key, issuingState, reviewOn.DayNumber, live);
            Sequence = Math.Max(Sequence, sequence);
        }
    }

    /// <summary>
    /// A change this node committed itself, screened at once. The index's <see cref="Sequence"/> stays where the
    /// follower left it: another node's change with a lower sequence may still be on its way, and moving past it
    /// here would make the follower skip it for good.
    /// </summary>
    public void UpsertOwn(
        string normalizedNumber, string issuingState, DocumentType type, Guid owner, DateOnly reviewOn, bool live)
    {
        var folded = ScreeningHash.Folded(normalizedNumber);
        var key = ScreeningHash.Key(issuingState, type, normalizedNumber, owner);
        lock (writing)
        {
            Put(folded, key, issuingState, reviewOn.DayNumber, live);
        }
    }

    /// <summary>
    /// Takes the register read whole at start-up, caught up to <paramref name="sequence"/>. An empty index takes it
    /// as one table built to its size; one that already holds records takes it record by record, as upserts.
    /// </summary>
    /// <returns>How many records the load held.</returns>
    internal int Load(ScreeningLoad load, long sequence)
    {
        lock (writing)
        {
            if (current.RecordCount == 0)
            {
                current = load.Build();
            }
            else
            {
                foreach (var (folded, rec, state) in load.Records())
                {
                    Put(folded, rec.Key, state, rec.ReviewDay, live: true);
                }
            }

            Sequence = Math.Max(Sequence, sequence);
            return load.Count;
        }
    }

    private void Put(ulong folded, ulong key, string issuingState, int reviewDay, bool live)
    {
        var state = current;
        var found = state.Find(folded, key);
        if (found >= 0)
        {
            ref var rec = ref state.Records[found];
            rec.ReviewDay = reviewDay;
            Volatile.Write(ref rec.Live, live ? (byte)1 : (byte)0);
        }
        else if (live)
        {
            var named = state.WithState(issuingState);
            state = named.Grown();
            if (!ReferenceEquals(state, named))
            {
                current = state;
            }

            var index = state.RecordCount;
            state.Records[index] = new ScreeningTable.Rec
            {
                Key = key,
                State = state.States[issuingState],
                ReviewDay = reviewDay,
                Live = 1,
            };
            ScreeningTable.Insert(state.Table, folded, index);
            current = state with { RecordCount = index + 1, SlotCount = state.SlotCount + 1 };
        }
    }

    /// <summary>
    /// How many live records could match: the folded number matches, and so does the issuing state when one is
    /// given. Zero means clear.
    /// </summary>
    public int Candidates(ReadOnlySpan<char> normalizedNumber, string? issuingState, DateOnly today)
    {
        var state = current;
        var folded = ScreeningHash.Folded(normalizedNumber);
        ushort stateCode = 0;
        if (issuingState is not null && !state.States.TryGetValue(issuingState, out stateCode))
        {
            return 0;
        }

        return state.Candidates(folded, stateCode, today.DayNumber);
    }
}
