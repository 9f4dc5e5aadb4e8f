using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Passerelle.Core;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.People;
using Passerelle.Hosting;

namespace Passerelle.Cli;

/// <summary>
/// The services a command needs, configured exactly as the server is: appsettings, environment, options.
/// </summary>
internal static class CliHost
{
    public static IHost Build()
    {
        var builder = Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        // Standard output carries the command's answer alone (a token, JSON); everything else goes to standard error.
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        // A command reports its own failures in one line; EF's log of the query that finds a new database empty is
        // noise.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Critical);
        builder.Services.AddPasserelleCore();
        builder.Services.AllowCheckpointKeyCreation(builder.Environment);
        // The same key ring as the server's; no command protects anything with it, so no new key is ever written here.
        builder.Services.AddDataProtection().SetApplicationName("passerelle").PersistKeysToDbContext<PasserelleDb>();
        builder.Services.AddIdentityCore<User>()
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<PasserelleDb>();
        return builder.Build();
    }

    /// <summary>
    /// Makes sure the schema is current: the embedded SQLite default migrates itself, PostgreSQL must be migrated with
    /// <c>passerelle db migrate</c>. Returns a message when the command cannot go on.
    /// </summary>
    public static async Task<string?> PrepareAsync(IServiceProvider services, CancellationToken ct)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var migrator = services.GetRequiredService<DatabaseMigrator>();
        if (options.Provider == DatabaseProvider.Sqlite && options.MigrateOnStart)
        {
            await migrator.MigrateAsync(ct);
            return null;
        }

        var pending = await migrator.PendingAsync(ct);
        return pending.Count == 0
            ? null
            : $"The database has {pending.Count} pending migrations. Run 'passerelle db migrate' first.";
    }
}
