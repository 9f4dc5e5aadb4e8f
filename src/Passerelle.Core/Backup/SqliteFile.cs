using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Backup;

/// <summary>The embedded database as files: where it lies, what SQLite keeps beside it, and how to open one.</summary>
internal static class SqliteFile
{
    /// <summary>The full path of the configured SQLite file, or null when the database lives in memory.</summary>
    public static string? PathOf(DatabaseOptions options)
    {
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString);
        return string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:"
            || builder.Mode == SqliteOpenMode.Memory
            ? null
            : Path.GetFullPath(builder.DataSource);
    }

    /// <summary>The rollback journal, write-ahead log and shared-memory index SQLite keeps beside a database.</summary>
    public static IEnumerable<string> Companions(string path) => [path + "-wal", path + "-journal", path + "-shm"];

    /// <summary>
    /// A file, or the log or journal beside it, with content: a database SQLite would open as it is. A leftover
    /// log would even be replayed into a file put in its place, so it counts too.
    /// </summary>
    public static bool HoldsData(string path) =>
        new[] { path, path + "-wal", path + "-journal" }.Any(p => File.Exists(p) && new FileInfo(p).Length > 0)
        || Directory.Exists(path);

    /// <summary>
    /// A connection of its own to one file, outside the pool, so the file is closed, and its log folded back in,
    /// as soon as the connection is disposed.
    /// </summary>
    public static string ConnectionString(string path, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString();

    /// <summary>A context over one file, to read a snapshot or stage a restore; never the configured one.</summary>
    public static PasserelleDb Context(string path)
    {
        var builder = new DbContextOptionsBuilder<PasserelleDb>();
        DataSetup.Configure(builder, new DatabaseOptions
        {
            Provider = DatabaseProvider.Sqlite,
            ConnectionString = ConnectionString(path, SqliteOpenMode.ReadWrite),
        });
        return new PasserelleDb(builder.Options);
    }

    /// <summary>The last migration applied, or null for a file that holds no Passerelle schema.</summary>
    public static async Task<string?> SchemaAsync(PasserelleDb db, CancellationToken ct) =>
        (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault();

    public static async Task<BackupAuditHead> AuditHeadAsync(PasserelleDb db, CancellationToken ct) =>
        await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new BackupAuditHead(e.Sequence, e.Hash)).FirstOrDefaultAsync(ct)
        ?? new BackupAuditHead(0, AuditChain.Genesis);

    public static void Delete(string path)
    {
        foreach (var file in Companions(path).Prepend(path))
        {
            File.Delete(file);
        }
    }
}
