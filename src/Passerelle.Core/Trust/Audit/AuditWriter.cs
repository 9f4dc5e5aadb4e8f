using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Passerelle.Core.Common;
using Passerelle.Core.Data;

namespace Passerelle.Core.Trust.Audit;

/// <summary>
/// Group commit for entries that stand alone (consultations, sign-ins, token use), and for the small changes that
/// must commit with a consultation's entry (a hit case a screening opens): callers wait until their entry is durable,
/// and everything that arrived meanwhile shares one transaction (<see cref="AuditBatches"/>). A batch that meets a
/// transient fault (the database restarting) is tried again a few times before its callers are told it failed.
/// </summary>
public sealed class AuditWriter : IAsyncDisposable, IDisposable
{
    private const int MaxBatch = 512;

    private readonly Channel<Pending> queue =
        Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly AuditBatches commits;
    private readonly ILogger<AuditWriter> log;
    private readonly LogStorm storm;
    private readonly AuditWriterHealth health;
    private readonly Task loop;

    /// <summary>Cancelled when the shutdown time runs out: what is still being committed then is given up.</summary>
    private readonly CancellationTokenSource abandon = new();
    private int queued;

    public AuditWriter(
        DedicatedContexts contexts, AuditedChange audited, ILogger<AuditWriter> log, LogStorm storm, TimeProvider time)
    {
        commits = new AuditBatches(contexts, audited);
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
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(new Pending(record, done));
        return done.Task.WaitAsync(ct);
    }

    private void Enqueue(Pending pending)
    {
        // Counted before it is queued, so the writer never takes away what was not yet added.
        Interlocked.Increment(ref queued);
        if (!queue.Writer.TryWrite(pending))
        {
            Interlocked.Decrement(ref queued);
            throw new InvalidOperationException("The audit writer has stopped.");
        }
    }

    /// <summary>
    /// Runs <paramref name="change"/> in the next batch, under the chain's turn, and commits its rows and entries with
    /// the batch; completes with its result once they are durable. A change that fails rolls back alone: its caller
    /// gets the exception, and the rest of the batch commits.
    /// </summary>
    public Task<T> CommitWithBatchAsync<T>(BatchedChange<T> change, CancellationToken ct = default)
    {
        var work = new BatchWork<T>(change);
        Enqueue(new Pending(null, null, work));
        return work.Done.WaitAsync(ct);
    }

    /// <summary>
    /// Several entries, committed together with whatever else is waiting; completes once all are durable.
    /// </summary>
    public Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken ct = default) =>
        records.Count switch
        {
            0 => Task.CompletedTask,
            1 => AppendAsync(records[0], ct),
            _ => Task.WhenAll(records.Select(r => AppendAsync(r, ct))),
        };

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
            var records = batch.Where(p => p.Record is not null).Select(p => p.Record!).ToList();
            var works = batch.Where(p => p.Work is not null).Select(p => p.Work!).ToList();
            var failure = await commits.CommitAsync(records, works, abandon.Token);
            health.Finished(committed: failure is null);
            if (failure is null)
            {
                batch.ForEach(p => p.Done?.TrySetResult());
                works.ForEach(w => w.Committed());
            }
            else
            {
                if (storm.Admit($"audit commit: {failure.GetType().Name}: {failure.Message}"))
                {
                    log.LogError(failure, "Could not commit {Count} audit entries", batch.Count);
                }

                batch.ForEach(p => p.Done?.TrySetException(failure));
                works.ForEach(w => w.Failed(failure));
            }
        }

        await commits.DisposeAsync();
    }

    private sealed record Pending(AuditRecord? Record, TaskCompletionSource? Done, BatchWork? Work = null);
}
