using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Backup;
using Passerelle.Core.Trust.Access;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Backup;

/// <summary>
/// A backup is on record before any data leaves the database, so that entry cannot know how it ends: it says the
/// backup started, and a second entry says how it ended: success with the archive's checksum, or failure with its
/// error code.
/// </summary>
public sealed class BackupAuditTests
{
    [Fact]
    public async Task A_backup_is_recorded_as_started_then_as_done_with_its_checksum_or_failed_and_the_trail_verifies()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var world = await BackupWorld.BuildAsync(app);
        var archive = BackupWorld.ArchivePath();
        var full = world.Backup(snapshotted: _ => throw new IOException("No space left on device"));

        var written = BackupWorld.ArchivePath();
        var done = await PasserelleCli.RunAsync(world.Cli, null, "db", "backup", written);
        var failed = await full.HandleAsync(Actor.Console(), new BackupRequest(archive, false), default);
        var verify = await PasserelleCli.RunAsync(world.Cli, null, "audit", "verify");

        Assert.True(done.ExitCode == 0, done.Output + done.Error);
        Assert.Equal("backup.failed", failed.Error?.Code);
        Assert.Contains("No space left on device", failed.Error!.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(archive));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.GetTempPath(), $".{Path.GetFileName(archive)}*"));
        await using var db = app.NewContext();
        var entries = await db.AuditEntries.Where(e => e.Operation == "database.backed-up")
            .OrderBy(e => e.Sequence).Select(e => new { e.Outcome, e.Details, e.Login }).ToListAsync();
        Assert.Equal(["started", "success", "started", "failure"], entries.Select(e => e.Outcome));
        var success = System.Text.Json.JsonDocument.Parse(entries[1].Details!).RootElement;
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(written))),
            success.GetProperty("sha256").GetString());
        Assert.Equal(
            $$"""{"file":"{{archive}}","error":"backup.failed"}""", entries[3].Details);
        Assert.All(entries, e => Assert.StartsWith("console:", e.Login, StringComparison.Ordinal));
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
    }
}
