using Passerelle.Core.Common;

namespace Passerelle.Hosting;

/// <summary>Logs, once each interval is over, how many more times each stormy failure happened in it.</summary>
internal sealed class LogStormReporter(LogStorm storm, ILogger<LogStormReporter> log) : BackgroundService
{
    public override async Task StopAsync(CancellationToken ct)
    {
        await base.StopAsync(ct);
        Report();
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(LogStorm.Interval / 2);
        while (await timer.WaitForNextTickAsync(ct))
        {
            Report();
        }
    }

    private void Report()
    {
        foreach (var repeated in storm.TakeEnded())
        {
            log.LogWarning("Repeated {Times} more times in {Seconds:0} s: {Failure}",
                repeated.Times, repeated.Over.TotalSeconds, repeated.Failure);
        }
    }
}
