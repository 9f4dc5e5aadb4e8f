using Passerelle.Core.Pictures;

namespace Passerelle.Core.Authentications;

public sealed record MessageView(DateTime At, string By, string Agency, string Text);

/// <summary>
/// An authentication request as one side sees it, with its thread and photos. <c>Overdue</c> when unanswered past
/// its deadline; the officers' logins only for the detaining agency's own people.
/// </summary>
public sealed record AuthenticationView(
    Guid Id, Guid ProductId, string Brand, string Product, string RightsHolder, string RequestingAgency,
    string RequestingLogin, int Quantity, string Place, string? Route, string? ConsigneeDetails, DateTime CreatedAt,
    DateOnly DueOn, bool Overdue, string? Verdict, string? VerdictReasons, DateTime? RepliedAt, string? Outcome,
    int? OutcomeQuantity, decimal? EstimatedValue, string? Currency, string? OutcomeBy, DateTime? OutcomeAt,
    IReadOnlyList<MessageView> Thread, IReadOnlyList<PictureView> Photos);
