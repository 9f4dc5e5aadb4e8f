using System.CommandLine;
using Passerelle.Core.Data;

namespace Passerelle.Cli;

internal static class DbCommands
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "Apply every pending migration to the configured database (SQLite or PostgreSQL).");
        migrate.Run(async (_, services, _, ct) =>
        {
            var applied = await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            Console.Out.WriteLine(applied.Count == 0 ? "The database is up to date." : $"Applied {applied.Count} migrations: {string.Join(", ", applied)}");
            return ExitCodes.Success;
        }, prepare: false);

        return new Command("db", "Manage the database schema.") { migrate };
    }
}
