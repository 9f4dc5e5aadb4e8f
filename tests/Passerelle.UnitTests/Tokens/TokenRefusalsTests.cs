using Passerelle.Core.Trust.Audit;
using Passerelle.Core.Trust.Tokens;

namespace Passerelle.UnitTests.Tokens;

public sealed class TokenRefusalsTests
{
    private sealed class StoppedClock(DateTime at) : TimeProvider
    {
        public DateTime At { get; set; } = at;

        public override DateTimeOffset GetUtcNow() => new(At);
    }

    private static readonly DateTime Start = new(2026, 11, 27, 8, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void Junk_in_one_minute_is_one_entry_then_one_count()
    {
        var clock = new StoppedClock(Start);
        var refusals = new TokenRefusals(clock);

        var during = Enumerable.Range(0, 200).SelectMany(i => refusals.Count("192.0.2.7", "psl_AAAA", i % 2 == 0 ? "token.malformed" : "token.unknown")).ToList();
        clock.At = Start.AddMinutes(1);
        var closed = refusals.Close();

        Assert.Equal([AuditEvent.TokenRejected], during.Select(r => r.Event));
        var count = Assert.Single(closed);
        Assert.Equal(AuditEvent.TokenRejectionsCounted, count.Event);
        Assert.Contains("\"rejected\":200,\"malformed\":100,\"unknown\":100", count.Details!.ToJson(), StringComparison.Ordinal);
        Assert.Empty(refusals.Close(all: true));
    }

    [Fact]
    public void The_next_refusal_after_the_minute_closes_it_and_a_lone_refusal_needs_no_count()
    {
        var clock = new StoppedClock(Start);
        var refusals = new TokenRefusals(clock);
        refusals.Count("192.0.2.7", "x", "token.malformed");
        refusals.Count("192.0.2.7", "x", "token.malformed");
        refusals.Count("198.51.100.1", "x", "token.malformed");
        clock.At = Start.AddSeconds(61);

        var next = refusals.Count("192.0.2.7", "x", "token.malformed");
        var shutdown = refusals.Close(all: true);

        Assert.Equal([AuditEvent.TokenRejectionsCounted, AuditEvent.TokenRejected], next.Select(r => r.Event));
        Assert.Empty(shutdown);
    }

    [Fact]
    public void Past_the_address_limit_refusals_share_one_overflow_count()
    {
        var refusals = new TokenRefusals(new StoppedClock(Start));
        for (var i = 0; i < TokenRefusals.MaxAddresses + 50; i++)
        {
            refusals.Count($"10.{i / 65536}.{i / 256 % 256}.{i % 256}", "x", "token.unknown");
            refusals.Count($"10.{i / 65536}.{i / 256 % 256}.{i % 256}", "x", "token.unknown");
        }

        var counts = refusals.Close(all: true);

        Assert.Equal(TokenRefusals.MaxAddresses + 1, counts.Count);
        Assert.Equal(TokenRefusals.Overflow, counts[^1].Source);
        Assert.Contains("\"rejected\":100", counts[^1].Details!.ToJson(), StringComparison.Ordinal);
    }
}
