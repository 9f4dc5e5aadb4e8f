using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Pictures;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Backup;

/// <param name="Overwrite">
/// Replace <paramref name="File"/> if it exists; otherwise an existing file is refused.
/// </param>
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
            return where.Error;
        }

        var (database, root, target) = where.Value;
        await using (var live = SqliteFile.Context(database))
        {
            if (await SqliteFile.SchemaAsync(live, ct) is null)
            {
                return BackupErrors.NoDatabase(database);
            }
        }

        // A disclosure of the whole register: on record before any of it leaves the database, as for an export. Its
        // outcome is known only later, so this entry says the backup started, and a failure adds an entry of its own.
        await audit.AppendAsync(Entry(actor, Outcomes.Started, AuditDetails.With("file", target)), ct);
        Result<BackupSummary> result;
        try
        {
            result = await CopyAsync(database, root, target, request.Overwrite, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SqliteException)
        {
            result = BackupErrors.Failed(target, ex.Message);
        }
        catch (Exception ex)
        {
            var code = ex is OperationCanceledException ? "backup.cancelled" : "backup.unexpected";
            await RecordFailureAsync(actor, target, code);
            throw;
        }

        if (!result.Succeeded)
        {
            await RecordFailureAsync(actor, target, result.Error.Code);
            return result;
        }

        // A "started" with no outcome after it is a backup that died. The archive's checksum on record lets anyone
        // holding a copy later tell whether it is the one written here.
        await audit.AppendAsync(Entry(actor, Outcomes.Success, AuditDetails.With("file", target)
            .And("auditSequence", result.Value.Audit.Sequence)
            .And("sha256", await Sha256Async(target, ct))), CancellationToken.None);
        return result;
    }

    /// <summary>For tests: runs with the snapshot's path once the database is copied into it.</summary>
    internal Action<string>? Snapshotted { get; init; }

    private static AuditRecord Entry(Actor actor, string outcome, AuditDetails details) => AuditRecord.For(
        actor, AuditEvent.DatabaseBackedUp, outcome, target: "database", purpose: "backup", details);

    /// <summary>
    /// The snapshot and the archive are written beside the target under names of their own, owner-only from the
    /// start, and removed whatever happens. Only a backup killed outright (SIGKILL, a power cut) leaves them there:
    /// <c>.{name}.{32 hex digits}.db</c>, perhaps with its <c>-journal</c>, and
    /// <c>.{name}.{32 hex digits}.partial</c>, a copy of the register each, to be deleted.
    /// </summary>
    private async Task<Result<BackupSummary>> CopyAsync(
        string database, string root, string target, bool overwrite, CancellationToken ct)
    {
        var temporary = Path.Combine(
            Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}");
        var snapshot = temporary + ".db";
        var partial = temporary + ".partial";
        try
        {
            var takenAt = time.UtcNow();
            Snapshot(database, snapshot);
            Snapshotted?.Invoke(snapshot);
            var written = await BackupWriter.WriteAsync(snapshot, root, partial, takenAt, ct);
            try
            {
                File.Move(partial, target, overwrite);
            }
            catch (IOException) when (!overwrite && File.Exists(target))
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

    private static async Task<string> Sha256Async(string file, CancellationToken ct)
    {
        await using var archive = File.OpenRead(file);
        return Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(archive, ct));
    }

    /// <summary>The failure's own entry, after the one that said the backup started.</summary>
    private async Task RecordFailureAsync(Actor actor, string target, string code)
    {
        try
        {
            // Not the caller's token: a cancelled backup is put on record all the same.
            await audit.AppendAsync(
                Entry(actor, Outcomes.Failure, AuditDetails.With("file", target).And("error", code)),
                CancellationToken.None);
        }
        catch (Exception ex) when (DatabaseFaults.Classify(ex) != StorageFault.None)
        {
            // The database that failed the backup may refuse this entry too; the backup's own error is the one to
            // report, and the entry that it started stands.
        }
    }

    private Result<(string Database, string BlobRoot, string Target)> Locate(BackupRequest request)
    {
        var files = NodeFiles.Locate(options.Value, blobs, BackupErrors.PostgreSqlBackup());
        if (!files.Succeeded)
        {
            return files.Error;
        }

        var (database, root) = (files.Value.Database, Path.GetFullPath(files.Value.BlobRoot));
        var target = Path.GetFullPath(request.File);
        return BackupTarget.Refuse(database, root, target, request.Overwrite) is { } refused
            ? refused
            : (database, root, target);
    }

    /// <summary>Copies every page in one step, under one read transaction, into a file of its own.</summary>
    private static void Snapshot(string database, string snapshot)
    {
        // SQLite would create the file with the umask's mode, readable by all; it writes as well into an empty one.
        OwnerOnly.Create(snapshot).Dispose();
        using var source = new SqliteConnection(SqliteFile.ConnectionString(database, SqliteOpenMode.ReadWrite));
        using var copy = new SqliteConnection(
            SqliteFile.ConnectionString(snapshot, SqliteOpenMode.ReadWriteCreate));
        source.Open();
        copy.Open();
        source.BackupDatabase(copy);
    }
}
