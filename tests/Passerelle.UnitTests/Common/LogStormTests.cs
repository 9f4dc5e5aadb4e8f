using Passerelle.Core.Common;

namespace Passerelle.UnitTests.Common;

public sealed class LogStormTests
{
    private static readonly DateTime Start = new(2026, 11, 30, 3, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_failure_repeated_in_an_interval_is_logged_once_then_reported_as_a_count()
    {
        var clock = new StoppedClock(Start);
        var storm = new LogStorm(clock);

        var admitted = Enumerable.Range(0, 22_130).Count(_ => storm.Admit("database unavailable: broken pipe"));
        Assert.Empty(storm.TakeEnded());
        clock.At = Start + LogStorm.Interval;
        var ended = storm.TakeEnded();

        Assert.Equal(1, admitted);
        var repeated = Assert.Single(ended);
        Assert.Equal(22_129, repeated.Times);
        Assert.Equal(LogStorm.Interval, repeated.Over);
        Assert.Empty(storm.TakeEnded());
    }

    [Fact]
    public void Different_failures_are_each_logged_and_a_new_interval_logs_again()
    {
        var clock = new StoppedClock(Start);
        var storm = new LogStorm(clock);

        Assert.True(storm.Admit("a"));
        Assert.True(storm.Admit("b"));
        Assert.False(storm.Admit("a"));
        clock.At = Start + LogStorm.Interval + TimeSpan.FromSeconds(1);
        Assert.True(storm.Admit("a"));

        // The count of the interval that ended is not lost when the next one starts before the report.
        var ended = storm.TakeEnded();
        Assert.Equal([new Repeated("a", 1, LogStorm.Interval + TimeSpan.FromSeconds(1))], ended);
    }

    [Fact]
    public void A_failure_that_happened_once_leaves_nothing_to_report()
    {
        var clock = new StoppedClock(Start);
        var storm = new LogStorm(clock);

        storm.Admit("once");
        clock.At = Start.AddMinutes(5);

        Assert.Empty(storm.TakeEnded());
    }

    private sealed class StoppedClock(DateTime at) : TimeProvider
    {
        public DateTime At { get; set; } = at;

        public override DateTimeOffset GetUtcNow() => new(At);
    }
}
