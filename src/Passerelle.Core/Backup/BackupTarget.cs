using Passerelle.Core.Common;

namespace Passerelle.Core.Backup;

/// <summary>Where a backup may be written: a new file or an earlier backup, outside what it copies.</summary>
internal static class BackupTarget
{
    /// <summary>Why <paramref name="target"/>, a full path, is no place for a backup of these files, if so.</summary>
    public static Error? Refuse(string database, string root, string target, bool overwrite)
    {
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

        if (Directory.Exists(target) || (File.Exists(target) && !overwrite))
        {
            return BackupErrors.Exists(target);
        }

        return File.Exists(target) && !BackupFormat.IsBackup(target) ? BackupErrors.NotABackup(target) : null;
    }

    private static StringComparison Comparison => OperatingSystem.IsWindows() || OperatingSystem.IsMacOS()
        ? StringComparison.OrdinalIgnoreCase
        : StringComparison.Ordinal;

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b), Comparison);
}
