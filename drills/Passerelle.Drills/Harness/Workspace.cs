using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Passerelle.Drills.Harness;

internal enum DrillDatabase
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// Everything one drill writes: a temporary folder, its database (an SQLite file, or a PostgreSQL cluster of its
/// own), and the settings every <c>passerelle</c> process of the drill shares. Disposing stops what it started and
/// removes the folder.
/// </summary>
internal sealed class Workspace : IAsyncDisposable
{
    private readonly List<ServerProcess> servers = [];

    private Workspace(
        string folder, DrillDatabase database, ThrowawayPostgres? postgres, Dictionary<string, string?> settings)
    {
        Folder = folder;
        Database = database;
        Postgres = postgres;
        Settings = settings;
    }

    public string Folder { get; }

    public DrillDatabase Database { get; }

    public ThrowawayPostgres? Postgres { get; }

    /// <summary>Configuration keys as <c>Section:Key</c>, handed to every process as environment variables.</summary>
    public Dictionary<string, string?> Settings { get; }

    /// <summary>The binary under test: the build beside this assembly, as the tests use it.</summary>
    public static string Passerelle => Path.Combine(AppContext.BaseDirectory, "passerelle.dll");

    /// <param name="dataFolder">Where the SQLite file and the blob store go, when not in the workspace itself.</param>
    /// <param name="durable">PostgreSQL with fsync on, for figures that include the cost of a commit.</param>
    public static async Task<Workspace> CreateAsync(
        DrillDatabase database, bool durable = false, string? dataFolder = null)
    {
        var folder = Directory.CreateTempSubdirectory("passerelle-drill-").FullName;
        var data = dataFolder ?? folder;
        var settings = new Dictionary<string, string?>
        {
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Blobs:Path"] = Path.Combine(data, "blobs"),
            ["Audit:CheckpointPath"] = Path.Combine(folder, "audit-checkpoints.log"),
            ["Audit:CheckpointKeyPath"] = Path.Combine(folder, "audit-checkpoint.key"),
            // The drills load the server on purpose; the per-token limit would answer 429 instead.
            ["RateLimits:PerTokenPerMinute"] = "1000000",
            ["Logging:Console:FormatterName"] = "simple",
        };
        ThrowawayPostgres? postgres = null;
        try
        {
            if (database == DrillDatabase.PostgreSql)
            {
                postgres = await ThrowawayPostgres.StartAsync(durable);
                settings["Database:Provider"] = "PostgreSql";
                settings["ConnectionStrings:Passerelle"] = postgres.ConnectionString;
            }
            else
            {
                settings["Database:Provider"] = "Sqlite";
                settings["ConnectionStrings:Passerelle"] = $"Data Source={Path.Combine(data, "passerelle.db")}";
            }

            var workspace = new Workspace(folder, database, postgres, settings);
            if (database == DrillDatabase.PostgreSql)
            {
                // SQLite migrates itself on first use; PostgreSQL waits for the operator's 'db migrate'.
                await workspace.RunCheckedAsync(null, "db", "migrate");
            }

            return workspace;
        }
        catch
        {
            if (postgres is not null)
            {
                await postgres.DisposeAsync();
            }

            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    public string ConnectionString => Settings["ConnectionStrings:Passerelle"]!;

    /// <summary>The path of the SQLite file; null on PostgreSQL.</summary>
    public string? SqliteFile =>
        Database == DrillDatabase.Sqlite ? new SqliteConnectionStringBuilder(ConnectionString).DataSource : null;

    /// <summary>Runs a <c>passerelle</c> command with the workspace's settings.</summary>
    public Task<ProcessRun> RunAsync(string? input, params string[] args) =>
        Processes.RunAsync("dotnet", [Passerelle, .. args], Environment(), input);

    public async Task<ProcessRun> RunCheckedAsync(string? input, params string[] args)
    {
        var run = await RunAsync(input, args);
        return run.ExitCode == 0
            ? run
            : throw new InvalidOperationException(
                $"passerelle {string.Join(' ', args)} failed ({run.ExitCode}): {run.Output} {run.Error}");
    }

    /// <summary>Starts a <c>passerelle</c> command without waiting for it (its output dropped), to be killed.</summary>
    public Process StartCommand(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Passerelle, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in Environment())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)
            ?? throw new InvalidOperationException($"passerelle {args[0]} did not start.");
        Processes.WriteDown(process);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Starts <c>passerelle serve</c> on a free loopback port and waits until it is ready.</summary>
    public async Task<ServerProcess> StartServerAsync(
        string name = "server", IReadOnlyDictionary<string, string?>? extra = null)
    {
        var environment = Environment();
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            environment[EnvironmentName(key)] = value;
        }

        var log = Path.Combine(Folder, $"{name}-{servers.Count + 1}.log");
        var server = ServerProcess.Start(Passerelle, environment, log);
        servers.Add(server);
        await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
        return server;
    }

    /// <summary>A connection to the drill's database, for reading what the server left there.</summary>
    public async Task<DbConnection> OpenDatabaseAsync()
    {
        DbConnection connection = Database == DrillDatabase.PostgreSql
            ? new NpgsqlConnection(ConnectionString + ";Pooling=false")
            : new SqliteConnection(new SqliteConnectionStringBuilder(ConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in servers)
        {
            server.Kill();
            server.Dispose();
        }

        if (Postgres is not null)
        {
            await Postgres.DisposeAsync();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Anything still held open goes with the machine's temporary files.
        }
    }

    private Dictionary<string, string?> Environment() =>
        Settings.ToDictionary(s => EnvironmentName(s.Key), s => s.Value, StringComparer.Ordinal);

    private static string EnvironmentName(string key) => key.Replace(":", "__", StringComparison.Ordinal);
}
