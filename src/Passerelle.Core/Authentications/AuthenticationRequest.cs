using Passerelle.Core.Trust.Access;

namespace Passerelle.Core.Authentications;

/// <summary>
/// Detained goods that an officer asks the rights holder to authenticate before a deadline (10 working days under the
/// EU customs rules), then the outcome the officer records.
/// </summary>
public sealed class AuthenticationRequest
{
    public Guid Id { get; init; }

    public Guid ProductId { get; init; }

    public Guid RightsHolderAgencyId { get; init; }

    public Guid RequestingAgencyId { get; init; }

    public Guid? RequestingUserId { get; init; }

    public required string RequestingLogin { get; init; }

    public int Quantity { get; init; }

    public required string Place { get; init; }

    /// <summary>
    /// Where the goods came from and how, as the officer knows it, such as "Ningbo – Le Havre, sea".
    /// </summary>
    public string? Route { get; init; }

    /// <summary>Only when the officer chose to share it and the requesting agency's settings allow it.</summary>
    public string? ConsigneeDetails { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateOnly DueOn { get; init; }

    public Verdict? Verdict { get; set; }

    public string? VerdictReasons { get; set; }

    public DateTime? RepliedAt { get; set; }

    public string? RepliedBy { get; set; }

    public AuthenticationOutcome? Outcome { get; set; }

    public int? OutcomeQuantity { get; set; }

    public decimal? EstimatedValue { get; set; }

    /// <summary>The ISO 4217 code of <see cref="EstimatedValue"/>'s currency; set whenever the value is.</summary>
    public string? Currency { get; set; }

    /// <summary>When the outcome was first recorded; a correction keeps it, so its window never grows.</summary>
    public DateTime? OutcomeAt { get; set; }

    /// <summary>The person who recorded the outcome, the only one who may correct it.</summary>
    public Guid? OutcomeUserId { get; set; }

    public string? OutcomeBy { get; set; }

    /// <summary>What <see cref="AccessRules.AuthenticationOutcomeAccess"/> reads of this request.</summary>
    internal AuthenticationOutcomeFacts OutcomeFacts() =>
        new(RequestingAgencyId, RequestingUserId, Verdict is not null, DueOn, OutcomeAt, OutcomeUserId);
}
