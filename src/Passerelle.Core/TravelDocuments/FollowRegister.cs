using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Data;

namespace Passerelle.Core.TravelDocuments;

/// <summary>
/// Keeps this node's screening index in step with the database: a full load at start-up, then every change whose
/// sequence is past what the index holds, whichever node wrote it. Sequences are allocated under the audit chain's
/// lock, so they commit in order and none is skipped. The load reads the rows and the highest sequence among them
/// from one snapshot, so following resumes exactly where the rows it read end.
/// </summary>
public sealed class FollowRegister(PasserelleDb db, ScreeningIndex index, TimeProvider time)
{
    private const int Page = 10_000;

    /// <summary>
    /// Pages of the table a range of the PostgreSQL load reads at least: a small register is read in one range.
    /// </summary>
    internal int MinimumPagesPerRange { get; init; } = 4096;

    /// <summary>
    /// Reads every screenable record into the index and marks it caught up to the change sequence the read saw: at
    /// ten million records, start-up time is this.
    /// </summary>
    /// <returns>How many records were read.</returns>
    public async Task<int> LoadAsync(CancellationToken ct)
    {
        var load = new ScreeningLoad(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        var sequence = db.IsPostgreSql
            ? await RegisterCopy.ReadAsync(db, load, MinimumPagesPerRange, ct)
            : await ReadSqliteAsync(load, ct);
        return index.Load(load, sequence);
    }

    /// <summary>
    /// SQLite reads with one plain data reader. The high-water mark and the rows are read in one deferred transaction,
    /// so from one snapshot of the file: a write that commits meanwhile is past the mark, and the follower applies it.
    /// </summary>
    private async Task<long> ReadSqliteAsync(ScreeningLoad load, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var snapshot = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        try
        {
            await db.Database.UseTransactionAsync(snapshot, ct);
            var newest = await db.TravelDocuments.MaxAsync(d => (long?)d.ChangeSequence, ct) ?? 0;
            // EF writes the query from the one definition of screenable; the loop reads its rows by hand.
            await using var command = db.TravelDocuments.ScreenableOn(DateOnly.FromDayNumber(load.Today))
                .Select(d => new { d.NormalizedNumber, d.IssuingState, d.Type, d.ReviewOn, d.OwnerAgencyId })
                .CreateDbCommand();
            command.Transaction = snapshot;
            var part = load.NewPart();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                // SQLite keeps the owner as text and the review date as ISO text.
                part.Add(reader.GetString(0), reader.GetString(1), Enum.Parse<DocumentType>(reader.GetString(2)),
                    reader.GetGuid(4), DateOnly.Parse(reader.GetString(3), CultureInfo.InvariantCulture).DayNumber);
            }

            return newest;
        }
        finally
        {
            await db.Database.UseTransactionAsync(null, CancellationToken.None);
            await snapshot.DisposeAsync();
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
