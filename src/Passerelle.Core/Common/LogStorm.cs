namespace Passerelle.Core.Common;

/// <summary>
/// Keeps the log readable while one failure repeats thousands of times a second, as it does for every request while
/// a database restarts: the first occurrence in each interval is logged in full, the rest are only counted, and the
/// count is logged once the interval is over (<see cref="TakeEnded"/>).
/// </summary>
public sealed class LogStorm(TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly Lock gate = new();
    private readonly Dictionary<string, Window> windows = new(StringComparer.Ordinal);
    private readonly List<Repeated> ended = [];

    /// <summary>Whether this occurrence of <paramref name="failure"/> is to be logged; if not, it is counted.</summary>
    public bool Admit(string failure)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (windows.TryGetValue(failure, out var window))
            {
                if (now - window.Start < Interval)
                {
                    window.Repeats++;
                    return false;
                }

                Close(failure, window, now);
            }

            windows[failure] = new Window(now);
            return true;
        }
    }

    /// <summary>The failures that repeated in an interval now over, with how often; each is reported once.</summary>
    public IReadOnlyList<Repeated> TakeEnded()
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            foreach (var (failure, window) in windows.Where(w => now - w.Value.Start >= Interval).ToList())
            {
                windows.Remove(failure);
                Close(failure, window, now);
            }

            var report = ended.ToList();
            ended.Clear();
            return report;
        }
    }

    private void Close(string failure, Window window, DateTimeOffset now)
    {
        if (window.Repeats > 0)
        {
            ended.Add(new Repeated(failure, window.Repeats, now - window.Start));
        }
    }

    private sealed class Window(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; } = start;

        public int Repeats { get; set; }
    }
}

/// <summary>A failure that was not logged each time: how many more times it happened, over how long.</summary>
public sealed record Repeated(string Failure, int Times, TimeSpan Over);
