namespace Passerelle.Core.Hits;

/// <summary>
/// Where a case stands. A decided case is confirmed, recovered or a mismatch; "clear" is only ever the screening's
/// "no match", never a decision. Stored by name; rows written before the rename read <c>Cleared</c> until the
/// <c>OneOpenCasePerAgency</c> migration turns them into <c>Recovered</c>.
/// </summary>
public enum HitStatus
{
    Open,
    Confirmed,
    Recovered,
    Mismatch,
}

/// <summary>The API's and the timeline's words for <see cref="HitStatus"/>.</summary>
public static class HitStatuses
{
    public static string Name(this HitStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>Reads a status as a caller writes it; <c>cleared</c>, the former name, reads as recovered.</summary>
    public static bool TryParse(string? text, out HitStatus status)
    {
        if (string.Equals(text, "cleared", StringComparison.OrdinalIgnoreCase))
        {
            status = HitStatus.Recovered;
            return true;
        }

        return Common.EnumNames.TryParse(text, out status);
    }
}
