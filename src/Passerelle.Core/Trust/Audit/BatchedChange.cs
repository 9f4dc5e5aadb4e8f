using Passerelle.Core.Data;

namespace Passerelle.Core.Trust.Audit;

/// <summary>
/// A change that commits in the audit writer's next batch: it runs on the writer's context, inside the batch's
/// transaction and under the chain's turn, adds the rows it writes, and returns its result with the entries that
/// record it. It may run more than once (a batch that meets a transient fault is tried again), so it only reads and
/// adds to <paramref name="db"/>: nothing it does outlives a rolled-back attempt.
/// </summary>
public delegate Task<Staged<T>> BatchedChange<T>(PasserelleDb db, CancellationToken ct);

/// <summary>
/// What a <see cref="BatchedChange{T}"/> returns: its result, the entries that commit with its rows, and what to do
/// once they have committed (wake the webhook dispatcher), done whether or not its caller still waits.
/// </summary>
public sealed record Staged<T>(T Result, IReadOnlyList<AuditRecord> Entries, Action? OnCommitted = null);

/// <summary>
/// One <see cref="BatchedChange{T}"/> waiting in the writer's queue: run under a savepoint of its own, so a change
/// that fails rolls back alone and the rest of the batch commits.
/// </summary>
internal abstract class BatchWork
{
    /// <summary>Runs the change and saves its rows; returns its entries.</summary>
    public abstract Task<IReadOnlyList<AuditRecord>> StageAsync(PasserelleDb db, CancellationToken ct);

    /// <summary>The change could not be staged; its caller hears why once the batch is done with.</summary>
    public abstract void Refused(Exception reason);

    /// <summary>The batch committed: the caller gets the result of the attempt that landed, or its refusal.</summary>
    public abstract void Committed();

    /// <summary>The batch did not commit.</summary>
    public abstract void Failed(Exception reason);

    /// <summary>Forgets the outcome of an attempt that was rolled back, before the batch is tried again.</summary>
    public abstract void Reset();
}

internal sealed class BatchWork<T>(BatchedChange<T> change) : BatchWork
{
    private readonly TaskCompletionSource<T> done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? result;
    private Action? onCommitted;
    private Exception? refusal;

    public Task<T> Done => done.Task;

    public override async Task<IReadOnlyList<AuditRecord>> StageAsync(PasserelleDb db, CancellationToken ct)
    {
        var staged = await change(db, ct);
        await db.SaveChangesAsync(ct);
        result = staged.Result;
        onCommitted = staged.OnCommitted;
        return staged.Entries;
    }

    public override void Refused(Exception reason) => refusal = reason;

    public override void Committed()
    {
        if (refusal is not null)
        {
            done.TrySetException(refusal);
        }
        else
        {
            onCommitted?.Invoke();
            done.TrySetResult(result!);
        }
    }

    public override void Failed(Exception reason) => done.TrySetException(reason);

    public override void Reset()
    {
        result = default;
        onCommitted = null;
        refusal = null;
    }
}
