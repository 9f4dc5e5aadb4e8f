using System.Formats.Tar;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Backup;

/// <summary>
/// A restore goes only into an empty place and only from an intact archive of the backup's own layout. Anything else
/// is refused with a clear error and a non-zero exit, and nothing is written: not the target, not its folders.
/// </summary>
public sealed class RestoreRefusalTests(RestoreRefusalTests.BackedUpWorld backup)
    : IClassFixture<RestoreRefusalTests.BackedUpWorld>
{
    /// <summary>
    /// One server's world, backed up once for the whole class; each test alters a copy of its own. The archive is
    /// never changed in place.
    /// </summary>
    public sealed class BackedUpWorld : IAsyncLifetime
    {
        public string Archive { get; } = BackupWorld.ArchivePath();

        public async ValueTask InitializeAsync()
        {
            await using var app = await TestApp.StartAsync(Db.Sqlite);
            var world = await BackupWorld.BuildAsync(app);
            await world.RegisterAsync();
            await world.AddPictureAsync();
            var backup = await PasserelleCli.RunAsync(world.Cli, null, "db", "backup", Archive);
            Assert.True(backup.ExitCode == 0, backup.Output + backup.Error);
        }

        public ValueTask DisposeAsync()
        {
            File.Delete(Archive);
            return ValueTask.CompletedTask;
        }
    }

    [Theory]
    [InlineData("database")]
    [InlineData("write-ahead log")]
    [InlineData("blob folder")]
    public async Task Restore_refuses_a_place_that_holds_data_and_leaves_it_untouched(string occupied)
    {
        var archive = CopyOfBackup();
        var (settings, root, database, blobs) = BackupWorld.EmptyPlace();
        Directory.CreateDirectory(blobs);
        switch (occupied)
        {
            case "database":
                await File.WriteAllTextAsync(database, "the live register");
                break;
            case "write-ahead log":
                await File.WriteAllTextAsync(database + "-wal", "pages not yet folded back");
                break;
            default:
                Directory.CreateDirectory(Path.Combine(blobs, "ab"));
                await File.WriteAllTextAsync(Path.Combine(blobs, "ab", "abcdef.image"), "a picture");
                break;
        }

        var before = Snapshot(root);

        var restore = await PasserelleCli.RunAsync(settings, null, "db", "restore", archive);

        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("error restore.not-empty", restore.Error, StringComparison.Ordinal);
        Assert.Contains("touched nothing", restore.Error, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(root));
    }

    [Theory]
    [InlineData("not an archive", "restore.unreadable")]
    [InlineData("empty file", "restore.manifest")]
    [InlineData("truncated", "restore.")]
    [InlineData("altered picture", "restore.checksum")]
    [InlineData("altered database", "restore.checksum")]
    [InlineData("member added", "restore.checksum")]
    [InlineData("member removed", "restore.checksum")]
    [InlineData("no manifest", "restore.manifest")]
    [InlineData("unknown format version", "restore.manifest")]
    [InlineData("audit trail cut and manifest fixed", "restore.database")]
    [InlineData("not a database and manifest fixed", "restore.database")]
    public async Task Restore_refuses_a_damaged_or_altered_archive_and_writes_nothing(string damage, string code)
    {
        var archive = CopyOfBackup();
        var members = BackupArchives.Read(archive);
        switch (damage)
        {
            case "not an archive":
                await File.WriteAllTextAsync(archive, "number,issuingState\nL898902C3,UTO\n");
                break;
            case "empty file":
                await File.WriteAllBytesAsync(archive, []);
                break;
            case "truncated":
                var bytes = await File.ReadAllBytesAsync(archive);
                await File.WriteAllBytesAsync(archive, bytes[..(bytes.Length / 2)]);
                break;
            case "altered picture":
                BackupArchives.Write(archive, members.Select(m => m.Name.EndsWith(".image") ? Flip(m) : m));
                break;
            case "altered database":
                BackupArchives.Write(archive, members.Select(m => m.Name == "passerelle.db" ? Flip(m) : m));
                break;
            case "member added":
                BackupArchives.Write(archive, members.Prepend(new("blobs/ab/abcdef.image", [1, 2, 3])));
                break;
            case "member removed":
                BackupArchives.Write(archive, members.Where(m => !m.Name.EndsWith(".thumb", StringComparison.Ordinal)));
                break;
            case "no manifest":
                BackupArchives.Write(archive, members.Where(m => m.Name != "manifest.json"));
                break;
            case "unknown format version":
                var manifest = BackupArchives.Manifest(archive);
                manifest["version"] = 99;
                var newer = System.Text.Encoding.UTF8.GetBytes(manifest.ToJsonString());
                BackupArchives.Write(
                    archive, members.Select(m => m.Name == "manifest.json" ? m with { Content = newer } : m));
                break;
            case "audit trail cut and manifest fixed":
                BackupArchives.Write(archive, BackupArchives.WithMatchingManifest(
                    [.. members.Select(m => m.Name == "passerelle.db" ? CutLastEntry(m) : m)]));
                break;
            default:
                var noise = RandomNumberGenerator.GetBytes(4096);
                BackupArchives.Write(archive, BackupArchives.WithMatchingManifest(
                    [.. members.Select(m => m.Name == "passerelle.db" ? m with { Content = noise } : m)]));
                break;
        }

        await AssertRefusedAsync(archive, code);
    }

    [Theory]
    [InlineData("../escaped", "restore.member-name")]
    [InlineData("blobs/../../escaped", "restore.member-name")]
    [InlineData("/tmp/escaped", "restore.member-name")]
    [InlineData("blobs/ab/.hidden", "restore.member-name")]
    [InlineData("blobs\\..\\..\\escaped", "restore.member-name")]
    [InlineData("symbolic link", "restore.member-type")]
    [InlineData("hard link", "restore.member-type")]
    [InlineData("directory", "restore.member-type")]
    [InlineData("same name twice", "restore.member-duplicate")]
    public async Task Restore_refuses_a_member_outside_the_backup_layout_and_writes_nothing(string member, string code)
    {
        var archive = CopyOfBackup();
        var members = BackupArchives.Read(archive);
        var escaped = $"escaped-{Guid.NewGuid():N}";
        var picture = members.First(m => m.Name.StartsWith("blobs/", StringComparison.Ordinal));
        BackupArchives.Member evil = member switch
        {
            "symbolic link" => new(picture.Name + ".link", [], TarEntryType.SymbolicLink, "/etc/passwd"),
            "hard link" => new(picture.Name + ".link", [], TarEntryType.HardLink, "passerelle.db"),
            "directory" => new("blobs/zz", [], TarEntryType.Directory),
            "same name twice" => picture,
            _ => new(member.Replace("escaped", escaped, StringComparison.Ordinal), "planted"u8.ToArray()),
        };
        // The manifest lists the planted member with its true checksum, so only its name or type can refuse it.
        BackupArchives.Write(archive, BackupArchives.WithMatchingManifest([evil, .. members]));

        await AssertRefusedAsync(archive, code);
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), escaped)));
        Assert.False(File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "..", escaped)));
        Assert.False(File.Exists(Path.Combine("/tmp", escaped)));
    }

    /// <summary>A copy of the class's backup, for one test to alter.</summary>
    private string CopyOfBackup()
    {
        var copy = BackupWorld.ArchivePath();
        File.Copy(backup.Archive, copy);
        return copy;
    }

    private static async Task AssertRefusedAsync(string archive, string code)
    {
        var (settings, root, _, _) = BackupWorld.EmptyPlace();

        var restore = await PasserelleCli.RunAsync(settings, null, "db", "restore", archive);

        Assert.True(restore.ExitCode == 2, restore.Output + restore.Error);
        Assert.Contains($"error {code}", restore.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", restore.Error, StringComparison.Ordinal);
        Assert.Equal("", restore.Output);
        Assert.False(Directory.Exists(root), $"The restore left {string.Join(", ", Snapshot(root).Keys)}.");
    }

    /// <summary>The member with one bit of its content changed, in the middle.</summary>
    private static BackupArchives.Member Flip(BackupArchives.Member member)
    {
        var copy = (byte[])member.Content.Clone();
        copy[copy.Length / 2] ^= 0x01;
        return member with { Content = copy };
    }

    /// <summary>The database without its newest audit entry: what remains still links; only the head tells.</summary>
    private static BackupArchives.Member CutLastEntry(BackupArchives.Member database)
    {
        var path = Path.Combine(Path.GetTempPath(), $"passerelle-cut-{Guid.NewGuid():N}.db");
        File.WriteAllBytes(path, database.Content);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText =
                "DELETE FROM audit_entries WHERE \"Sequence\" = (SELECT MAX(\"Sequence\") FROM audit_entries);";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        return database with { Content = File.ReadAllBytes(path) };
    }

    private static Dictionary<string, string> Snapshot(string root) =>
        Directory.Exists(root)
            ? Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).ToDictionary(
                p => Path.GetRelativePath(root, p),
                p => File.Exists(p)
                    ? $"{Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p)))} {File.GetLastWriteTimeUtc(p):O}"
                    : "folder")
            : [];
}
