using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Data;

namespace Passerelle.Core.TravelDocuments;

/// <summary>
/// Keeps this node's screening index in step with the database: a full load at start-up, then every change whose
/// sequence is past what the index holds, whichever node wrote it. Sequences are allocated under the audit chain's
/// lock, so they commit in order and none is skipped.
/// </summary>
public sealed class FollowRegister(PasserelleDb db, ScreeningIndex index, TimeProvider time)
{
    private const int Page = 10_000;

    public async Task<int> LoadAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var loaded = 0;
        await foreach (var d in db.TravelDocuments.AsNoTracking()
            .Where(d => d.DeletedAt == null && d.Status != DocumentStatus.Recovered && d.ReviewOn >= today)
            .Select(d => new { d.NormalizedNumber, d.IssuingState, d.Type, d.ReviewOn, d.ChangeSequence })
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            index.Upsert(d.NormalizedNumber, d.IssuingState, d.Type, d.ReviewOn, live: true, d.ChangeSequence);
            loaded++;
        }

        var last = await db.TravelDocuments.MaxAsync(d => (long?)d.ChangeSequence, ct) ?? 0;
        index.CaughtUpTo(last);
        return loaded;
    }

    /// <summary>Applies every change past the index's sequence; returns how many.</summary>
    public async Task<int> CatchUpAsync(CancellationToken ct)
    {
        var applied = 0;
        while (true)
        {
            var after = index.Sequence;
            var changes = await db.TravelDocuments.AsNoTracking().Where(d => d.ChangeSequence > after).OrderBy(d => d.ChangeSequence).Take(Page).ToListAsync(ct);
            foreach (var d in changes)
            {
                DocumentWriter.Apply(index, d);
            }

            applied += changes.Count;
            if (changes.Count < Page)
            {
                return applied;
            }
        }
    }
}
