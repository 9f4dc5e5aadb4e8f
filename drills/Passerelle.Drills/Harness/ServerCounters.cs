using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;

namespace Passerelle.Drills.Harness;

/// <summary>
/// The server's own counters, read over EventPipe as <c>dotnet-counters</c> reads them: the runtime's (managed heap,
/// memory the GC holds, collections) and EF Core's (database contexts alive, pooled ones included). Beside the
/// resident set they tell what grows.
/// </summary>
internal sealed class ServerCounters : IDisposable
{
    private readonly EventPipeSession session;
    private readonly EventPipeEventSource source;
    private readonly Task reading;
    private readonly ConcurrentDictionary<string, double> latest = new(StringComparer.Ordinal);

    private static readonly string[] Sources = ["System.Runtime", "Microsoft.EntityFrameworkCore"];

    private ServerCounters(EventPipeSession session)
    {
        this.session = session;
        source = new EventPipeEventSource(session.EventStream);
        source.Dynamic.All += Read;
        reading = Task.Run(() => source.Process());
    }

    /// <summary>Reads every <paramref name="seconds"/>; null when the process does not let it.</summary>
    public static ServerCounters? TryStart(int processId, int seconds)
    {
        try
        {
            var interval = new Dictionary<string, string> { ["EventCounterIntervalSec"] = $"{seconds}" };
            var providers = Sources.Select(name => new EventPipeProvider(name, EventLevel.Informational, 0, interval));
            var session = new DiagnosticsClient(processId).StartEventPipeSession(providers, requestRundown: false);
            return new ServerCounters(session);
        }
        catch (Exception ex) when (ex is DiagnosticsClientException or IOException or TimeoutException)
        {
            return null;
        }
    }

    /// <summary>A counter's last level (<c>gc-heap-size</c>, in MB) or its total (<c>gen-2-gc-count</c>).</summary>
    public double? this[string name] => latest.TryGetValue(name, out var value) ? value : null;

    public void Dispose()
    {
        try
        {
            session.Stop();
        }
        catch (Exception ex) when (ex is ServerNotAvailableException or IOException or TimeoutException)
        {
            // The server has gone already.
        }

        reading.Wait(TimeSpan.FromSeconds(5));
        source.Dispose();
        session.Dispose();
    }

    private static double Number(object value) =>
        Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);

    private void Read(TraceEvent e)
    {
        if (e.EventName != "EventCounters" || e.PayloadValue(0) is not IDictionary<string, object> outer
            || outer.TryGetValue("Payload", out var inner) is false || inner is not IDictionary<string, object> payload)
        {
            return;
        }

        if (payload.TryGetValue("Name", out var n) && n is string name)
        {
            // A mean is a level (the heap's size); an increment counts events since the last report, summed here.
            if (payload.TryGetValue("Mean", out var mean))
            {
                latest[name] = Number(mean);
            }
            else if (payload.TryGetValue("Increment", out var increment))
            {
                latest.AddOrUpdate(name, Number(increment), (_, total) => total + Number(increment));
            }
        }
    }
}
