using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Passerelle.Core.Common;
using Passerelle.Core.Data;

namespace Passerelle.Core.Trust.Audit;

/// <summary>
/// Links entries into the chain inside a transaction, without saving anything: <see cref="AuditedChange"/> saves
/// them with the change they record, so both commit together or not at all. Appenders take turns: PostgreSQL
/// through an advisory lock held to the end of the transaction, SQLite through its single writer.
/// </summary>
internal sealed class AuditTrail(TimeProvider time)
{
    private const long ChainLock = 0x5041_5353_4155_4454; // "PASSAUDT"

    /// <summary>
    /// Takes the chain's turn and adds the entries to the context without saving them, so the caller can stamp its
    /// own rows with the sequence before one SaveChanges writes both. Returns the last sequence number used.
    /// </summary>
    public async Task<long> StageAsync(PasserelleDb db, IReadOnlyList<AuditRecord> records, CancellationToken ct)
    {
        var entries = await LinkAsync(db, records, ct);
        db.AuditEntries.AddRange(entries);
        return entries[^1].Sequence;
    }

    /// <summary>
    /// Takes the chain's turn and links the entries to its tail, for a caller that writes them itself; nothing is
    /// added to the context.
    /// </summary>
    public async Task<IReadOnlyList<AuditEntry>> LinkAsync(
        PasserelleDb db, IReadOnlyList<AuditRecord> records, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException(
                "Audit entries are appended inside the transaction of the change they record.");
        }

        var (sequence, previous) = await TailAsync(db, ct);
        var now = time.UtcNow();
        var entries = new AuditEntry[records.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = Link(records[i], ++sequence, now, previous);
            previous = entries[i].Hash;
        }

        return entries;
    }

    /// <summary>
    /// Waits for the chain's turn, held to the end of the caller's transaction; taking it again in the same
    /// transaction is free. On SQLite the single writer takes turns by itself.
    /// </summary>
    public static async Task TakeTurnAsync(PasserelleDb db, CancellationToken ct)
    {
        if (db.IsPostgreSql)
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ChainLock})", ct);
        }
    }

    /// <summary>
    /// Takes the chain's turn and reads its tail in one round trip: the group-commit writer does this once a batch,
    /// with every screening of the batch waiting on it.
    /// </summary>
    private static async Task<(long Sequence, string Hash)> TailAsync(PasserelleDb db, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        const string tail = "SELECT \"Sequence\", \"Hash\" FROM audit_entries ORDER BY \"Sequence\" DESC LIMIT 1";
        // PostgreSQL runs the two statements in order, and the second, under READ COMMITTED, sees every entry
        // committed before the lock was granted.
        command.CommandText = db.IsPostgreSql ? $"SELECT pg_advisory_xact_lock({ChainLock}); {tail}" : tail;
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (db.IsPostgreSql)
        {
            await reader.NextResultAsync(ct);
        }

        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetString(1)) : (0, AuditChain.Genesis);
    }

    private static AuditEntry Link(AuditRecord record, long sequence, DateTime occurredAt, string previousHash)
    {
        var entry = new AuditEntry
        {
            Sequence = sequence,
            OccurredAt = occurredAt,
            EventCode = (int)record.Event,
            Operation = record.Event.Operation(),
            Outcome = record.Outcome,
            UserId = record.UserId,
            Login = StoredText.Storable(record.Login),
            AgencyCode = record.AgencyCode,
            TokenId = record.TokenId,
            Target = Clip(record.Target, 500),
            Purpose = Clip(record.Purpose, 200),
            // Stored exactly as the chain hashes it: the JSON text, whose values were clipped as they were written.
            Details = StoredText.Storable(record.Details?.ToJson()),
            Source = Clip(record.Source, 100),
            PreviousHash = previousHash,
        };
        entry.Hash = AuditChain.ComputeHash(entry);
        return entry;
    }

    /// <summary>Clipped and made storable before it is hashed, so the chain holds exactly what is stored.</summary>
    private static string? Clip(string? value, int length) => StoredText.Storable(StoredText.Clip(value, length));
}
