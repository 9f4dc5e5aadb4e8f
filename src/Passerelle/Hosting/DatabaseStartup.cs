using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Passerelle.Core.Data;
using Passerelle.Core.Demo;

namespace Passerelle.Hosting;

/// <summary>Thrown when the server must not start; its message tells the operator what to do.</summary>
internal sealed class StartupRefusedException(string message) : Exception(message);

/// <summary>
/// Before the server takes requests: the embedded SQLite database migrates itself, PostgreSQL must already be
/// migrated, and <c>--demo</c> seeds the demo world into an empty database, never in Production.
/// </summary>
/// <remarks>
/// It works in <see cref="StartingAsync"/>, which the host runs before any hosted service's <c>StartAsync</c>: the
/// data-protection service loads its key ring from the database in its own <c>StartAsync</c>, and on a new database
/// that read, made before the tables exist, logs three errors with stack traces that look like a crash. Running first
/// by phase rather than by registration order keeps that true whatever registers its services earlier.
/// </remarks>
internal sealed class DatabaseStartup(
    IServiceScopeFactory scopes,
    IOptions<DatabaseOptions> database,
    IOptions<DemoSettings> demo,
    IHostApplicationLifetime lifetime,
    IServer server,
    ILogger<DatabaseStartup> log) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var migrator = scope.ServiceProvider.GetRequiredService<DatabaseMigrator>();
        var options = database.Value;
        if (options.Provider == DatabaseProvider.Sqlite && options.MigrateOnStart)
        {
            var applied = await migrator.MigrateAsync(ct);
            if (applied.Count > 0)
            {
                log.LogInformation("Applied {Count} migrations to the SQLite database", applied.Count);
            }
        }
        else if (await migrator.PendingAsync(ct) is { Count: > 0 } pending)
        {
            throw new StartupRefusedException(
                $"The {options.Provider} database has {pending.Count} pending migrations "
                + $"({string.Join(", ", pending)}). "
                + "Run 'passerelle db migrate' with the same configuration, then start the server again.");
        }

        if (demo.Value.Seed)
        {
            var seeded = await scope.ServiceProvider.GetRequiredService<DemoWorld>().SeedAsync(ct);
            lifetime.ApplicationStarted.Register(() => PrintDemo(seeded));
        }
    }

    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken ct) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken ct) => Task.CompletedTask;

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// The demo's passwords are public: outside Development (and the tests' environment) a server refuses to start
    /// rather than seed them, so a Staging or any other named deployment cannot carry them either. It is asked before
    /// the services are registered, so that it speaks before any other refusal (a missing certificate).
    /// </summary>
    public static void RefuseDemoInProduction(IConfiguration configuration, IHostEnvironment environment)
    {
        var demo = configuration.GetSection(DemoSettings.Section).Get<DemoSettings>();
        if (demo is { Seed: true } && !HostEnvironments.IsLocal(environment))
        {
            throw new StartupRefusedException(
                "The demo world (--demo, Demo:Seed) has public passwords and is seeded only in Development, never in "
                + $"the {environment.EnvironmentName} environment. Run the demo in Development "
                + "(DOTNET_ENVIRONMENT=Development), or start without --demo.");
        }
    }

    private void PrintDemo(bool seeded)
    {
        var urls = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var output = Console.Out;
        output.WriteLine();
        output.WriteLine(seeded
            ? "Passerelle demo world seeded."
            : "The database was not empty, so nothing was seeded: the demo world only ever goes into an empty one.");
        foreach (var url in urls)
        {
            output.WriteLine($"Open {url}");
        }

        foreach (var line in DemoWorld.Guide())
        {
            output.WriteLine(line);
        }

        output.WriteLine();
    }
}
