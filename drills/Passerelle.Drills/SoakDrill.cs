using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Passerelle.Drills.Harness;

namespace Passerelle.Drills;

/// <param name="Minutes">How long the soak lasts at half the measured maximum.</param>
/// <param name="MaxSeconds">How long the maximum is measured, closed loop, after a short warm-up.</param>
/// <param name="Dumps">Where to write dumps of the server after minute 2 and at the end, to compare them.</param>
internal sealed record SoakOptions(
    double Minutes = 10, int MaxSeconds = 20, int Records = 100_000, int Connections = 64, string? Dumps = null);

/// <summary>
/// A soak on PostgreSQL (fsync on): the maximum screening throughput is measured briefly, then half of it is sent
/// in an open loop for <see cref="SoakOptions.Minutes"/>. No request may fail, and the server's resident memory must
/// stay flat: its mean over the last minute within 10 % of its mean over the second (the first is warm-up). Latency
/// percentiles and memory are printed for every minute.
/// </summary>
internal static partial class SoakDrill
{
    private const double MemoryTolerance = 0.10;

    public static async Task<DrillReport> RunAsync(SoakOptions options)
    {
        var report = new DrillReport($"soak at half the maximum for {options.Minutes} minutes (PostgreSQL)");
        await using var workspace = await Workspace.CreateAsync(DrillDatabase.PostgreSql, durable: true);
        var world = await DrillWorld.CreateAsync(workspace);
        var server = await workspace.StartServerAsync();
        await world.LoadRegisterAsync(server, options.Records);

        // Numbers over a range a thousand times the register's, so nearly every answer is clear, as at a border.
        var range = options.Records * 1000L;
        (string, string) Pick(long i)
        {
            var n = Random.Shared.NextInt64(range);
            return (Synthetic.Number(n), Synthetic.State(n));
        }

        if (await WrkAsync(workspace, server, world.Token, options) is { } wrk)
        {
            report.Figure("wrk, for reference", wrk);
        }

        var max = await MeasureMaximumAsync(server, world.Token, options, Pick);
        var rate = Math.Max(1, (int)(max / 2));
        report.Figure("maximum", $"{max:F0} screenings/s over {options.MaxSeconds} s: a closed loop of "
            + $"{options.Connections} connections from this tool, the client the soak uses");
        report.Figure("soak rate", $"{rate} screenings/s, open loop, for {options.Minutes} minutes");

        var samples = new List<Sample>();
        var dumps = new List<Task<string>>();
        using var counters = ServerCounters.TryStart(server.Id, seconds: 5);
        var results = await OpenLoad.RunAsync(server.Url, world.Token, rate, options.Minutes * 60, Pick, second =>
        {
            if (options.Dumps is not null && (second == 120 || second == (int)(options.Minutes * 60) - 5))
            {
                dumps.Add(HeapDumps.TakeAsync(server.Id, Path.Combine(options.Dumps, $"server-{second}s.dmp")));
            }

            if (second % 5 == 0)
            {
                samples.Add(new Sample(second, server.ResidentBytes() ?? 0, server.ProcessorSeconds() ?? 0,
                    Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds,
                    counters?["gc-heap-size"], counters?["gc-committed"], counters?["gen-2-gc-count"],
                    counters?["active-db-contexts"]));
            }
        });

        var minutes = (int)Math.Ceiling(options.Minutes);
        var means = new double[minutes];
        var previous = samples.FirstOrDefault();
        for (var m = 0; m < minutes; m++)
        {
            var inMinute = results.Where(r => r.DueAt >= m * 60 && r.DueAt < (m + 1) * 60).ToList();
            var minute = samples.Where(s => s.At > m * 60 && s.At <= (m + 1) * 60).ToList();
            var rss = minute.Select(s => s.Resident / 1048576.0).DefaultIfEmpty().ToList();
            means[m] = rss.Average();
            var last = minute.LastOrDefault() ?? previous;
            var cpu = previous is null || last is null ? "" : Processor(previous, last, inMinute.Count);
            previous = last;
            report.Figure($"minute {m + 1,2}", $"{Latencies(inMinute)}; "
                + $"RSS mean {means[m]:F1} MiB (min {rss.Min():F1}, max {rss.Max():F1}){Heap(minute)}{cpu}");
        }

        if (dumps.Count == 2)
        {
            var (first, second) = (await dumps[0], await dumps[1]);
            report.Figure("heap dumps", $"{first}, {second} (the server paused while each was written)\n"
                + HeapDumps.Compare(first, second));
        }

        var failed = results.Count(r => !r.Ok);
        report.Figure("whole soak", Latencies(results));
        report.Check(failed == 0, $"{failed} requests failed");

        // Minute 2 against the last: the first minute is warm-up (JIT, pools, the heap finding its size).
        var baseline = minutes >= 3 ? 1 : 0;
        var change = (means[^1] - means[baseline]) / means[baseline];
        report.Figure("memory", $"mean RSS in minute {baseline + 1} {means[baseline]:F1} MiB, "
            + $"in minute {minutes} {means[^1]:F1} MiB: {change * 100:+0.0;-0.0} %");
        report.Check(Math.Abs(change) <= MemoryTolerance, $"resident memory changed by {change * 100:F1} % "
            + $"from minute {baseline + 1} to minute {minutes}, beyond {MemoryTolerance * 100} %");
        var exit = await server.StopAsync(TimeSpan.FromSeconds(60));
        report.Figure("server stopped by SIGTERM", $"exit code {exit}");
        return report;
    }

