using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;

namespace Passerelle.Drills.Harness;

/// <summary>
/// One screening request of a load: its unique location, the status (0 when no answer came: refused, reset, timed
/// out), the problem code, and when it was sent and answered, in seconds since the load began.
/// </summary>
internal sealed record Answer(long Index, string Location, int Status, string? Code, double SentAt, double AnsweredAt);

/// <summary>
/// A closed loop of screenings: each worker sends its next request when the last is answered. Every request carries a
/// location of its own (<c>TAG-N</c>), which the screening's audit entry keeps, so a drill can look up the entry of
/// each answer afterwards. It runs until stopped; a server that is gone answers nothing and is asked again shortly.
/// </summary>
internal sealed class ScreeningLoad : IAsyncDisposable
{
    private static readonly Uri Screen = new("/api/v1/documents/screen", UriKind.Relative);

    private readonly ConcurrentQueue<Answer> answers = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly DrillClient client;
    private readonly Task[] workers;
    private long next;

    private ScreeningLoad(
        Uri server, string token, int workerCount, string tag, Func<long, (string Number, string State)> pick)
    {
        Tag = tag;
        client = new DrillClient(server, token, workerCount);
        workers = [.. Enumerable.Range(0, workerCount).Select(_ => Task.Run(() => WorkAsync(pick)))];
    }

    public string Tag { get; }

    /// <summary>Seconds since the load began, on the clock of <see cref="Answer"/>.</summary>
    public double Now => clock.Elapsed.TotalSeconds;

    public IReadOnlyCollection<Answer> SoFar => answers;

    public static ScreeningLoad Start(
        Uri server, string token, int workers, Func<long, (string Number, string State)> pick) =>
        new(server, token, workers, $"drill-{Guid.NewGuid():N}"[..14], pick);

    /// <summary>Lets the requests in flight finish, starts no more, and returns every answer.</summary>
    public async Task<IReadOnlyList<Answer>> StopAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        return [.. answers.OrderBy(a => a.Index)];
    }

    /// <summary>Waits until an answer matches, or the bound passes; returns it or null.</summary>
    public async Task<Answer?> WaitForAsync(Func<Answer, bool> match, TimeSpan bound)
    {
        var until = clock.Elapsed + bound;
        while (clock.Elapsed < until)
        {
            var found = answers.Where(match).MinBy(a => a.AnsweredAt);
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(20);
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        client.Dispose();
        stop.Dispose();
    }

    private async Task WorkAsync(Func<long, (string Number, string State)> pick)
    {
        while (!stop.IsCancellationRequested)
        {
            var i = Interlocked.Increment(ref next);
            var location = $"{Tag}-{i}";
            var (number, state) = pick(i);
            var sent = Now;
            var status = 0;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, Screen)
                {
                    Content = JsonContent.Create(new DrillClient.ScreenBody(number, state, "border-check", location)),
                };
                var reply = await client.SendReportingEarlyAsync(request, s => status = s, CancellationToken.None);
                answers.Enqueue(new Answer(i, location, reply.Status, reply.Code, sent, Now));
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                // A status that came before the body broke off still counts: the server had answered.
                var why = status == 0 ? ex.GetType().Name : "(body cut off)";
                answers.Enqueue(new Answer(i, location, status, why, sent, Now));
                if (status == 0)
                {
                    // Nobody is listening: ask again shortly rather than spin.
                    await Task.Delay(20);
                }
            }
        }
    }
}

/// <summary>Counts of answers by status and code, as the drills print them.</summary>
internal static class Tally
{
    public static string Of(IEnumerable<Answer> answers)
    {
        var counts = answers.GroupBy(Label).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}: {g.Count()}").ToList();
        return counts.Count > 0 ? string.Join(", ", counts) : "none";
    }

    public static string Label(Answer a) => a.Status switch
    {
        0 => "no answer",
        200 => "200",
        _ => $"{a.Status} {a.Code}",
    };
}
