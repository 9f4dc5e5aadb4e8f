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

    /// <summary>
    /// Reads every screenable record into the index with a plain data reader: at ten million records, start-up time
    /// is this loop.
    /// </summary>
    public async Task<int> LoadAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // EF writes the query from the one definition of screenable; the loop reads its rows by hand, in order.
            await using var command = db.TravelDocuments.ScreenableOn(today)
                .Select(d => new
                {
                    d.NormalizedNumber,
                    d.IssuingState,
                    d.Type,
                    d.ReviewOn,
                    d.ChangeSequence,
                    d.OwnerAgencyId,
                })
                .CreateDbCommand();
            var loaded = 0;
            long last = 0;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var reviewOn = db.IsPostgreSql
                    ? reader.GetFieldValue<DateOnly>(3)
                    : DateOnly.Parse(reader.GetString(3), System.Globalization.CultureInfo.InvariantCulture);
                var sequence = reader.GetInt64(4);
                // SQLite keeps the owner as text, PostgreSQL as uuid: GetGuid reads both.
                index.Upsert(reader.GetString(0), reader.GetString(1), Enum.Parse<DocumentType>(reader.GetString(2)),
                    reader.GetGuid(5), reviewOn, live: true, sequence);
                last = Math.Max(last, sequence);
                loaded++;
            }

            await reader.CloseAsync();
            var newest = await db.TravelDocuments.MaxAsync(d => (long?)d.ChangeSequence, ct) ?? 0;
            index.CaughtUpTo(Math.Max(last, newest));
            return loaded;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Applies every change past the index's sequence; returns how many.</summary>
    public async Task<int> CatchUpAsync(CancellationToken ct)
    {
        var applied = 0;
        while (true)
        {
            var after = index.Sequence;
            var changes = await db.TravelDocuments.AsNoTracking()
                .Where(d => d.ChangeSequence > after)
                .OrderBy(d => d.ChangeSequence)
                .Take(Page)
                .ToListAsync(ct);
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