    private static string Latencies(IReadOnlyCollection<Timed> results)
    {
        var sorted = results.Select(r => r.LatencyMs).Order().ToList();
        return $"sent {results.Count}, failed {results.Count(r => !r.Ok)}, "
            + $"p50 {OpenLoad.Quantile(sorted, 0.50):F2} ms, p95 {OpenLoad.Quantile(sorted, 0.95):F2} ms, "
            + $"p99 {OpenLoad.Quantile(sorted, 0.99):F2} ms, max {sorted.LastOrDefault():F2} ms";
    }

    /// <summary>The managed heap and what the GC holds, as the runtime counts them; full collections so far.</summary>
    private static string Heap(List<Sample> minute)
    {
        var heap = minute.Where(s => s.HeapMegabytes is not null).ToList();
        return heap.Count == 0 ? "" : $"; GC heap mean {heap.Average(s => s.HeapMegabytes!.Value):F1} MB, "
            + $"GC committed mean {heap.Average(s => s.CommittedMegabytes ?? 0):F1} MB, "
            + $"{heap[^1].Gen2Collections ?? 0:F0} gen 2 collections so far, "
            + $"{heap[^1].Contexts?.ToString("F0", CultureInfo.InvariantCulture) ?? "?"} database contexts alive";
    }

    private static string Processor(Sample from, Sample to, int requests)
    {
        var seconds = to.At - from.At;
        var server = (to.Server - from.Server) / seconds;
        return $"; server CPU {server * 100:F0} % of a core ({server * 60 * 1e6 / Math.Max(1, requests):F0} µs a "
            + $"request), this tool {(to.Tool - from.Tool) / seconds * 100:F0} %";
    }

    /// <summary>
    /// The maximum, closed loop, with the same HTTP client as the soak: on two shared cores the load generator's own
    /// cost counts, and half of what wrk (far cheaper a request) reaches was more than this client and the server
    /// could keep up with together.
    /// </summary>
    private static async Task<double> MeasureMaximumAsync(
        ServerProcess server, string token, SoakOptions options, Func<long, (string, string)> pick)
    {
        await using (var warm = ScreeningLoad.Start(server.Url, token, options.Connections, pick))
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
        }

        var load = ScreeningLoad.Start(server.Url, token, options.Connections, pick);
        await Task.Delay(TimeSpan.FromSeconds(options.MaxSeconds));
        var answers = await load.StopAsync();
        await load.DisposeAsync();
        return answers.Count(a => a.Status == 200) / (double)options.MaxSeconds;
    }

    /// <summary>The same closed loop with wrk, when installed: the server with a client that costs little.</summary>
    private static async Task<string?> WrkAsync(
        Workspace workspace, ServerProcess server, string token, SoakOptions options)
    {
        var wrk = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(folder => Path.Combine(folder, "wrk")).FirstOrDefault(File.Exists);
        if (wrk is null)
        {
            return null;
        }

        var script = Path.Combine(workspace.Folder, "screen.lua");
        var range = (options.Records * 1000L).ToString(CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(script, WrkScript
            .Replace("TOKEN", token, StringComparison.Ordinal).Replace("RANGE", range, StringComparison.Ordinal));
        var url = new Uri(server.Url, "/api/v1/documents/screen").ToString();
        string[] common = ["-t", "2", "-c", $"{options.Connections}", "-s", script];
        await Processes.RunAsync(wrk, [.. common, "-d", "3s", url]);
        var run = await Processes.RunAsync(wrk, [.. common, "-d", $"{options.MaxSeconds}s", url]);
        var rate = Rate().Match(run.Output);
        var non2xx = Non2xx().Match(run.Output);
        return rate.Success
            ? $"{rate.Groups[1].Value} screenings/s over {options.MaxSeconds} s (wrk -t 2 -c {options.Connections}), "
                + $"non-2xx {(non2xx.Success ? non2xx.Groups[1].Value : "0")}"
            : null;
    }

    private sealed record Sample(
        double At, long Resident, double Server, double Tool, double? HeapMegabytes, double? CommittedMegabytes,
        double? Gen2Collections, double? Contexts);

    private const string WrkScript = """
        math.randomseed(os.time())
        local states = { "FRA", "D", "BEL", "ITA", "ESP", "NLD", "UTO", "GBR" }
        wrk.method = "POST"
        wrk.headers["Content-Type"] = "application/json"
        wrk.headers["Authorization"] = "Bearer TOKEN"
        request = function()
          local n = math.random(0, RANGE - 1)
          local body = string.format('{"documentNumber":"P%08d","issuingState":"%s",'
            .. '"purpose":"border-check","location":"soak-max"}', n % 100000000, states[(n % 8) + 1])
          return wrk.format(nil, nil, nil, body)
        end
        """;

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex Rate();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();
}
