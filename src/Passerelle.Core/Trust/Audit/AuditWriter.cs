using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Passerelle.Core.Common;
using Passerelle.Core.Data;

namespace Passerelle.Core.Trust.Audit;

/// <summary>
/// Group commit for entries that stand alone (consultations, sign-ins, token use): callers wait until their entry
/// is durable, and every entry that arrived meanwhile shares one transaction. A batch that meets a transient fault
/// (the database restarting) is tried again a few times before its callers are told it failed.
/// </summary>
public sealed class AuditWriter : IAsyncDisposable, IDisposable
{
    private const int MaxBatch = 512;

    /// <summary>
    /// Pauses before the second and third attempt at a batch: about a second in all, then the callers' 503.
    /// </summary>
    private static readonly TimeSpan[] RetryPauses = [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(800)];

    private readonly Channel<Pending> queue =
        Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly DedicatedContexts contexts;
    private readonly AuditedChange audited;
    private readonly ILogger<AuditWriter> log;
    private readonly LogStorm storm;
    private readonly AuditWriterHealth health;
    private readonly Task loop;

    /// <summary>Cancelled when the shutdown time runs out: what is still being committed then is given up.</summary>
    private readonly CancellationTokenSource abandon = new();
    private int queued;

    /// <summary>
    /// The loop's own context and connection, kept open from batch to batch: a context built and a pooled connection
    /// reset for every batch cost more than the batch's rows. Dropped after any failure, so a retry starts afresh.
    /// </summary>
    private PasserelleDb? kept;

    public AuditWriter(
        DedicatedContexts contexts, AuditedChange audited, ILogger<AuditWriter> log, LogStorm storm, TimeProvider time)
    {
        this.contexts = contexts;
        this.audited = audited;
        this.log = log;
        this.storm = storm;
        health = new AuditWriterHealth(contexts, time);
        loop = Task.Run(RunAsync);
    }

    /// <summary>What the health check reports: entries waiting, the last commit, and since when commits fail.</summary>
    public AuditWriterState State => health.State(Volatile.Read(ref queued), loop.IsCompleted);

    /// <summary>
    /// After a failed commit, whether the writer could commit now: commits a write of one row of its own. Without it a
    /// node taken out of rotation would never see a commit succeed again; a read would not do, as it succeeds on a
    /// full disk.
    /// </summary>
    public Task<bool> CanCommitAsync(CancellationToken ct) => health.CanCommitAsync(ct);

    /// <summary>Completes once the entry is committed; throws if it could not be.</summary>
    public Task AppendAsync(AuditRecord record, CancellationToken ct = default)
    {
        var pending = new Pending(record, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        // Counted before it is queued, so the writer never takes away what was not yet added.
        Interlocked.Increment(ref queued);
        if (!queue.Writer.TryWrite(pending))
        {
            Interlocked.Decrement(ref queued);
            throw new InvalidOperationException("The audit writer has stopped.");
        }

        return pending.Done.Task.WaitAsync(ct);
    }

    /// <summary>
    /// Several entries, committed together with whatever else is waiting; completes once all are durable.
    /// </summary>
    public Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken ct = default) =>
        records.Count == 0 ? Task.CompletedTask : Task.WhenAll(records.Select(r => AppendAsync(r, ct)));

    /// <summary>
    /// Stops taking entries and waits until every queued one is committed, or until <paramref name="ct"/> gives up;
    /// whatever is still queued then was never acknowledged to anyone, so no answered request loses its entry.
    /// </summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        queue.Writer.TryComplete();
        await using (ct.Register(abandon.Cancel))
        {
            await loop;
        }

        ct.ThrowIfCancellationRequested();
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop;
        abandon.Dispose();
    }

    public void Dispose()
    {
        queue.Writer.TryComplete();
        loop.GetAwaiter().GetResult();
        abandon.Dispose();
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            Interlocked.Add(ref queued, -batch.Count);
            health.Committing();
            var failure = await CommitWithRetriesAsync(batch);
            health.Finished(committed: failure is null);
            if (failure is null)
            {
                batch.ForEach(p => p.Done.TrySetResult());
            }
            else
            {
                if (storm.Admit($"audit commit: {failure.GetType().Name}: {failure.Message}"))
                {
                    log.LogError(failure, "Could not commit {Count} audit entries", batch.Count);
                }

                batch.ForEach(p => p.Done.TrySetException(failure));
            }
        }

        await DropKeptAsync();
    }

    /// <summary>Returns null once the batch is durable, or the last failure.</summary>
    private async Task<Exception?> CommitWithRetriesAsync(List<Pending> batch)
    {
        Tail? staged = null;
        var records = batch.ConvertAll(p => p.Record);
        for (var attempt = 0; ; attempt++)
        {
            // A connection kept idle may have been closed by the server meanwhile: the retry need not wait.
            var reused = kept is not null;
            try
            {
                var ct = abandon.Token;
                var db = await KeptAsync(ct);
                // A commit cut off on its way back may have landed, or land late: once the chain's turn is ours,
                // no earlier attempt can still be committing, so if the tail it staged is there, it did. A first
                // attempt takes the turn as it links, in the same round trip as reading the tail.
                await using var change = staged is null
                    ? await audited.BeginAsync(db, ct)
                    : await audited.TakeTurnAsync(db, ct);
                if (staged is not null && await LandedAsync(db, staged, ct))
                {
                    return null;
                }

                var tail = await change.WriteAsync(records, ct);
                staged = new Tail(tail.Sequence, tail.Hash);
                await change.CommitAsync(ct);
                return null;
            }
            catch (Exception ex) when (
                attempt < RetryPauses.Length && DatabaseFaults.IsRetryable(ex) && !abandon.IsCancellationRequested)
            {
                await DropKeptAsync();
                if (!reused)
                {
                    await Task.Delay(RetryPauses[attempt]);
                }
            }
            catch (Exception ex)
            {
                await DropKeptAsync();
                return ex;
            }
        }
    }

    private async Task<PasserelleDb> KeptAsync(CancellationToken ct)
    {
        if (kept is null)
        {
            var db = contexts.Create();
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
            catch (Exception ex) when (DatabaseFaults.IsRetryable(ex))
            {
                // A broken connection may fail as it closes; the next batch opens another either way.
            }
        }
    }

    private static Task<bool> LandedAsync(PasserelleDb db, Tail tail, CancellationToken ct) =>
        db.AuditEntries.AnyAsync(e => e.Sequence == tail.Sequence && e.Hash == tail.Hash, ct);

    private sealed record Pending(AuditRecord Record, TaskCompletionSource Done);

    private sealed record Tail(long Sequence, string Hash);
}
