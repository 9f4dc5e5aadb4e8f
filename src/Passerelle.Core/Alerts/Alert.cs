namespace Passerelle.Core.Alerts;

/// <summary>A rights holder's warning about a suspect shipment, sent to the agencies or countries it picks.</summary>
public sealed class Alert
{
    /// <summary>How a shipment travels, as an alert names it.</summary>
    public static readonly IReadOnlyList<string> TransportModes = ["sea", "air", "road", "rail", "postal", "other"];

    /// <summary>How sure the rights holder is of its alert.</summary>
    public static readonly IReadOnlyList<string> Confidences = ["low", "medium", "high"];

    public Guid Id { get; init; }

    public Guid OwnerAgencyId { get; init; }

    public required string Title { get; set; }

    /// <summary>The product sheets the shipment fakes.</summary>
    public List<Guid> Products { get; set; } = [];

    public string? Route { get; set; }

    /// <summary>sea, air, road, rail, postal or other.</summary>
    public required string TransportMode { get; set; }

    /// <summary>ISO 6346 numbers, normalised.</summary>
    public List<string> Containers { get; set; } = [];

    public string? Consignor { get; set; }

    public string? Consignee { get; set; }

    public DateOnly? PeriodFrom { get; set; }

    public DateOnly? PeriodTo { get; set; }

    /// <summary>low, medium or high.</summary>
    public required string Confidence { get; set; }

    /// <summary>The audit sequence of the alert's last change, which every node's catalogue follows.</summary>
    public long ChangeSequence { get; set; }

    public List<string> TargetAgencies { get; set; } = [];

    public List<string> TargetCountries { get; set; } = [];

    public AlertStatus Status { get; set; }

    public DateOnly ExpiresOn { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }

    public bool IsFor(string agencyCode, string country) =>
        TargetAgencies.Contains(agencyCode) || TargetCountries.Contains(country);
}
