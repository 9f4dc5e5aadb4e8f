namespace Passerelle.IntegrationTests.Support;

/// <summary>The real clock, moved on by however much a test asks.</summary>
public sealed class AdjustableTime : TimeProvider
{
    private TimeSpan offset;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;

    public void Advance(TimeSpan by) => offset += by;
}
