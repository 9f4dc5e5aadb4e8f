using System.Text;
using Passerelle.Core.Common;

namespace Passerelle.Core.Backup;

/// <summary>
/// Every code backup and restore may fail with, and the failure each one tells, in one place: the sentences are
/// the operator's at the console, so they are written here rather than at each call.
/// </summary>
public static class BackupErrors
{
    /// <summary>A backup of PostgreSQL, which its own tools take.</summary>
    public static readonly ErrorCode BackupPostgreSql = ErrorCode.Invalid("backup.postgresql");
    public static readonly ErrorCode RestorePostgreSql = ErrorCode.Invalid("restore.postgresql");

    /// <summary>An SQLite database in memory, with no file to copy.</summary>
    public static readonly ErrorCode BackupInMemory = ErrorCode.Invalid("backup.in-memory");
    public static readonly ErrorCode BackupNoDatabase = ErrorCode.NotFound("backup.no-database");
    public static readonly ErrorCode BackupExists = ErrorCode.Conflict("backup.exists");

    /// <summary>The file to overwrite is not an earlier backup.</summary>
    public static readonly ErrorCode BackupNotABackup = ErrorCode.Conflict("backup.not-a-backup");
    public static readonly ErrorCode BackupFailed = ErrorCode.Conflict("backup.failed");
    public static readonly ErrorCode BackupFolder = ErrorCode.Invalid("backup.folder");
    public static readonly ErrorCode BackupInsideStore = ErrorCode.Invalid("backup.inside-store");

    /// <summary>The backup would be written over the database or a file SQLite keeps beside it.</summary>
    public static readonly ErrorCode BackupDatabaseFile = ErrorCode.Invalid("backup.database-file");

    /// <summary>A blob store that is not a folder on this machine.</summary>
    public static readonly ErrorCode BackupBlobStore = ErrorCode.Invalid("backup.blob-store");
    public static readonly ErrorCode RestoreNoFile = ErrorCode.NotFound("restore.no-file");

    /// <summary>The place a restore would write to already holds data.</summary>
    public static readonly ErrorCode RestoreNotEmpty = ErrorCode.Conflict("restore.not-empty");

    /// <summary>Data appeared where the restore was being put in place.</summary>
    public static readonly ErrorCode RestoreAppeared = ErrorCode.Conflict("restore.appeared");
    public static readonly ErrorCode RestoreUnreadable = ErrorCode.Invalid("restore.unreadable");
    public static readonly ErrorCode RestoreMemberType = ErrorCode.Invalid("restore.member-type");
    public static readonly ErrorCode RestoreMemberName = ErrorCode.Invalid("restore.member-name");
    public static readonly ErrorCode RestoreMemberDuplicate = ErrorCode.Invalid("restore.member-duplicate");
    public static readonly ErrorCode RestoreTruncated = ErrorCode.Invalid("restore.truncated");
    public static readonly ErrorCode RestoreManifest = ErrorCode.Invalid("restore.manifest");
    public static readonly ErrorCode RestoreChecksum = ErrorCode.Invalid("restore.checksum");
    public static readonly ErrorCode RestoreArchivedDatabase = ErrorCode.Invalid("restore.database");

    /// <summary>Every code above, for the API contract.</summary>
    public static IReadOnlyList<ErrorCode> All { get; } =
    [
        BackupPostgreSql, RestorePostgreSql, BackupInMemory, BackupNoDatabase, BackupExists, BackupNotABackup,
        BackupFailed, BackupFolder, BackupInsideStore, BackupDatabaseFile, BackupBlobStore, RestoreNoFile,
        RestoreNotEmpty, RestoreAppeared, RestoreUnreadable, RestoreMemberType, RestoreMemberName,
        RestoreMemberDuplicate, RestoreTruncated, RestoreManifest, RestoreChecksum, RestoreArchivedDatabase,
    ];

    public static Error PostgreSqlBackup() => BackupPostgreSql.With(
        "'passerelle db backup' copies the embedded SQLite database only. On PostgreSQL, take a logical dump with "
        + "'pg_dump -Fc' or a physical copy with 'pg_basebackup', and copy the blob store (Blobs:Path) alongside; "
        + "README.md, 'Backup and restore', has the commands.");

