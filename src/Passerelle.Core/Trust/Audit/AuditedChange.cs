using Passerelle.Core.Data;

namespace Passerelle.Core.Trust.Audit;

/// <summary>
/// Commits a change and its audit entries together: the rows the context tracks and the entries are saved in one
/// transaction, so neither lands without the other. The trail never saves a caller's rows by itself; this does, and
/// says so.
/// </summary>
public sealed class AuditedChange(TimeProvider time)
{
    private readonly AuditTrail trail = new(time);

    /// <summary>
    /// Saves every row <paramref name="db"/> tracks with <paramref name="entries"/> and commits them. Inside a
    /// transaction the caller has begun, it joins that one and commits it. <paramref name="stamp"/> receives the
    /// last sequence number before anything is saved, for rows that carry the change sequence.
    /// </summary>
    /// <returns>The last sequence number used.</returns>
    public async Task<long> CommitAsync(
        PasserelleDb db, IReadOnlyList<AuditRecord> entries, CancellationToken ct, Action<long>? stamp = null)
    {
        await using var change = await BeginAsync(db, ct);
        var sequence = await change.AppendAsync(entries, ct);
        stamp?.Invoke(sequence);
        await change.CommitAsync(ct);
        return sequence;
    }

    public Task<long> CommitAsync(
        PasserelleDb db, AuditRecord entry, CancellationToken ct, Action<long>? stamp = null) =>
        CommitAsync(db, [entry], ct, stamp);

    /// <summary>
    /// Opens the change's transaction (or joins the caller's) for work that writes as it goes, such as Identity's
    /// stores, before its entries are known. Left without a commit, it rolls back.
    /// </summary>
    public async Task<OpenChange> BeginAsync(PasserelleDb db, CancellationToken ct)
    {
        var joined = db.Database.CurrentTransaction;
        return new OpenChange(db, trail, joined ?? await db.Database.BeginTransactionAsync(ct), owned: joined is null);
    }

    /// <summary>
    /// Opens the change and takes the chain's turn at once, before the caller looks at what it will change: no other
    /// audited change commits until this one ends, so what the caller reads now is what it writes over. PostgreSQL
    /// holds an advisory lock to the end of the transaction; SQLite's transaction takes the write lock.
    /// </summary>
    public async Task<OpenChange> TakeTurnAsync(PasserelleDb db, CancellationToken ct)
    {
        var change = await BeginAsync(db, ct);
        try
        {
            await AuditTrail.TakeTurnAsync(db, ct);
            return change;
        }
        catch
        {
            await change.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Takes the chain's turn, then reloads <paramref name="row"/> as it stands now, for a decision that must see the
    /// last one: of two sent together, the second finds the row changed and can refuse rather than overwrite.
    /// </summary>
    public async Task<OpenChange> RereadAsync(PasserelleDb db, object row, CancellationToken ct)
    {
        var change = await TakeTurnAsync(db, ct);
        try
        {
            await db.Entry(row).ReloadAsync(ct);
            return change;
        }
        catch
        {
            await change.DisposeAsync();
            throw;
        }
    }
}
