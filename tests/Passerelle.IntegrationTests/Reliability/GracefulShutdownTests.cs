using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Reliability;

/// <summary>
/// SIGTERM to a real server under screening load: it stops taking requests, finishes those in flight, drains the
/// audit writer and exits 0 within <c>Shutdown:TimeoutSeconds</c>; every screening it answered has its entry, and
/// the chain verifies.
/// </summary>
public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task Sigterm_under_load_exits_cleanly_and_every_answered_screening_is_audited()
    {
        var folder = Directory.CreateTempSubdirectory("passerelle-shutdown-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Passerelle"] = $"Data Source={Path.Combine(folder, "passerelle.db")}",
            ["Blobs:Path"] = Path.Combine(folder, "blobs"),
            ["Audit:CheckpointPath"] = Path.Combine(folder, "audit-checkpoints.log"),
            ["Audit:CheckpointKeyPath"] = Path.Combine(folder, "audit-checkpoint.key"),
            ["Shutdown:TimeoutSeconds"] = "20",
        };
        try
        {
            Assert.Equal(0, (await PasserelleCli.RunAsync(settings, null, "db", "migrate")).ExitCode);
            Assert.Equal(0, (await PasserelleCli.RunAsync(settings, null, "agencies", "add", "--code", "FR-DOUANE", "--name", "Douane", "--kind", "customs", "--country", "FRA")).ExitCode);
            Assert.Equal(0, (await PasserelleCli.RunAsync(settings, TestApp.Password, "users", "add", "--agency", "FR-DOUANE", "--login", "douane.officer", "--role", "officer", "--password-stdin")).ExitCode);
            var token = await PasserelleCli.RunAsync(settings, null, "tokens", "create", "--user", "douane.officer", "--scope", "documents:screen");
            Assert.Equal(0, token.ExitCode);

            var port = FreePort();
            using var server = Start(settings, port);
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Output.Trim());
            Assert.True(await ReadyAsync(client), "the server never became ready");

            var answered = new ConcurrentBag<string>();
            var statuses = new ConcurrentBag<HttpStatusCode>();
            using var stop = new CancellationTokenSource();
            var load = Enumerable.Range(0, 8).Select(worker => ScreenUntilGoneAsync(client, worker, answered, statuses, stop.Token)).ToList();
            await Task.Delay(1500);
            var beforeSignal = answered.Count;
            Process.Start("kill", ["-TERM", server.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            var exited = server.Process.WaitForExitAsync();
            await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(60)));
            await stop.CancelAsync();
            await Task.WhenAll(load);

            Assert.True(server.Process.HasExited, "the server did not exit after SIGTERM");
            Assert.True(server.Process.ExitCode == 0, $"exit code {server.Process.ExitCode}: {server.Output}");
            Assert.True(beforeSignal > 0, "no screening was answered before the signal");
            Assert.DoesNotContain(HttpStatusCode.InternalServerError, statuses);
            Assert.Contains("Audit writer drained", server.Output.ToString(), StringComparison.Ordinal);
            var audited = AuditedLocations(settings["ConnectionStrings:Passerelle"]!);
            var missing = answered.Where(location => !audited.Contains(location)).ToList();
            Assert.True(missing.Count == 0, $"{missing.Count} of {answered.Count} answered screenings have no entry");
            var verify = await PasserelleCli.RunAsync(settings, null, "audit", "verify");
            Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task ScreenUntilGoneAsync(
        HttpClient client, int worker, ConcurrentBag<string> answered, ConcurrentBag<HttpStatusCode> statuses, CancellationToken ct)
    {
        for (var i = 0; !ct.IsCancellationRequested; i++)
        {
            var location = $"gate-{worker}-{i}";
            try
            {
                var response = await client.PostAsJsonAsync("/api/v1/documents/screen",
                    new { documentNumber = $"X{worker}{i:D7}", issuingState = "FRA", purpose = "border-check", location }, ct);
                statuses.Add(response.StatusCode);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    answered.Add(location);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                // The server stopped listening: this worker is done.
                return;
            }
        }
    }

    private static HashSet<string> AuditedLocations(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json_extract(Details, '$.location') FROM audit_entries WHERE Operation = 'document.screened'";
        using var reader = command.ExecuteReader();
        var found = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            if (!reader.IsDBNull(0))
            {
                found.Add(reader.GetString(0));
            }
        }

        return found;
    }

    private static async Task<bool> ReadyAsync(HttpClient client)
    {
        for (var i = 0; i < 300; i++)
        {
            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static ServerProcess Start(IReadOnlyDictionary<string, string?> settings, int port)
    {
        var start = new ProcessStartInfo("dotnet",
            [Path.Combine(AppContext.BaseDirectory, "passerelle.dll"), "serve", "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var server = new ServerProcess(Process.Start(start)!);
        server.Process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server.Process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server.Process.BeginOutputReadLine();
        server.Process.BeginErrorReadLine();
        return server;
    }

    private sealed class ServerProcess(Process process) : IDisposable
    {
        private readonly System.Text.StringBuilder output = new();

        public Process Process { get; } = process;

        public System.Text.StringBuilder Output
        {
            get
            {
                lock (output)
                {
                    return new System.Text.StringBuilder(output.ToString());
                }
            }
        }

        public void Append(string? line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
            }

            Process.Dispose();
        }
    }
}
