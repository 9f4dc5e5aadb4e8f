using Microsoft.EntityFrameworkCore;

namespace Passerelle.Core.Data;

public sealed class DatabaseMigrator(PasserelleDb db)
{
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken ct) =>
        [.. await db.Database.GetPendingMigrationsAsync(ct)];

    /// <summary>Applies every pending migration and returns their names.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct)
    {
        var pending = await PendingAsync(ct);
        // Migrating an up-to-date database still builds the model's snapshot to look for unapplied model changes,
        // a fifth of a command's start-up.
        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync(ct);
        }

        if (!db.IsPostgreSql)
        {
            // Lets readers go on while the audit writer commits.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        return pending;
    }
}
