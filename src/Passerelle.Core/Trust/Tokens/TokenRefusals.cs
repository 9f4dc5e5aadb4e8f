using Passerelle.Core.Common;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Trust.Tokens;

/// <summary>
/// Counts refusals of bearer tokens that name no real token (malformed or unknown) per source address and minute.
/// One entry per junk token would let anyone flood the trail at the rate limit; instead the first refusal in a minute
/// is audited as it happens and the minute's count when the minute is over: at the next refusal from that address,
/// on the periodic <see cref="Close"/>, or at shutdown. Nothing is dropped: past <see cref="MaxAddresses"/>
/// addresses a minute, further addresses share one overflow count, so memory stays bounded.
/// </summary>
public sealed class TokenRefusals(TimeProvider time)
{
    public const int MaxAddresses = 10_000;

    /// <summary>Where addresses beyond <see cref="MaxAddresses"/> are counted together.</summary>
    public const string Overflow = "(other addresses)";

    private readonly Lock gate = new();
    private readonly Dictionary<string, Tally> tallies = new(StringComparer.Ordinal);

    /// <summary>
    /// Counts one refusal and returns what to append now: the first refusal of the minute, and the count of the
    /// address's previous minute if that is still open. Usually nothing.
    /// </summary>
    public IReadOnlyList<AuditRecord> Count(string? source, string prefix, string code)
    {
        var minute = Minute(time.UtcNow());
        var address = source ?? "(unknown)";
        var records = new List<AuditRecord>(2);
        lock (gate)
        {
            if (!tallies.ContainsKey(address) && tallies.Count >= MaxAddresses)
            {
                CloseOver(minute, records);
                address = tallies.Count >= MaxAddresses ? Overflow : address;
            }

            if (tallies.TryGetValue(address, out var tally) && tally.Minute != minute)
            {
                AddCount(records, address, tally);
                tallies.Remove(address);
                tally = null;
            }

            if (tally is null)
            {
                tally = new Tally(minute);
                tallies[address] = tally;
                records.Add(new AuditRecord(AuditEvent.TokenRejected, Outcomes.Denied, null, null, null, null,
                    Target: AuditTarget.TokenPrefix(prefix),
                    Details: AuditDetails.With("reason", code).And("firstThisMinute", true),
                    Source: address == Overflow ? source : address));
            }

            tally.Add(code);
        }

        return records;
    }

    /// <summary>The counts of minutes that are over, or of every minute at shutdown; those tallies then end.</summary>
    public IReadOnlyList<AuditRecord> Close(bool all = false)
    {
        var records = new List<AuditRecord>();
        lock (gate)
        {
            CloseOver(all ? DateTime.MaxValue : Minute(time.UtcNow()), records);
        }

        return records;
    }

    private void CloseOver(DateTime minute, List<AuditRecord> records)
    {
        foreach (var (address, tally) in tallies.Where(t => t.Value.Minute < minute).ToList())
        {
            AddCount(records, address, tally);
            tallies.Remove(address);
        }
    }

    // A lone refusal is told in full by its first entry; otherwise a count entry says how many there were in all.
    private static void AddCount(List<AuditRecord> records, string address, Tally tally)
    {
        if (tally.Total > 1)
        {
            records.Add(new AuditRecord(
                AuditEvent.TokenRejectionsCounted, Outcomes.Denied, null, null, null, null, Target: "tokens",
                Details: AuditDetails.Empty.And("minute", tally.Minute).And("rejected", tally.Total)
                    .And("malformed", tally.Malformed).And("unknown", tally.Total - tally.Malformed),
                Source: address));
        }
    }

    private static DateTime Minute(DateTime at) =>
        new(at.Ticks - (at.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);

    private sealed class Tally(DateTime minute)
    {
        public DateTime Minute { get; } = minute;

        public long Total { get; private set; }

        public long Malformed { get; private set; }

        public void Add(string code)
        {
            Total++;
            Malformed += code == TokenErrors.Malformed.Code ? 1 : 0;
        }
    }
}
