using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Data;

namespace Passerelle.Core.Trust.Audit;

/// <summary>
/// Commits <see cref="AuditWriter"/>'s batches: the entries, and the changes that commit with them, in one
/// transaction on a context and connection kept open from batch to batch (a context built and a pooled connection
/// reset for every batch cost more than the batch's rows). After any failure the context is dropped, so a retry
/// starts afresh.
/// </summary>
internal sealed class AuditBatches(DedicatedContexts contexts, AuditedChange audited) : IAsyncDisposable
{
    private const string ChangeSavepoint = "passerelle_change";

    /// <summary>
    /// Pauses before the second and third attempt at a batch: about a second in all, then the callers' 503.
    /// </summary>
    private static readonly TimeSpan[] RetryPauses = [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(800)];

    private PasserelleDb? kept;

    /// <summary>Returns null once the batch is durable, or the last failure.</summary>
    public async Task<Exception?> CommitAsync(List<AuditRecord> records, List<BatchWork> works, CancellationToken ct)
    {
        Tail? staged = null;
        for (var attempt = 0; ; attempt++)
        {
            // A connection kept idle may have been closed by the server meanwhile: the retry need not wait.
            var reused = kept is not null;
            try
            {
                var db = await KeptAsync(ct);
                // A commit cut off on its way back may have landed, or land late: once the chain's turn is ours,
                // no earlier attempt can still be committing, so if the tail it staged is there, it did. A first
                // attempt of entries alone takes the turn as it links, in the same round trip as reading the tail;
                // changes take it first, as they read what they write over.
                await using var change = staged is null && works.Count == 0
                    ? await audited.BeginAsync(db, ct)
                    : await audited.TakeTurnAsync(db, ct);
                if (staged is not null && await LandedAsync(db, staged, ct))
                {
                    return null;
                }

                var entries = works.Count == 0 ? records : [.. records, .. await StageAsync(db, works, ct)];
                if (entries.Count > 0)
                {
                    var tail = await change.WriteAsync(entries, ct);
                    staged = new Tail(tail.Sequence, tail.Hash);
                }

                await change.CommitAsync(ct);
                return null;
            }
            catch (Exception ex) when (
                attempt < RetryPauses.Length && DatabaseFaults.IsRetryable(ex) && !ct.IsCancellationRequested)
            {
                await DropKeptAsync();
                if (reused)
                {
                    // Not counted: the next attempt opens a connection of its own, with every pause still to come.
                    attempt--;
                }
                else
                {
                    await Task.Delay(RetryPauses[attempt], CancellationToken.None);
                }
            }
            catch (Exception ex)
            {
                await DropKeptAsync();
                return ex;
            }
        }
    }

    public ValueTask DisposeAsync() => new(DropKeptAsync());

    /// <summary>
    /// Runs each change under a savepoint of its own: one that fails for a reason of its own (not the database's) is
    /// rolled back alone and refused, and the batch goes on. Its entries join the batch only once its rows are saved;
    /// entries are made storable before they are linked (<see cref="AuditTrail"/>), so none fails the batch's write.
    /// </summary>
    private static async Task<List<AuditRecord>> StageAsync(
        PasserelleDb db, List<BatchWork> works, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction!;
        var entries = new List<AuditRecord>();
        foreach (var work in works)
        {
            work.Reset();
            await transaction.CreateSavepointAsync(ChangeSavepoint, ct);
            try
            {
                var staged = await work.StageAsync(db, ct);
                await transaction.ReleaseSavepointAsync(ChangeSavepoint, ct);
                entries.AddRange(staged);
            }
            catch (Exception ex) when (!DatabaseFaults.IsRetryable(ex) && !ct.IsCancellationRequested)
            {
                await transaction.RollbackToSavepointAsync(ChangeSavepoint, ct);
                work.Refused(ex);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return entries;
    }

    private async Task<PasserelleDb> KeptAsync(CancellationToken ct)
    {
        if (kept is null)
        {
            var db = contexts.Create();
            // Each change has its savepoint already; EF Core's own, around every save, would add a round trip.
            db.Database.AutoSavepointsEnabled = false;
            try
            {
                await db.Database.OpenConnectionAsync(ct);
            }
            catch
            {
                await db.DisposeAsync();
                throw;
            }

            kept = db;
        }

        return kept;
    }

    private async Task DropKeptAsync()
    {
        if (kept is { } db)
        {
            kept = null;
            try
            {
                await db.DisposeAsync();
            }
            catch (Exception)
            {
                // A broken connection may fail as it closes, for any reason; the next batch opens another either way,
                // and the writer's loop must outlive it.
            }
        }
    }

    private static Task<bool> LandedAsync(PasserelleDb db, Tail tail, CancellationToken ct) =>
        db.AuditEntries.AnyAsync(e => e.Sequence == tail.Sequence && e.Hash == tail.Hash, ct);

    private sealed record Tail(long Sequence, string Hash);
}
