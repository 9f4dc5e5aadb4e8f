namespace Passerelle.Core.Alerts;

/// <summary>An alert as a reader sees it; only its owner sees whom it was sent to.</summary>
public sealed record AlertView(
    Guid Id, string Owner, string Title, IReadOnlyList<Guid> Products, string? Route, string TransportMode,
    IReadOnlyList<string> Containers, string? Consignor, string? Consignee, DateOnly? PeriodFrom, DateOnly? PeriodTo,
    string Confidence, string Status, DateOnly ExpiresOn, IReadOnlyList<string>? TargetAgencies,
    IReadOnlyList<string>? TargetCountries)
{
    internal static AlertView Of(Alert a, string owner, bool owns) => new(
        a.Id, owner, a.Title, a.Products, a.Route, a.TransportMode, a.Containers, a.Consignor, a.Consignee,
        a.PeriodFrom, a.PeriodTo, a.Confidence, a.Status.ToString().ToLowerInvariant(), a.ExpiresOn,
        owns ? a.TargetAgencies : null, owns ? a.TargetCountries : null);
}
