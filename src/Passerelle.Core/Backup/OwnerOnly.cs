namespace Passerelle.Core.Backup;

/// <summary>
/// Files and folders that hold a copy of the register: a snapshot, an archive, a staged restore. Each is created
/// readable by its owner alone, so that no other local user can read it even for the moment before a chmod would;
/// the process umask (usually 022) would otherwise leave it readable by all.
/// </summary>
internal static class OwnerOnly
{
    public const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public const UnixFileMode Folder = File | UnixFileMode.UserExecute;

    /// <summary>A new file to write, refused if the name is taken.</summary>
    public static FileStream Create(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = File;
        }

        return new FileStream(path, options);
    }

    /// <summary>A folder and any missing above it; one that exists keeps its mode.</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, Folder);
        }
    }
}
