using System.Net;
using System.Net.Sockets;

namespace Passerelle.Drills.Harness;

/// <summary>
/// A PostgreSQL cluster of the drill's own, in a temporary folder on a free loopback port: a drill stops it and starts
/// it again, which would break anyone else's cluster. Found on PATH or under /usr/lib/postgresql/*/bin.
/// </summary>
internal sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string folder;
    private readonly string binaries;

    private ThrowawayPostgres(string folder, string binaries, int port)
    {
        this.folder = folder;
        this.binaries = binaries;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Maximum Pool Size=100";

    private string Data => Path.Combine(folder, "data");

    /// <summary>
    /// Creates and starts a cluster. <paramref name="durable"/> keeps fsync on, for figures that include the cost of a
    /// commit; without it the cluster is quicker to make and use, and a crash of PostgreSQL alone (not of the machine)
    /// still loses nothing, since a commit has written its log to the kernel before it returns. Never
    /// <c>synchronous_commit=off</c>: a commit would return with its log still in PostgreSQL's own memory, and an
    /// immediate stop would lose transactions already acknowledged.
    /// </summary>
    public static async Task<ThrowawayPostgres> StartAsync(bool durable)
    {
        var binaries = FindBinaries() ?? throw new DrillCannotRunException(
            "PostgreSQL is not installed: no initdb on PATH or under /usr/lib/postgresql/*/bin.");
        var folder = Directory.CreateTempSubdirectory("passerelle-drill-pg-").FullName;
        if (Processes.IsRoot)
        {
            // PostgreSQL refuses to run as root; the cluster belongs to the postgres account instead.
            await Processes.RunCheckedAsync("chown", ["-R", "postgres", folder]);
        }

        var cluster = new ThrowawayPostgres(folder, binaries, FreePort());
        string[] sync = durable ? [] : ["--no-sync"];
        await cluster.AsPostgresAsync("initdb",
            ["-D", cluster.Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", .. sync]);
        var options = $"-p {cluster.Port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=300"
            + (durable ? "" : " -c fsync=off -c full_page_writes=off");
        await File.WriteAllTextAsync(Path.Combine(folder, "options"), options);
        await cluster.StartAgainAsync();
        return cluster;
    }

    public static bool Installed => FindBinaries() is not null;

    /// <summary>Starts the stopped cluster and waits until it accepts connections (crash recovery included).</summary>
    public async Task StartAgainAsync()
    {
        var options = await File.ReadAllTextAsync(Path.Combine(folder, "options"));
        await AsPostgresAsync("pg_ctl",
            ["-D", Data, "-l", Path.Combine(folder, "postgres.log"), "-w", "-t", "120", "-o", options, "start"]);
    }

    /// <summary>
    /// <c>pg_ctl -m immediate stop</c>: every PostgreSQL process quits at once, without a checkpoint, as in a crash;
    /// the next start replays the write-ahead log.
    /// </summary>
    public Task<ProcessRun> StopImmediatelyAsync() =>
        AsPostgresAsync("pg_ctl", ["-D", Data, "-m", "immediate", "-w", "stop"]);

    public async ValueTask DisposeAsync()
    {
        await Processes.RunAsync(
            Path.Combine(binaries, "pg_ctl"), ["-D", Data, "-m", "immediate", "stop"], asUser: PostgresUser);
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a stopping server goes with the machine's temporary files.
        }
    }

    private static string? PostgresUser => Processes.IsRoot ? "postgres" : null;

    private Task<ProcessRun> AsPostgresAsync(string program, string[] args) =>
        Processes.RunCheckedAsync(Path.Combine(binaries, program), args, asUser: PostgresUser);

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

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
