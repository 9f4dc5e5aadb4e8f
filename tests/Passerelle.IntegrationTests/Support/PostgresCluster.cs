using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Passerelle.IntegrationTests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster in a temporary folder on a free port, started on first use and removed when the
/// test run ends. Where PostgreSQL is not installed, tests that need it skip and say why, unless
/// PASSERELLE_REQUIRE_POSTGRES=1 makes that a failure.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private static readonly Lazy<Task<PostgresCluster>> Shared = new(StartAsync);

    private readonly string folder;
    private readonly string binaries;
    private readonly int port;

    private PostgresCluster(string folder, string binaries, int port)
    {
        this.folder = folder;
        this.binaries = binaries;
        this.port = port;
    }

    public static bool Required => Environment.GetEnvironmentVariable("PASSERELLE_REQUIRE_POSTGRES") == "1";

    public static async Task<PostgresCluster> GetAsync()
    {
        if (FindBinaries() is null)
        {
            const string why = "PostgreSQL is not installed: no initdb on PATH or under /usr/lib/postgresql/*/bin.";
            if (Required)
            {
                throw new InvalidOperationException(why + " PASSERELLE_REQUIRE_POSTGRES=1 makes this a failure.");
            }

            Assert.Skip(why + " Install postgresql, or set PASSERELLE_REQUIRE_POSTGRES=1 to fail instead of skipping.");
        }

        return await Shared.Value;
    }

    /// <summary>Stops the shared cluster, if one was started.</summary>
    public static async Task StopSharedAsync()
    {
        if (Shared.IsValueCreated && Shared.Value.IsCompletedSuccessfully)
        {
            await (await Shared.Value).DisposeAsync();
        }
    }

    /// <summary>A new, empty database in the cluster; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"passerelle_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=20";

    public async ValueTask DisposeAsync()
    {
        await RunAsync(Path.Combine(binaries, "pg_ctl"),
            ["-D", Path.Combine(folder, "data"), "-m", "immediate", "stop"], check: false);
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a stopping server is removed with the machine's temporary files.
        }
    }

    private static async Task<PostgresCluster> StartAsync()
    {
        var binaries = FindBinaries()!;
        var folder = Directory.CreateTempSubdirectory("passerelle-pg-").FullName;
        var port = FreePort();
        if (IsRoot())
        {
            // PostgreSQL refuses to run as root; the cluster belongs to the postgres account instead.
            await RunAsync("chown", ["-R", "postgres", folder], check: true, asPostgres: false);
        }

        var data = Path.Combine(folder, "data");
        await RunAsync(Path.Combine(binaries, "initdb"),
            ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale"], check: true);
        await RunAsync(Path.Combine(binaries, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60",
             "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
                 + "-c full_page_writes=off -c max_connections=1000", "start"],
            check: true);
        return new PostgresCluster(folder, binaries, port);
    }

    private static string? FindBinaries()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(dir =>
                File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")));
        if (onPath is not null)
        {
            return onPath;
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb"))).Order(StringComparer.Ordinal).LastOrDefault()
            : null;
    }

    private static bool IsRoot() => Environment.UserName == "root";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, string[] args, bool check, bool asPostgres = true)
    {
        var start = asPostgres && IsRoot()
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", program, .. args])
            : new ProcessStartInfo(program, args);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await output} {await error}");
        }
    }
}

/// <summary>Stops the shared cluster once every test of the assembly has run.</summary>
public sealed class PostgresClusterLifetime : IAsyncLifetime
{
    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await PostgresCluster.StopSharedAsync();
}
