using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Pictures;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Backup;

internal sealed record RestoreRequest(string File);

/// <param name="Audit">The audit trail's head as the backup took it.</param>
/// <param name="RestoredAt">The sequence of the entry that records this restore, appended after that head.</param>
internal sealed record RestoreSummary(
    string Database, string BlobFolder, int Blobs, DateTime TakenAt, BackupAuditHead Audit, long RestoredAt);

/// <summary>
/// Puts a backup of <see cref="BackupDatabase"/> back, into an empty place only: nothing that exists is replaced.
/// The archive is checked whole before anything is written; then its members are staged beside their destinations,
/// checked again, the database is checked by SQLite and against the manifest's audit head, the restore is recorded
/// in its own audit trail, and only then is all of it renamed into place.
/// </summary>
internal sealed class RestoreDatabase(IOptions<DatabaseOptions> options, IBlobStore blobs, AuditedChange audited)
{
    private static readonly byte[] SqliteHeader = Encoding.ASCII.GetBytes("SQLite format 3\0");

    public async Task<Result<RestoreSummary>> HandleAsync(Actor actor, RestoreRequest request, CancellationToken ct)
    {
        // A refusal is not audited: there is no trail yet, by design, and writing the entry would create the very
        // database file the restore needs absent.
        if (!AccessRules.MayRestoreDatabase(actor))
        {
            return AccessErrors.Denied.With("Only an administrator, acting directly, restores the database.");
        }

        var where = Locate(request);
        if (!where.Succeeded)
        {
            return where.Error;
        }

        var (archive, database, blobFolder) = where.Value;
        var verified = await BackupReader.VerifyAsync(archive, ct);
        if (!verified.Succeeded)
        {
            return verified.Error;
        }

        var manifest = verified.Value;
        using var staging = new RestoreStaging(database, blobFolder);
        staging.Prepare();
        var extracted = await BackupReader.ExtractAsync(archive, manifest, staging.Database, staging.Blobs, ct);
        if (!extracted.Succeeded)
        {
            return extracted.Error;
        }

        if (await CheckAsync(staging.Database, manifest, ct) is { } damaged)
        {
            return damaged;
        }

        var restoredAt = await RecordAsync(actor, staging.Database, archive, manifest, ct);

        // Looked at before the check, so that a file arriving after it is never taken for an empty one seen there.
        var emptyFileSeen = File.Exists(database);
        if (RestoreStaging.HoldsData(database, blobFolder))
        {
            return BackupErrors.NotEmpty(SqliteFile.HoldsData(database) ? database : blobFolder);
        }

        Checked?.Invoke();
        if (staging.Place(emptyFileSeen) is { } appeared)
        {
            return BackupErrors.Appeared(appeared);
        }

        return new RestoreSummary(database, blobFolder, extracted.Value, manifest.TakenAt, manifest.Audit, restoredAt);
    }

    /// <summary>For tests: runs after the last check that the place is empty, before anything is put there.</summary>
    internal Action? Checked { get; init; }

    private Result<(string Archive, string Database, string BlobFolder)> Locate(RestoreRequest request)
    {
        var files = NodeFiles.Locate(options.Value, blobs, BackupErrors.PostgreSqlRestore());
        if (!files.Succeeded)
        {
            return files.Error;
        }

        var (database, blobRoot) = files.Value;
        var archive = Path.GetFullPath(request.File);
        if (!File.Exists(archive))
        {
            return BackupErrors.NoArchive(archive);
        }

        var blobFolder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(blobRoot));
        if (SqliteFile.HoldsData(database))
        {
            return BackupErrors.NotEmpty(database);
        }

        return RestoreStaging.HoldsData(database, blobFolder)
            ? BackupErrors.NotEmpty(blobFolder)
            : (archive, database, blobFolder);
    }

    /// <summary>An SQLite file that SQLite finds sound, at the schema and audit head its manifest names.</summary>
    private static async Task<Error?> CheckAsync(string staged, BackupManifest manifest, CancellationToken ct)
    {
        var header = new byte[SqliteHeader.Length];
        await using (var file = File.OpenRead(staged))
        {
            if (await file.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct) < header.Length
                || !header.AsSpan().SequenceEqual(SqliteHeader))
            {
                return BackupErrors.Database("is not an SQLite database");
            }
        }

        try
        {
            var readWrite = SqliteFile.ConnectionString(staged, SqliteOpenMode.ReadWrite);
            await using (var connection = new SqliteConnection(readWrite))
            {
                await connection.OpenAsync(ct);
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA quick_check;";
                var verdict = Convert.ToString(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
                if (verdict != "ok")
                {
                    return BackupErrors.Database($"fails SQLite's integrity check: {verdict}");
                }
            }

            await using var db = SqliteFile.Context(staged);
            var schema = await SqliteFile.SchemaAsync(db, ct);
            var head = await SqliteFile.AuditHeadAsync(db, ct);
            if (schema != manifest.Schema)
            {
                return BackupErrors.Database(
                    $"is at schema {schema ?? "(none)"}, not {manifest.Schema} as its manifest says");
            }

            return head == manifest.Audit
                ? null
                : BackupErrors.Database($"ends its audit trail at entry {head.Sequence}, not at entry "
                    + $"{manifest.Audit.Sequence} with the hash its manifest gives");
        }
        catch (SqliteException ex)
        {
            return BackupErrors.Database($"cannot be read by SQLite ({ex.Message.TrimEnd('.')})");
        }
    }

    /// <summary>The restore's own entry, at the end of the restored chain: who put it back, and from what.</summary>
    private async Task<long> RecordAsync(
        Actor actor, string staged, string archive, BackupManifest manifest, CancellationToken ct)
    {
        await using var db = SqliteFile.Context(staged);
        var details = AuditDetails.With("file", archive).And("takenAt", manifest.TakenAt)
            .And("sequence", manifest.Audit.Sequence).And("hash", manifest.Audit.Hash);
        var record = AuditRecord.For(
            actor, AuditEvent.DatabaseRestored, target: "database", purpose: "restore", details: details);
        return await audited.CommitAsync(db, record, ct);
    }
}
