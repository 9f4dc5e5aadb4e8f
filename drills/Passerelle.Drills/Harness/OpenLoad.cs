using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Passerelle.Drills.Harness;

/// <summary>One request of an open loop: when it was due, its latency from then, and whether it got a 200.</summary>
internal readonly record struct Timed(double DueAt, double LatencyMs, bool Ok);

/// <summary>
/// Screenings at a fixed rate whatever the server's pace (an open loop), each latency measured from the moment the
/// request was due, so a stalled server shows in the percentiles instead of slowing the load down and hiding itself.
/// The same schedule as the benchmarks' open loop, with every request kept for per-minute figures.
/// </summary>
internal static class OpenLoad
{
    private static readonly Uri Screen = new("/api/v1/documents/screen", UriKind.Relative);

    public static async Task<Timed[]> RunAsync(
        Uri server, string token, int rate, double seconds, Func<long, (string Number, string State)> pick,
        Action<double>? tick = null)
    {
        using var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 512,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        {
            BaseAddress = server,
            Timeout = TimeSpan.FromSeconds(30),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var total = (long)(rate * seconds);
        var results = new Timed[total];
        var inFlight = 0L;
        var clock = Stopwatch.StartNew();
        var ticksPerRequest = Stopwatch.Frequency / (double)rate;
        var nextTick = 1.0;

        // The schedule runs on a thread of its own, so sleeping between requests never holds up a response.
        await Task.Factory.StartNew(() =>
        {
            for (var i = 0L; i < total; i++)
            {
                var due = (long)(i * ticksPerRequest);
                while (clock.ElapsedTicks < due)
                {
                    // Sleep while more than a millisecond early, then yield: on time without burning a core.
                    if (due - clock.ElapsedTicks > Stopwatch.Frequency / 1000)
                    {
                        Thread.Sleep(1);
                    }
                    else
                    {
                        Thread.Yield();
                    }
                }

                if (tick is not null && clock.Elapsed.TotalSeconds >= nextTick)
                {
                    tick(nextTick);
                    nextTick += 1;
                }

                var index = i;
                Interlocked.Increment(ref inFlight);
                _ = Task.Run(async () =>
                {
                    var ok = false;
                    try
                    {
                        var (number, state) = pick(index);
                        var screening = new DrillClient.ScreenBody(number, state, "border-check", "soak");
                        using var body = JsonContent.Create(screening);
                        using var response = await client.PostAsync(Screen, body);
                        await response.Content.LoadIntoBufferAsync();
                        ok = response.IsSuccessStatusCode;
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        ok = false;
                    }

                    var latency = (clock.ElapsedTicks - due) * 1000.0 / Stopwatch.Frequency;
                    results[index] = new Timed(due / (double)Stopwatch.Frequency, latency, ok);
                    Interlocked.Decrement(ref inFlight);
                });
            }
        }, TaskCreationOptions.LongRunning);

        while (Interlocked.Read(ref inFlight) > 0)
        {
            await Task.Delay(50);
        }

        return results;
    }

    /// <summary>The value at quantile <paramref name="q"/> of sorted values (nearest rank).</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN
        : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
}
