using Microsoft.Extensions.Options;
using Passerelle.Core.Backup;
using Passerelle.Core.Data;
using Passerelle.Core.Pictures;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.IntegrationTests.Backup;

/// <summary>
/// A restore checks that its place is empty, then renames its files into it. Whatever appears in between, as when a
/// server is started on the place meanwhile, is never renamed over: the restore is taken back and says so.
/// </summary>
public sealed class RestoreRaceTests(RestoreRefusalTests.BackedUpWorld backup)
    : IClassFixture<RestoreRefusalTests.BackedUpWorld>
{
    [Theory]
    [InlineData("absent", "database")]
    [InlineData("an empty file", "database")]
    [InlineData("absent", "picture")]
    public async Task What_appears_after_the_last_check_is_kept_and_the_restore_taken_back(string seen, string appears)
    {
        var (_, _, database, blobs) = BackupWorld.EmptyPlace();
        var data = Path.GetDirectoryName(database)!;
        if (seen == "an empty file")
        {
            Directory.CreateDirectory(data);
            await File.WriteAllBytesAsync(database, []);
        }

        var appeared = appears == "database" ? database : Path.Combine(blobs, "ab", "abcdef.image");
        var restore = Restore(database, blobs, () =>
        {
            Directory.CreateDirectory(Path.GetDirectoryName(appeared)!);
            File.WriteAllText(appeared, "written by a server started meanwhile");
        });

        var result = await restore.HandleAsync(Actor.Console(), new RestoreRequest(backup.Archive), default);

        Assert.Equal("restore.appeared", result.Error?.Code);
        Assert.Contains(appears == "database" ? database : blobs, result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal("written by a server started meanwhile", await File.ReadAllTextAsync(appeared));
        // Nothing staged is left, and nothing but what appeared: the blob folder only if the picture went there.
        Assert.Equal(
            Path.GetFileName(appears == "database" ? database : blobs),
            Path.GetFileName(Assert.Single(Directory.EnumerateFileSystemEntries(data))));
    }

    private static RestoreDatabase Restore(string database, string blobs, Action check) => new(
        Options.Create(new DatabaseOptions { ConnectionString = $"Data Source={database}" }),
        new FileSystemBlobStore(blobs),
        new AuditedChange(TimeProvider.System))
    {
        Checked = check,
    };
}
