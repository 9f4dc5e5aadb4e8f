using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Passerelle.Core.Data;

/// <summary>What a failure says about the storage underneath, for the one answer every front end gives it.</summary>
public enum StorageFault
{
    /// <summary>Not a storage fault: a bug, answered as one.</summary>
    None,

    /// <summary>The database cannot be reached or is restarting; the same request may succeed in a moment.</summary>
    Unavailable,

    /// <summary>The disk under the database or the blob store is full; nothing was written.</summary>
    Full,
}

/// <summary>
/// Sorts exceptions into storage faults. EF Core and Npgsql wrap the cause a few levels deep (a broken socket inside
/// an <see cref="NpgsqlException"/> inside EF's "transient failure" wrapper), so the whole chain is read.
/// </summary>
public static class DatabaseFaults
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteCannotOpen = 14;
    private const int NoSpaceErrno = 28;
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);

    public static StorageFault Classify(Exception exception)
    {
        var found = StorageFault.None;
        foreach (var cause in Chain(exception))
        {
            var fault = ClassifyOne(cause);
            if (fault == StorageFault.Full)
            {
                return fault;
            }

            if (fault == StorageFault.Unavailable)
            {
                found = fault;
            }
        }

        return found;
    }

    /// <summary>
    /// Whether trying again could help without making things worse: the database was unreachable or restarting. A
    /// command that timed out is not retried: running a slow query three times only triples the load it puts on.
    /// </summary>
    public static bool IsRetryable(Exception exception) =>
        Classify(exception) == StorageFault.Unavailable
        && !Chain(exception).Any(e => e is TimeoutException or PostgresException { SqlState: "57014" });

    private static StorageFault ClassifyOne(Exception cause) => cause switch
    {
        // 53100 disk_full; 08* connection, 57P0x shutdown, 53300 too many connections, 40001/40P01 retryable.
        PostgresException { SqlState: "53100" } => StorageFault.Full,
        NpgsqlException { IsTransient: true } => StorageFault.Unavailable,
        SqliteException { SqliteErrorCode: SqliteFull } => StorageFault.Full,
        SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked or SqliteIoError or SqliteCannotOpen } =>
            StorageFault.Unavailable,
        IOException { HResult: NoSpaceErrno or WindowsDiskFull or WindowsHandleDiskFull } => StorageFault.Full,
        RetryLimitExceededException or TimeoutException => StorageFault.Unavailable,
        DbException { IsTransient: true } => StorageFault.Unavailable,
        _ => StorageFault.None,
    };

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        var seen = 0;
        while (pending.Count > 0 && seen++ < 32)
        {
            var cause = pending.Pop();
            yield return cause;
            if (cause is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (cause.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
