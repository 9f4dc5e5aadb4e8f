using System.Text;
using Passerelle.Core.Common;

namespace Passerelle.Core.Backup;

/// <summary>Every expected failure of backup and restore, with its stable code, in one place.</summary>
internal static class BackupErrors
{
    public static Error PostgreSqlBackup() => Error.Invalid(
        "backup.postgresql",
        "'passerelle db backup' copies the embedded SQLite database only. On PostgreSQL, take a logical dump with "
        + "'pg_dump -Fc' or a physical copy with 'pg_basebackup', and copy the blob store (Blobs:Path) alongside; "
        + "README.md, 'Backup and restore', has the commands.");

    public static Error PostgreSqlRestore() => Error.Invalid(
        "restore.postgresql",
        "'passerelle db restore' restores the embedded SQLite database only. On PostgreSQL, restore a 'pg_dump -Fc' "
        + "dump with 'pg_restore' (or start from a 'pg_basebackup' copy), copy the blob store (Blobs:Path) back, "
        + "then run 'passerelle audit verify'.");

    public static Error InMemory() => Error.Invalid(
        "backup.in-memory", "The configured SQLite database lives in memory; there is no file to back up or restore.");

    public static Error NoDatabase(string path) => Error.NotFound(
        "backup.no-database", $"There is no Passerelle database at {path}; check ConnectionStrings:Passerelle.");

    public static Error Exists(string file) => Error.Conflict(
        "backup.exists", $"{file} already exists; choose another name, or pass --overwrite to replace it.");

    public static Error NotABackup(string file) => Error.Conflict(
        "backup.not-a-backup", $"{file} is not a Passerelle backup; --overwrite replaces only an earlier backup.");

    public static Error Failed(string file, string why) => Error.Conflict(
        "backup.failed", $"The backup to {file} failed and wrote nothing there: {why.TrimEnd('.')}.");

    public static Error NoFolder(string folder) => Error.Invalid(
        "backup.folder", $"The folder {folder} does not exist.", "file");

    public static Error InsideStore(string file, string root) => Error.Invalid(
        "backup.inside-store", $"{file} lies inside the blob store {root}; a backup is written outside what it copies.",
        "file");

    public static Error DatabaseFile(string file) => Error.Invalid(
        "backup.database-file", $"{file} is the database itself or a file SQLite keeps beside it.", "file");

    public static Error NotAFolderStore() => Error.Invalid(
        "backup.blob-store", "The blob store is not a folder on this machine; back it up with its own tools.");

    public static Error NoArchive(string file) => Error.NotFound("restore.no-file", $"There is no file {file}.");

    public static Error NotEmpty(string path) => Error.Conflict(
        "restore.not-empty",
        $"{path} already holds data. A restore writes only into an empty location and has touched nothing: move it "
        + "away, or point ConnectionStrings:Passerelle and Blobs:Path at an empty place.");

    public static Error Appeared(string path) => Error.Conflict(
        "restore.appeared",
        $"{path} appeared while the restore was being put in place; is a server running on it? The restore replaced "
        + "nothing and was taken back: stop whatever wrote it, move it away, and restore again.");

    public static Error Unreadable(string file, string why) => Error.Invalid(
        "restore.unreadable", $"{file} is not a readable Passerelle backup (a tar file): {why}.");

    public static Error MemberType(string name, string type) => Error.Invalid(
        "restore.member-type", $"The archive member '{Shown(name)}' is a {type}; a backup holds regular files only.");

    public static Error MemberName(string name) => Error.Invalid(
        "restore.member-name",
        $"The archive member '{Shown(name)}' is not a name a backup writes (passerelle.db, manifest.json or a "
        + "plain path under blobs/); absolute paths, '..' and hidden names are refused.");

    public static Error Duplicate(string name) => Error.Invalid(
        "restore.member-duplicate", $"The archive holds '{Shown(name)}' twice.");

    public static Error Truncated(string name) => Error.Invalid(
        "restore.truncated", $"The archive ends inside '{Shown(name)}'; it was cut short.");

    public static Error Manifest(string why) => Error.Invalid("restore.manifest", $"The backup's manifest {why}.");

    public static Error Checksum(string why) => Error.Invalid(
        "restore.checksum", $"The archive does not match its manifest: {why}. It was damaged or altered.");

    public static Error Database(string why) => Error.Invalid("restore.database", $"The archived database {why}.");

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
