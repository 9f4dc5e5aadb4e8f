using Microsoft.EntityFrameworkCore.Storage;
using Passerelle.Core.Data;

namespace Passerelle.Core.Trust.Audit;

/// <summary>
/// A change under way, begun by <see cref="AuditedChange"/>: its entries join the chain, then one commit saves them
/// with every row the context tracks. Disposed without a commit, the change's own transaction rolls back.
/// </summary>
public sealed class OpenChange : IAsyncDisposable
{
    private readonly PasserelleDb db;
    private readonly AuditTrail trail;
    private readonly IDbContextTransaction transaction;
    private readonly bool owned;

    internal OpenChange(PasserelleDb db, AuditTrail trail, IDbContextTransaction transaction, bool owned)
    {
        this.db = db;
        this.trail = trail;
        this.transaction = transaction;
        this.owned = owned;
    }

    /// <summary>
    /// Takes the chain's turn and links the entries into it, unsaved, so rows can be stamped with the sequence before
    /// <see cref="CommitAsync(CancellationToken)"/> writes both. Returns the last sequence number used.
    /// </summary>
    public Task<long> AppendAsync(IReadOnlyList<AuditRecord> entries, CancellationToken ct) =>
        trail.StageAsync(db, entries, ct);

    /// <summary>
    /// Takes the chain's turn, links the entries and writes them straight away, past the context's change tracking
    /// (see <see cref="AuditRows"/>). Returns the last entry, the chain's new tail once committed.
    /// </summary>
    internal async Task<AuditEntry> WriteAsync(IReadOnlyList<AuditRecord> entries, CancellationToken ct)
    {
        var linked = await trail.LinkAsync(db, entries, ct);
        await AuditRows.WriteAsync(db, linked, ct);
        return linked[^1];
    }

    /// <summary>
    /// Saves the tracked rows and the appended entries, and commits. A change that joined the caller's transaction
    /// only saves: the caller, who began the transaction, commits or rolls back everything in it.
    /// </summary>
    public async Task CommitAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        if (owned)
        {
            // Once the rows are saved the commit is not cancelled half-way: a request that went away while it ran
            // would not know whether its change landed, and the picture store would drop files a commit kept.
            await transaction.CommitAsync(CancellationToken.None);
        }
    }

    /// <summary>Appends <paramref name="entries"/>, saves them with the tracked rows, and commits.</summary>
    public async Task<long> CommitAsync(IReadOnlyList<AuditRecord> entries, CancellationToken ct)
    {
        var sequence = await AppendAsync(entries, ct);
        await CommitAsync(ct);
        return sequence;
    }

    public Task<long> CommitAsync(AuditRecord entry, CancellationToken ct) => CommitAsync([entry], ct);

    public async ValueTask DisposeAsync()
    {
        // A joined transaction belongs to the caller, who disposes it.
        if (owned)
        {
            await transaction.DisposeAsync();
        }
    }
}
