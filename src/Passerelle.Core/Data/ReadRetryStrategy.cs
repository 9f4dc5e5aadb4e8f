using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace Passerelle.Core.Data;

/// <summary>
/// Retries, within a bound, an operation that cannot have half-written anything: one outside any transaction with no
/// change pending in the context. That is a read, or one of the few single-statement updates, which all set a value
/// and so may run twice. A write whose commit was cut off may or may not have landed, so it is never replayed; the
/// request fails with 503, which says so. Operations inside a transaction run once, and a command that timed out is
/// not run again (see <see cref="DatabaseFaults.IsRetryable"/>).
/// </summary>
public sealed class ReadRetryStrategy(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, MaxRetries, MaxDelay, errorCodesToAdd: null)
{
    public const int MaxRetries = 2;

    public static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// False, although failures are retried: EF Core reads this to buffer every query's whole result in memory (a
    /// million-row export included) and to refuse transactions. A retry here only ever re-runs a command before its
    /// first row was handed out, so neither is needed. It is read while the context is being built, so it must not
    /// look at the context.
    /// </summary>
    public override bool RetriesOnFailure => false;

    protected override bool ShouldRetryOn(Exception? exception) =>
        exception is not null
        && Dependencies.CurrentContext.Context.Database.CurrentTransaction is null
        && !Dependencies.CurrentContext.Context.ChangeTracker.HasChanges()
        && DatabaseFaults.IsRetryable(exception);
}
