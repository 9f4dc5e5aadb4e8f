using System.Text.Json.Serialization;

namespace Passerelle.Core.TravelDocuments;

/// <summary>
/// The register's answer to one screened document: on the wire, in the audit trail and in a manifest's results, the
/// member's name in lower case.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ScreeningOutcome>))]
public enum ScreeningOutcome
{
    // In the order an officer reads a manifest's results, which the screening page sorts by.

    /// <summary>The number and the issuing state match a live record exactly.</summary>
    [JsonStringEnumMemberName("hit")]
    Hit,

    /// <summary>A record matches once OCR-confusable characters are folded, or no issuing state was given.</summary>
    [JsonStringEnumMemberName("possible")]
    Possible,

    /// <summary>An item of a batch that could not be screened; its error says why.</summary>
    [JsonStringEnumMemberName("invalid")]
    Invalid,

    /// <summary>No match in the register.</summary>
    [JsonStringEnumMemberName("clear")]
    Clear,
}

/// <summary>
/// The wire names of <see cref="ScreeningOutcome"/> and <see cref="MatchKind"/>; how matches make one.
/// </summary>
public static class ScreeningOutcomes
{
    public static string Name(this ScreeningOutcome outcome) => outcome switch
    {
        ScreeningOutcome.Hit => "hit",
        ScreeningOutcome.Possible => "possible",
        ScreeningOutcome.Invalid => "invalid",
        ScreeningOutcome.Clear => "clear",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static string Name(this MatchKind kind) => kind.Outcome().Name();

    public static ScreeningOutcome Outcome(this MatchKind kind) => kind switch
    {
        MatchKind.Hit => ScreeningOutcome.Hit,
        MatchKind.Possible => ScreeningOutcome.Possible,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>What one screened document came to: its strongest match, or clear when nothing matched.</summary>
    public static ScreeningOutcome Outcome(this IEnumerable<MatchKind> matches)
    {
        var outcome = ScreeningOutcome.Clear;
        foreach (var kind in matches)
        {
            if (kind == MatchKind.Hit)
            {
                return ScreeningOutcome.Hit;
            }

            outcome = ScreeningOutcome.Possible;
        }

        return outcome;
    }
}