    public static Error PostgreSqlRestore() => RestorePostgreSql.With(
        "'passerelle db restore' restores the embedded SQLite database only. On PostgreSQL, restore a 'pg_dump -Fc' "
        + "dump with 'pg_restore' (or start from a 'pg_basebackup' copy), copy the blob store (Blobs:Path) back, "
        + "then run 'passerelle audit verify'.");

    public static Error InMemory() => BackupInMemory.With(
        "The configured SQLite database lives in memory; there is no file to back up or restore.");

    public static Error NoDatabase(string path) => BackupNoDatabase.With(
        $"There is no Passerelle database at {path}; check ConnectionStrings:Passerelle.");

    public static Error Exists(string file) => BackupExists.With(
        $"{file} already exists; choose another name, or pass --overwrite to replace it.");

    public static Error NotABackup(string file) => BackupNotABackup.With(
        $"{file} is not a Passerelle backup; --overwrite replaces only an earlier backup.");

    public static Error Failed(string file, string why) => BackupFailed.With(
        $"The backup to {file} failed and wrote nothing there: {why.TrimEnd('.')}.");

    public static Error NoFolder(string folder) => BackupFolder.With(
        $"The folder {folder} does not exist.", "file");

    public static Error InsideStore(string file, string root) => BackupInsideStore.With(
        $"{file} lies inside the blob store {root}; a backup is written outside what it copies.",
        "file");

    public static Error DatabaseFile(string file) => BackupDatabaseFile.With(
        $"{file} is the database itself or a file SQLite keeps beside it.", "file");

    public static Error NotAFolderStore() => BackupBlobStore.With(
        "The blob store is not a folder on this machine; back it up with its own tools.");

    public static Error NoArchive(string file) => RestoreNoFile.With(
        $"There is no file {file}.");

    public static Error NotEmpty(string path) => RestoreNotEmpty.With(
        $"{path} already holds data. A restore writes only into an empty location and has touched nothing: move it "
        + "away, or point ConnectionStrings:Passerelle and Blobs:Path at an empty place.");

    public static Error Appeared(string path) => RestoreAppeared.With(
        $"{path} appeared while the restore was being put in place; is a server running on it? The restore replaced "
        + "nothing and was taken back: stop whatever wrote it, move it away, and restore again.");

    public static Error Unreadable(string file, string why) => RestoreUnreadable.With(
        $"{file} is not a readable Passerelle backup (a tar file): {why}.");

    public static Error MemberType(string name, string type) => RestoreMemberType.With(
        $"The archive member '{Shown(name)}' is a {type}; a backup holds regular files only.");

    public static Error MemberName(string name) => RestoreMemberName.With(
        $"The archive member '{Shown(name)}' is not a name a backup writes (passerelle.db, manifest.json or a "
        + "plain path under blobs/); absolute paths, '..' and hidden names are refused.");

    public static Error Duplicate(string name) => RestoreMemberDuplicate.With(
        $"The archive holds '{Shown(name)}' twice.");

    public static Error Truncated(string name) => RestoreTruncated.With(
        $"The archive ends inside '{Shown(name)}'; it was cut short.");

    public static Error Manifest(string why) => RestoreManifest.With(
        $"The backup's manifest {why}.");

    public static Error Checksum(string why) => RestoreChecksum.With(
        $"The archive does not match its manifest: {why}. It was damaged or altered.");

    public static Error Database(string why) => RestoreArchivedDatabase.With(
        $"The archived database {why}.");

    /// <summary>A name read from an archive, safe to print on a terminal: control characters shown as '?'.</summary>
    public static string Shown(string name)
    {
        var text = new StringBuilder(Math.Min(name.Length, 200));
        foreach (var c in name.Take(200))
        {
            text.Append(char.IsControl(c) ? '?' : c);
        }

        return name.Length > 200 ? text.Append('…').ToString() : text.ToString();
    }
}
