using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Passerelle.Core.Data;

namespace Passerelle.Core.Audit;

/// <summary>
/// Group commit for entries that stand alone (consultations, sign-ins, token use): callers wait until their entry
/// is durable, and every entry that arrived meanwhile shares one transaction.
/// </summary>
public sealed class AuditWriter : IAsyncDisposable, IDisposable
{
    private const int MaxBatch = 512;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory scopes;
    private readonly ILogger<AuditWriter> log;
    private readonly Task loop;

    public AuditWriter(IServiceScopeFactory scopes, ILogger<AuditWriter> log)
    {
        this.scopes = scopes;
        this.log = log;
        loop = Task.Run(RunAsync);
    }

    /// <summary>Completes once the entry is committed; throws if it could not be.</summary>
    public Task AppendAsync(AuditRecord record, CancellationToken ct = default)
    {
        var pending = new Pending(record, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The audit writer has stopped.");
        }

        return pending.Done.Task.WaitAsync(ct);
    }

    /// <summary>Several entries, committed together with whatever else is waiting; completes once all are durable.</summary>
    public Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken ct = default) =>
        records.Count == 0 ? Task.CompletedTask : Task.WhenAll(records.Select(r => AppendAsync(r, ct)));

    /// <summary>Stops taking entries and waits until every queued one is committed.</summary>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop;
    }

    public void Dispose()
    {
        queue.Writer.TryComplete();
        loop.GetAwaiter().GetResult();
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

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PasserelleDb>();
                var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
                await using var transaction = await db.Database.BeginTransactionAsync();
                await trail.AppendAsync(db, [.. batch.Select(p => p.Record)], CancellationToken.None);
                await transaction.CommitAsync();
                batch.ForEach(p => p.Done.TrySetResult());
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Could not commit {Count} audit entries", batch.Count);
                batch.ForEach(p => p.Done.TrySetException(ex));
            }
        }
    }

    private sealed record Pending(AuditRecord Record, TaskCompletionSource Done);
}
