using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Passerelle.Core.Access;
using Passerelle.Core.Audit;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Pictures;

namespace Passerelle.Core.Backup;

/// <param name="Overwrite">Replace <paramref name="File"/> if it exists; otherwise an existing file is refused.</param>
internal sealed record BackupRequest(string File, bool Overwrite);

/// <param name="Entries">Members of the archive: the database, each blob and the manifest.</param>
/// <param name="Skipped">Files in the blob folder under names the store never writes, left out.</param>
/// <param name="MissingBlobs">Picture files the archived database names that the blob folder did not hold.</param>
internal sealed record BackupSummary(
    string File,
    long Bytes,
    int Entries,
    int Blobs,
    int Skipped,
    int MissingBlobs,
    BackupAuditHead Audit,
    DateTime TakenAt);

/// <summary>
/// Copies the embedded SQLite database and the blob store into one archive while the server runs and writes.
/// <para>
/// The database is copied first, with SQLite's online backup API in a single step: one read transaction, so one
/// consistent state, and in WAL mode (which the migrator sets) writers go on meanwhile. The blobs are copied after,
/// and that order is what makes the pair consistent: <see cref="PictureStore"/> writes a picture's files before the
/// row that names them commits, keys are fresh GUIDs never written twice, and a file is deleted only when its row
/// failed to commit. So every file the copied database names was complete on disk before the copy began and is still
/// there. Files that arrive later ride along unnamed, harmless, as a file whose request fails would anyway.
/// </para>
/// </summary>
internal sealed class BackupDatabase(
    IOptions<DatabaseOptions> options, IBlobStore blobs, AuditWriter audit, TimeProvider time)
{
    public async Task<Result<BackupSummary>> HandleAsync(Actor actor, BackupRequest request, CancellationToken ct)
    {
        if (!AccessRules.MayBackUpDatabase(actor))
        {
            return await audit.DenyAsync(
                actor, "database", ct, "Only an administrator, acting directly, backs up the database.");
        }

        var where = Locate(request);
        if (!where.Succeeded)
        {
            return where.Error!;
        }

        var (database, root, target) = where.Value;
        await using (var live = SqliteFile.Context(database))
        {
            if (await SqliteFile.SchemaAsync(live, ct) is null)
            {
                return BackupErrors.NoDatabase(database);
            }
        }

        // A disclosure of the whole register: on record before any of it leaves the database, as for an export.
        var details = AuditDetails.With("file", target);
        var record = AuditRecord.For(
            actor, AuditEvent.DatabaseBackedUp, target: "database", purpose: "backup", details: details);
        await audit.AppendAsync(record, ct);

        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}");
        var snapshot = temporary + ".db";
        var partial = temporary + ".partial";
        try
        {
            var takenAt = time.UtcNow();
            Snapshot(database, snapshot);
            var written = await BackupWriter.WriteAsync(snapshot, root, partial, takenAt, ct);
            try
            {
                File.Move(partial, target, request.Overwrite);
            }
            catch (IOException) when (!request.Overwrite && File.Exists(target))
            {
                return BackupErrors.Exists(target);
            }

            return written with { File = target };
        }
        finally
        {
            SqliteFile.Delete(snapshot);
            File.Delete(partial);
        }
    }

    private Result<(string Database, string BlobRoot, string Target)> Locate(BackupRequest request)
    {
        if (options.Value.Provider == DatabaseProvider.PostgreSql)
        {
            return BackupErrors.PostgreSqlBackup();
        }

        if (SqliteFile.PathOf(options.Value) is not { } database)
        {
            return BackupErrors.InMemory();
        }

        if (blobs is not FileSystemBlobStore store)
        {
            return BackupErrors.NotAFolderStore();
        }

        var root = Path.GetFullPath(store.Root);
        var target = Path.GetFullPath(request.File);
        if (!File.Exists(database))
        {
            return BackupErrors.NoDatabase(database);
        }

        if (!Directory.Exists(Path.GetDirectoryName(target)))
        {
            return BackupErrors.NoFolder(Path.GetDirectoryName(target)!);
        }

        if (SqliteFile.Companions(database).Prepend(database).Any(f => SamePath(f, target)))
        {
            return BackupErrors.DatabaseFile(target);
        }

        if (SamePath(root, target)
            || target.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, Comparison))
        {
            return BackupErrors.InsideStore(target, root);
        }

        if (Directory.Exists(target) || (File.Exists(target) && !request.Overwrite))
        {
            return BackupErrors.Exists(target);
        }

        return (database, root, target);
    }

    /// <summary>Copies every page in one step, under one read transaction, into a file of its own.</summary>
    private static void Snapshot(string database, string snapshot)
    {
        using var source = new SqliteConnection(SqliteFile.ConnectionString(database, SqliteOpenMode.ReadWrite));
        using var copy = new SqliteConnection(SqliteFile.ConnectionString(snapshot, SqliteOpenMode.ReadWriteCreate));
        source.Open();
        copy.Open();
        source.BackupDatabase(copy);
    }

    private static StringComparison Comparison => OperatingSystem.IsWindows() || OperatingSystem.IsMacOS()
        ? StringComparison.OrdinalIgnoreCase
        : StringComparison.Ordinal;

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b), Comparison);
}
