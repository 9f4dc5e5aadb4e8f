namespace Passerelle.Core.Trust.Agencies;

public enum AgencyKind
{
    Customs,
    Police,
    BorderGuard,
    Ncb,
    International,
    RightsHolder,
}

public sealed class Agency
{
    public Guid Id { get; init; }

    /// <summary>Short, stable and unique, such as <c>FR-DGDDI</c>.</summary>
    public required string Code { get; init; }

    public required string Name { get; set; }

    public AgencyKind Kind { get; init; }

    /// <summary>ICAO Doc 9303 three-letter code.</summary>
    public required string Country { get; init; }

    public DateTime CreatedAt { get; init; }

    /// <summary>When an administrator verified a rights holder; a rights holder publishes nothing before.</summary>
    public DateTime? VerifiedAt { get; set; }

    /// <summary>
    /// Whether this agency's officers may send a consignee's details to a rights holder in an authentication request.
    /// </summary>
    public bool ShareConsigneeDetails { get; set; }
}

public static class AgencyKinds
{
    private static readonly Dictionary<string, AgencyKind> ByName = new(StringComparer.Ordinal)
    {
        ["customs"] = AgencyKind.Customs,
        ["police"] = AgencyKind.Police,
        ["border-guard"] = AgencyKind.BorderGuard,
        ["ncb"] = AgencyKind.Ncb,
        ["international"] = AgencyKind.International,
        ["rights-holder"] = AgencyKind.RightsHolder,
    };

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static bool TryParse(string? value, out AgencyKind kind) =>
        ByName.TryGetValue(value?.Trim().ToLowerInvariant() ?? "", out kind);

    public static string Name(this AgencyKind kind) => ByName.First(pair => pair.Value == kind).Key;
}
