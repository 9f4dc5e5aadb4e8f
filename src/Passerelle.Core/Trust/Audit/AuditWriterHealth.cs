using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Data;

namespace Passerelle.Core.Trust.Audit;

/// <summary>
/// What <see cref="AuditWriter"/> tells the health check: when it last committed, since when commits fail and since
/// when the batch now being committed has been, kept as ticks (0 for none) that the loop and the check share.
/// </summary>
internal sealed class AuditWriterHealth(DedicatedContexts contexts, TimeProvider time)
{
    private long lastCommitTicks;
    private long failingSinceTicks;
    private long committingSinceTicks;

    public AuditWriterState State(int queued, bool stopped) => new(
        queued,
        AsTime(Interlocked.Read(ref lastCommitTicks)),
        AsTime(Interlocked.Read(ref failingSinceTicks)),
        AsTime(Interlocked.Read(ref committingSinceTicks)),
        stopped);

    public void Committing() => Interlocked.Exchange(ref committingSinceTicks, time.GetUtcNow().UtcTicks);

    /// <summary>The batch being committed is done with, durable or not.</summary>
    public void Finished(bool committed)
    {
        Interlocked.Exchange(ref committingSinceTicks, 0);
        if (committed)
        {
            Interlocked.Exchange(ref lastCommitTicks, time.GetUtcNow().UtcTicks);
            Interlocked.Exchange(ref failingSinceTicks, 0);
        }
        else
        {
            Interlocked.CompareExchange(ref failingSinceTicks, time.GetUtcNow().UtcTicks, 0);
        }
    }

    /// <inheritdoc cref="AuditWriter.CanCommitAsync"/>
    public async Task<bool> CanCommitAsync(CancellationToken ct)
    {
        var failingSince = Interlocked.Read(ref failingSinceTicks);
        if (failingSince == 0)
        {
            return true;
        }

        try
        {
            // Not the chain's turn: a probe must not queue behind the writers, only prove the storage takes a write.
            await using var db = contexts.Create();
            var now = time.GetUtcNow().UtcDateTime;
            var updated = await db.WriteProbes.Where(p => p.Id == WriteProbe.OnlyId)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.ProbedAt, now), ct);
            if (updated != 1)
            {
                // Its row was deleted: updating nothing proves nothing, so the probe writes it back.
                db.WriteProbes.Add(new WriteProbe { Id = WriteProbe.OnlyId, ProbedAt = now });
                await db.SaveChangesAsync(ct);
            }

            // Only if no commit failed since the probe began: a newer failure stands.
            Interlocked.CompareExchange(ref failingSinceTicks, 0, failingSince);
            return Interlocked.Read(ref failingSinceTicks) == 0;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return false;
        }
    }

    private static DateTimeOffset? AsTime(long ticks) => ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
}
