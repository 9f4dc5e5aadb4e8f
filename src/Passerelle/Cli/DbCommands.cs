using System.CommandLine;
using System.Globalization;
using Passerelle.Core.Backup;
using Passerelle.Core.Data;

namespace Passerelle.Cli;

internal static class DbCommands
{
    public static Command Create()
    {
        var migrate = new Command(
            "migrate", "Apply every pending migration to the configured database (SQLite or PostgreSQL).");
        migrate.Run(async (_, services, _, ct) =>
        {
            var applied = await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            Console.Out.WriteLine(applied.Count == 0
                ? "The database is up to date."
                : $"Applied {applied.Count} migrations: {string.Join(", ", applied)}");
            return ExitCodes.Success;
        }, prepare: false);

        return new Command("db", "Migrate, back up and restore the database.") { migrate, Backup(), Restore() };
    }

    // Neither verb migrates first: a backup is taken as the database stands (before an upgrade, say), and a restore
    // needs the configured database absent, which migrating would create.
    private static Command Backup()
    {
        var file = new Argument<string>("file") { Description = "The archive to write (a .tar file)." };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace the file if it exists." };
        var backup = new Command("backup", "Copy the SQLite database, while the server runs, and the blob store into "
            + "one archive with a manifest of checksums. PostgreSQL: use pg_dump or pg_basebackup.")
        {
            file,
            overwrite,
        };
        backup.Run(async (parse, services, actor, ct) =>
        {
            var request = new BackupRequest(parse.GetValue(file)!, parse.GetValue(overwrite));
            return await services.GetRequiredService<BackupDatabase>().HandleAsync(actor, request, ct)
                .PrintAsync(Wrote);
        }, prepare: false);
        return backup;
    }

    private static Command Restore()
    {
        var file = new Argument<string>("file") { Description = "An archive written by 'passerelle db backup'." };
        var restore = new Command("restore", "Restore a backup into an empty place: the configured SQLite file and "
            + "blob folder must not hold data. The archive is checked whole before anything is written.")
        {
            file,
        };
        restore.Run(async (parse, services, actor, ct) =>
        {
            var request = new RestoreRequest(parse.GetValue(file)!);
            return await services.GetRequiredService<RestoreDatabase>().HandleAsync(actor, request, ct)
                .PrintAsync(s => Console.Out.WriteLine(
                    $"Restored the backup taken at {s.TakenAt:yyyy-MM-dd'T'HH:mm:ss'Z'} into {s.Database} and "
                    + $"{s.BlobFolder} ({Count(s.Blobs, "blob file")}): audit trail to entry {s.Audit.Sequence}, "
                    + $"and entry {s.RestoredAt} records this restore. Run 'passerelle audit verify' to check the "
                    + "chain."));
        }, prepare: false);
        return restore;
    }

    private static void Wrote(BackupSummary s)
    {
        Console.Out.WriteLine($"Wrote {s.File}: {Size(s.Bytes)}, {s.Entries} entries (the database, "
            + $"{Count(s.Blobs, "blob file")}, the manifest), taken at {s.TakenAt:yyyy-MM-dd'T'HH:mm:ss'Z'}, "
            + $"audit trail to entry {s.Audit.Sequence} ({s.Audit.Hash}).");
        if (s.Skipped > 0)
        {
            Console.Error.WriteLine(
                $"warning: left out {Count(s.Skipped, "file")} in the blob folder that the store never writes.");
        }

        if (s.MissingBlobs > 0)
        {
            Console.Error.WriteLine($"warning: the blob folder lacks {Count(s.MissingBlobs, "picture file")} "
                + "the database names; they were missing before this backup.");
        }
    }

    private static string Count(int n, string thing) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {thing}{(n == 1 ? "" : "s")}");

    private static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.0} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.0} MiB"),
        >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 10):0.0} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
