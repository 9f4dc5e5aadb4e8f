using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;
using Passerelle.Core.Data;

namespace Passerelle.UnitTests.Data;

public sealed class DatabaseFaultsTests
{
    [Fact]
    public void A_broken_connection_wrapped_by_ef_core_is_the_database_being_unavailable()
    {
        var broken = new NpgsqlException("Exception while reading from stream", new IOException("Broken pipe"));
        var wrapped = new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", broken);

        Assert.Equal(StorageFault.Unavailable, DatabaseFaults.Classify(wrapped));
    }

    [Fact]
    public void A_refused_connection_is_the_database_being_unavailable()
    {
        var refused = new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused));

        Assert.Equal(StorageFault.Unavailable, DatabaseFaults.Classify(refused));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(10)]
    [InlineData(14)]
    public void A_busy_locked_failing_or_missing_sqlite_file_is_unavailable(int code) =>
        Assert.Equal(StorageFault.Unavailable, DatabaseFaults.Classify(new SqliteException("sqlite", code)));

    [Fact]
    public void A_full_sqlite_file_or_a_full_disk_under_the_blobs_is_full()
    {
        Assert.Equal(StorageFault.Full, DatabaseFaults.Classify(new SqliteException("database or disk is full", 13)));
        Assert.Equal(StorageFault.Full, DatabaseFaults.Classify(new IOException("No space left on device", 28)));
        Assert.Equal(StorageFault.Full, DatabaseFaults.Classify(new AggregateException(new IOException("full", 28))));
    }

    [Fact]
    public void Bugs_and_constraint_violations_are_not_storage_faults()
    {
        Assert.Equal(StorageFault.None, DatabaseFaults.Classify(new InvalidOperationException("Sequence contains no elements")));
        Assert.Equal(StorageFault.None, DatabaseFaults.Classify(new SqliteException("UNIQUE constraint failed", 19)));
        Assert.Equal(StorageFault.None, DatabaseFaults.Classify(new IOException("Permission denied", 13)));
        Assert.Equal(StorageFault.None, DatabaseFaults.Classify(new ArgumentException("bug", new FormatException())));
    }
}
