using System.Runtime.Versioning;
using Passerelle.Core.Backup;
using Passerelle.Core.Trust.Access;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Backup;

/// <summary>
/// Every copy of the register that backup and restore write, for however short a time, is readable by its owner
/// alone, whatever the umask: with the usual 022, the snapshot, the staged files and the folders a restore makes were
/// readable by every local user, although the archive itself was not.
/// </summary>
public sealed class BackupFileModeTests
{
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Backup_and_restore_write_the_register_for_its_owner_alone_and_leave_no_snapshot_behind()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Windows has no Unix file modes.");
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var world = await BackupWorld.BuildAsync(app);
        await world.RegisterAsync();
        await world.AddPictureAsync();
        var archive = BackupWorld.ArchivePath();
        var beside = $".{Path.GetFileName(archive)}*";
        var whileCopying = new Dictionary<string, UnixFileMode>();
        var backup = world.Backup(snapshotted: _ =>
        {
            foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(archive)!, beside))
            {
                whileCopying[file] = File.GetUnixFileMode(file);
            }
        });

        var backedUp = await backup.HandleAsync(Actor.Console(), new BackupRequest(archive, false), default);
        var (settings, root, database, blobs) = BackupWorld.EmptyPlace();
        var restore = await PasserelleCli.RunAsync(settings, null, "db", "restore", archive);

        Assert.True(backedUp.Succeeded, backedUp.Error?.Message);
        Assert.Contains(whileCopying.Keys, f => f.EndsWith(".db", StringComparison.Ordinal));
        Assert.All(whileCopying, f => Assert.Equal((f.Key, OwnerOnly.File), (f.Key, f.Value)));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(archive)!, beside));
        Assert.True(restore.ExitCode == 0, restore.Output + restore.Error);
        // The restore made the folders from root down, so each of them is its own.
        var written = Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Prepend(root).ToList();
        Assert.Contains(database, written);
        Assert.Equal(2, Directory.EnumerateFiles(blobs, "*", SearchOption.AllDirectories).Count());
        Assert.All(written, p => Assert.Equal((p, (UnixFileMode)0), (p, File.GetUnixFileMode(p) & GroupOrOther)));
    }
}
