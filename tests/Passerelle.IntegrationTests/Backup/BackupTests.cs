using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Backup;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Backup;

/// <summary>
/// 'db backup' copies the running server's SQLite database and blob store into one archive; 'db restore' puts it back
/// into an empty place, where the audit chain verifies and a server starts. PostgreSQL is left to its own tools.
/// </summary>
public sealed class BackupTests
{
    [Fact]
    public async Task A_backup_taken_while_records_and_pictures_are_written_restores_what_it_saw_and_verifies()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var world = await BackupWorld.BuildAsync(app);
        var archive = BackupWorld.ArchivePath();
        using var stop = new CancellationTokenSource();
        var documents = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await world.RegisterAsync();
            }
        });
        var pictures = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await world.AddPictureAsync();
            }
        });
        await WaitUntilAsync(app, 20, 2);

        var backup = await PasserelleCli.RunAsync(world.Cli, null, "db", "backup", archive);

        var (documentsAtBackup, picturesAtBackup) = await CountAsync(app);
        await WaitUntilAsync(app, documentsAtBackup + 5, picturesAtBackup + 1);
        await stop.CancelAsync();
        await Task.WhenAll(documents, pictures);
        Assert.True(backup.ExitCode == 0, backup.Output + backup.Error);
        var sequence = BackupArchives.Manifest(archive)["audit"]!["sequence"]!.GetValue<long>();
        Assert.Contains($"audit trail to entry {sequence} ", backup.Output, StringComparison.Ordinal);
        var (settings, _, database, blobs) = BackupWorld.EmptyPlace();

        var restore = await PasserelleCli.RunAsync(settings, null, "db", "restore", archive);
        var verify = await PasserelleCli.RunAsync(settings, null, "audit", "verify");

        Assert.True(restore.ExitCode == 0, restore.Output + restore.Error);
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
        await using var source = app.NewContext();
        await using var restored = SqliteFile.Context(database);
        // The chain up to the backup's head is the source's, entry for entry; only the restore's own entry follows.
        var sourceChain = await source.AuditEntries.Where(e => e.Sequence <= sequence)
            .OrderBy(e => e.Sequence).Select(e => e.Hash).ToListAsync();
        var restoredChain = await restored.AuditEntries.OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(sourceChain, restoredChain.Take((int)sequence).Select(e => e.Hash));
        Assert.Equal(["database.restored"], restoredChain.Skip((int)sequence).Take(1).Select(e => e.Operation));
        Assert.True(await source.AuditEntries.AnyAsync(e => e.Sequence > sequence), "Nothing was written after.");
        Assert.Contains(restoredChain, e => e.Operation == "database.backed-up" && e.Login!.StartsWith("console:"));
        // Every record and picture whose change precedes the backup's head, and none after it.
        Assert.Equal(
            await source.TravelDocuments.Where(d => d.ChangeSequence <= sequence)
                .Select(d => d.Id).OrderBy(id => id).ToListAsync(),
            await restored.TravelDocuments.Select(d => d.Id).OrderBy(id => id).ToListAsync());
        var picturesBefore = await source.AuditEntries
            .Where(e => e.Operation == "picture.added" && e.Sequence <= sequence).Select(e => e.Target!).ToListAsync();
        var restoredPictures = await restored.Pictures.Select(p => p.Id).ToListAsync();
        Assert.Equal(picturesBefore.Order(), restoredPictures.Select(id => $"picture:{id}").Order());
        Assert.NotEmpty(restoredPictures);
        Assert.Equal(await source.Agencies.CountAsync(), await restored.Agencies.CountAsync());
        Assert.Equal(await source.Users.CountAsync(), await restored.Users.CountAsync());
        // Each picture's files came back byte for byte.
        var sourceFiles = BackupArchives.Files(world.BlobFolder);
        foreach (var id in restoredPictures)
        {
            foreach (var suffix in new[] { ".image", ".thumb" })
            {
                var key = id.ToString("N") + suffix;
                var relative = Path.Combine(key[..2], key);
                Assert.Equal(sourceFiles[relative], await File.ReadAllBytesAsync(Path.Combine(blobs, relative)));
            }
        }
    }

    [Fact]
    public async Task A_restored_backup_starts_a_server_that_serves_its_pictures_byte_for_byte_and_screens_its_records()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var world = await BackupWorld.BuildAsync(app);
        var number = await world.RegisterAsync();
        var picture = await world.AddPictureAsync(400);
        var officer = app.ClientWithToken(world.OfficerToken);
        var served = await officer.GetByteArrayAsync($"/api/v1/pictures/{picture}");
        var archive = BackupWorld.ArchivePath();
        var older = await PasserelleCli.RunAsync(world.Cli, null, "db", "backup", archive);
        Assert.True(older.ExitCode == 0, older.Output + older.Error);

        var refused = await PasserelleCli.RunAsync(world.Cli, null, "db", "backup", archive);
        var replaced = await PasserelleCli.RunAsync(world.Cli, null, "db", "backup", archive, "--overwrite");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("backup.exists", refused.Error, StringComparison.Ordinal);
        Assert.True(replaced.ExitCode == 0, replaced.Output + replaced.Error);
        Assert.Matches(
            @"^Wrote .+: [\d.]+ [KM]iB, 4 entries \(the database, 2 blob files, the manifest\)", replaced.Output);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(archive));
        }

        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(archive)!, $".{Path.GetFileName(archive)}*"));
        var (settings, _, database, blobs) = BackupWorld.EmptyPlace();
        Assert.Equal(0, (await PasserelleCli.RunAsync(settings, null, "db", "restore", archive)).ExitCode);
        Assert.Equal(BackupArchives.Files(world.BlobFolder), BackupArchives.Files(blobs));

        await using var node = await TestApp.StartAsync(Db.Sqlite, new Dictionary<string, string?>
        {
            ["ConnectionStrings:Passerelle"] = $"Data Source={database}",
            ["Blobs:Path"] = blobs,
        });
        var restoredOfficer = node.ClientWithToken(world.OfficerToken);
        var screening = new { documentNumber = number, issuingState = "UTO", purpose = "border-check" };
        var screened = await restoredOfficer.PostAsJsonAsync("/api/v1/documents/screen", screening);

        Assert.Equal(served, await restoredOfficer.GetByteArrayAsync($"/api/v1/pictures/{picture}"));
        Assert.True(screened.IsSuccessStatusCode, await screened.Content.ReadAsStringAsync());
        var answer = await screened.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("hit", answer.GetProperty("result").GetString());
    }

    [Fact]
    public async Task Backup_refuses_to_write_over_the_database_or_inside_the_blob_store_even_when_told_to_overwrite()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var world = await BackupWorld.BuildAsync(app);
        await world.AddPictureAsync();
        var database = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(app.ConnectionString).DataSource;
        var inside = Path.Combine(world.BlobFolder, "backup.tar");
        var before = await File.ReadAllBytesAsync(database);

        var overDatabase = await PasserelleCli.RunAsync(world.Cli, null, "db", "backup", database, "--overwrite");
        var intoStore = await PasserelleCli.RunAsync(world.Cli, null, "db", "backup", inside, "--overwrite");

        Assert.Equal(2, overDatabase.ExitCode);
        Assert.Contains("error backup.database-file", overDatabase.Error, StringComparison.Ordinal);
        Assert.Equal(2, intoStore.ExitCode);
        Assert.Contains("error backup.inside-store", intoStore.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(inside));
        Assert.Equal(before, await File.ReadAllBytesAsync(database));
    }

    /// <summary>A path through a symbolic link names the live database under another name.</summary>
    [Fact]
    public async Task Overwrite_replaces_only_an_earlier_backup_not_a_database_reached_through_a_link()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var world = await BackupWorld.BuildAsync(app);
        var database = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(app.ConnectionString).DataSource;
        var link = Path.Combine(Path.GetTempPath(), $"passerelle-link-{Guid.NewGuid():N}");
        Directory.CreateSymbolicLink(link, Path.GetDirectoryName(Path.GetFullPath(database))!);
        var other = Path.Combine(Path.GetTempPath(), $"passerelle-notes-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(other, "not a backup");
        try
        {
            var before = await File.ReadAllBytesAsync(database);

            var throughLink = await PasserelleCli.RunAsync(
                world.Cli, null, "db", "backup", Path.Combine(link, Path.GetFileName(database)), "--overwrite");
            var overText = await PasserelleCli.RunAsync(world.Cli, null, "db", "backup", other, "--overwrite");

            Assert.Equal(1, throughLink.ExitCode);
            Assert.Contains("error backup.not-a-backup", throughLink.Error, StringComparison.Ordinal);
            Assert.Equal(before, await File.ReadAllBytesAsync(database));
            Assert.Equal(1, overText.ExitCode);
            Assert.Equal("not a backup", await File.ReadAllTextAsync(other));
        }
        finally
        {
            Directory.Delete(link);
            File.Delete(other);
        }
    }

    [Fact]
    public async Task Only_the_picture_stores_own_files_go_into_the_archive()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var world = await BackupWorld.BuildAsync(app);
        await world.AddPictureAsync();
        var image = Directory.EnumerateFiles(world.BlobFolder, "*.image", SearchOption.AllDirectories).Single();
        File.Copy(image, image + ".partial");
        await File.WriteAllTextAsync(Path.Combine(world.BlobFolder, "audit-checkpoint.key"), "a key put in the wrong place");
        var archive = BackupWorld.ArchivePath();

        var backup = await PasserelleCli.RunAsync(world.Cli, null, "db", "backup", archive);

        Assert.True(backup.ExitCode == 0, backup.Output + backup.Error);
        var blobs = BackupArchives.Read(archive).Select(m => m.Name)
            .Where(n => n.StartsWith("blobs/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, blobs.Count);
        Assert.All(blobs, name => Assert.Matches(@"\.(image|thumb)$", name));
    }

    [Fact]
    public async Task Backup_warns_of_picture_files_the_blob_store_had_already_lost()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var world = await BackupWorld.BuildAsync(app);
        var picture = await world.AddPictureAsync();
        var key = picture.ToString("N") + ".thumb";
        File.Delete(Path.Combine(world.BlobFolder, key[..2], key));

        var backup = await PasserelleCli.RunAsync(world.Cli, null, "db", "backup", BackupWorld.ArchivePath());

        Assert.True(backup.ExitCode == 0, backup.Output + backup.Error);
        Assert.Contains("warning: the blob folder lacks 1 picture file the database names", backup.Error);
    }

    [Fact]
    public async Task Backup_and_restore_on_PostgreSQL_refuse_and_point_to_its_own_tools()
    {
        await using var app = await TestApp.StartAsync(Db.PostgreSql);
        await app.AddAgencyAsync("FR-A");
        var archive = BackupWorld.ArchivePath();
        var cli = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Passerelle"] = app.ConnectionString,
        };
        await using var context = app.NewContext();
        var entries = await context.AuditEntries.CountAsync();

        var backup = await PasserelleCli.RunAsync(cli, null, "db", "backup", archive);
        var restore = await PasserelleCli.RunAsync(cli, null, "db", "restore", archive);

        Assert.Equal(2, backup.ExitCode);
        Assert.Contains("error backup.postgresql", backup.Error, StringComparison.Ordinal);
        Assert.Contains("pg_dump -Fc", backup.Error, StringComparison.Ordinal);
        Assert.Contains("pg_basebackup", backup.Error, StringComparison.Ordinal);
        Assert.Contains("Blobs:Path", backup.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", backup.Error, StringComparison.Ordinal);
        Assert.Equal(2, restore.ExitCode);
        Assert.Contains("pg_restore", restore.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(archive));
        Assert.Equal(entries, await context.AuditEntries.CountAsync());
    }

    private static async Task<(int Documents, int Pictures)> CountAsync(TestApp app)
    {
        await using var context = app.NewContext();
        return (await context.TravelDocuments.CountAsync(), await context.Pictures.CountAsync());
    }

    private static async Task WaitUntilAsync(TestApp app, int documents, int pictures)
    {
        for (var waited = 0; waited < 600; waited++)
        {
            var (d, p) = await CountAsync(app);
            if (d >= documents && p >= pictures)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"The writers did not reach {documents} records and {pictures} pictures in a minute.");
    }
}
