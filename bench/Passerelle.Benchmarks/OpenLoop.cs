using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace Passerelle.Benchmarks;

/// <summary>
/// Sends requests at a fixed rate whatever the server's pace (an open loop), and measures each latency from the moment
/// the request was due, not from when it left. A stalled server therefore shows in the percentiles instead of
/// slowing the load down and hiding itself (coordinated omission).
/// </summary>
internal static class OpenLoop
{
    public static async Task<int> RunAsync(Uri server, string token, int rate, int seconds, Func<int, string> path)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = server,
            Timeout = TimeSpan.FromSeconds(30),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // A short warm-up at the same rate, not counted: connections, JIT and the database's caches.
        await RunPhaseAsync(client, rate, Math.Min(3, seconds), path);
        var (latencies, failures, elapsed) = await RunPhaseAsync(client, rate, seconds, path);
        Array.Sort(latencies);
        string At(double q) => latencies[Math.Min(latencies.Length - 1, (int)(q * latencies.Length))].ToString("F2", CultureInfo.InvariantCulture) + "ms";
        Console.WriteLine($"target {rate} requests/s for {seconds} s: sent {latencies.Length}, all answered within {elapsed.ToString("F1", CultureInfo.InvariantCulture)} s ({(latencies.Length / elapsed).ToString("F0", CultureInfo.InvariantCulture)} requests/s), failed {failures}");
        Console.WriteLine($"latency from the due time: p50 {At(0.50)}, p90 {At(0.90)}, p99 {At(0.99)}, p99.9 {At(0.999)}, max {At(1.0)}");
        return failures == 0 ? 0 : 1;
    }

    private static async Task<(double[] Latencies, int Failures, double Elapsed)> RunPhaseAsync(HttpClient client, int rate, int seconds, Func<int, string> path)
    {
        var total = rate * seconds;
        var latencies = new double[total];
        var failures = 0;
        var clock = Stopwatch.StartNew();
        var ticksPerRequest = Stopwatch.Frequency / (double)rate;

        // The schedule runs on a thread of its own, so sleeping between requests never holds up a response.
        var pending = await Task.Factory.StartNew(() => Schedule(client, total, ticksPerRequest, clock, latencies, path, () => Interlocked.Increment(ref failures)), TaskCreationOptions.LongRunning);
        await Task.WhenAll(pending);
        return (latencies, failures, clock.Elapsed.TotalSeconds);
    }

    private static List<Task> Schedule(HttpClient client, int total, double ticksPerRequest, Stopwatch clock, double[] latencies, Func<int, string> path, Action failed)
    {
        var pending = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = (long)(i * ticksPerRequest);
            while (clock.ElapsedTicks < due)
            {
                // Sleep while more than a millisecond early, then yield: close to the due time without burning a core.
                if (due - clock.ElapsedTicks > Stopwatch.Frequency / 1000)
                {
                    Thread.Sleep(1);
                }
                else
                {
                    Thread.Yield();
                }
            }

            var index = i;
            pending.Add(Task.Run(async () =>
            {
                try
                {
                    using var response = await client.GetAsync(path(index), HttpCompletionOption.ResponseContentRead);
                    if (!response.IsSuccessStatusCode)
                    {
                        failed();
                    }
                }
                catch (HttpRequestException)
                {
                    failed();
                }

                latencies[index] = (clock.ElapsedTicks - due) * 1000.0 / Stopwatch.Frequency;
            }));
        }

        return pending;
    }
}
