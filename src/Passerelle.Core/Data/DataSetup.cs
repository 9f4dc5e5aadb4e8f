using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Passerelle.Core.Data;

public static class DataSetup
{
    public const string SqliteMigrations = "Passerelle.Migrations.Sqlite";
    public const string PostgreSqlMigrations = "Passerelle.Migrations.PostgreSql";

    /// <summary>
    /// How many statements each PostgreSQL connection keeps prepared, unless its connection string says otherwise.
    /// </summary>
    public const int AutoPrepared = 64;

    public static IServiceCollection AddPasserelleData(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>()
            .Configure<IConfiguration>((options, configuration) =>
            {
                configuration.GetSection(DatabaseOptions.Section).Bind(options);
                options.ConnectionString = configuration.GetConnectionString("Passerelle") ?? options.ConnectionString;
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Options are read when the first context is made, so every configuration source, tests' included, counts.
        // Contexts are pooled: building one from scratch for every request cost more than the lookups it served.
        services.AddDbContextPool<PasserelleDb>((provider, builder) =>
            Configure(builder, provider.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        services.AddSingleton<DedicatedContexts>();
        services.AddScoped<DatabaseMigrator>();
        return services;
    }

    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(
                    PrepareSqlite(options.ConnectionString), sqlite => sqlite.MigrationsAssembly(SqliteMigrations));
                break;
            case DatabaseProvider.PostgreSql:
                builder.UseNpgsql(PreparePostgreSql(options.ConnectionString), npgsql => npgsql
                    .MigrationsAssembly(PostgreSqlMigrations)
                    .ExecutionStrategy(dependencies => new ReadRetryStrategy(dependencies)));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider {options.Provider}.");
        }

        // A failed command reaches the one exception handler, which logs it once per storm; EF Core's own error
        // events would log it again for every request, thousands of lines a second while a database restarts.
        builder.ConfigureWarnings(warnings => warnings.Log(
            (RelationalEventId.CommandError, LogLevel.Debug),
            (RelationalEventId.ConnectionError, LogLevel.Debug),
            (RelationalEventId.TransactionError, LogLevel.Debug),
            (CoreEventId.QueryIterationFailed, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug)));
    }

    /// <summary>
    /// Lets Npgsql prepare the statements a connection runs again and again (the hit case's look-ups, the audit tail),
    /// so PostgreSQL parses and plans each once per connection rather than once per run. A connection string that
    /// sets <c>Max Auto Prepare</c> itself (0 turns it off, as a pooler in transaction mode may need) keeps its value.
    /// </summary>
    public static string PreparePostgreSql(string connectionString)
    {
        // Npgsql's own builder answers for every keyword it knows, set or not; the plain one holds what was written.
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (written.Keys.Cast<string>().Any(key =>
                string.Equals(key.Replace(" ", "", StringComparison.Ordinal), "MaxAutoPrepare",
                    StringComparison.OrdinalIgnoreCase)))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = AutoPrepared }.ConnectionString;
    }

    /// <summary>Creates the folder of an SQLite file, so the embedded default works on a fresh clone.</summary>
    private static string PrepareSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource)
            && builder.DataSource != ":memory:"
            && builder.Mode != SqliteOpenMode.Memory)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        return builder.ToString();
    }
}
