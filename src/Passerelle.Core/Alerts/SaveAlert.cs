using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Products;
using Passerelle.Core.Standards;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Agencies;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Alerts;

public sealed record AlertRequest(
    string? Title, IReadOnlyList<Guid>? Products = null, string? Route = null, string? TransportMode = "sea",
    IReadOnlyList<string>? Containers = null, string? Consignor = null, string? Consignee = null,
    DateOnly? PeriodFrom = null, DateOnly? PeriodTo = null, string? Confidence = "medium",
    IReadOnlyList<string>? TargetAgencies = null, IReadOnlyList<string>? TargetCountries = null,
    DateOnly? ExpiresOn = null);

/// <summary>
/// A verified rights holder raises an alert about a suspect shipment for the agencies or countries it picks, or
/// changes one of its own. Officers' catalogues follow it through its change sequence.
/// </summary>
public sealed class SaveAlert(
    PasserelleDb db, AuditedChange audited, AuditWriter audit, ProductCatalogue catalogue, TimeProvider time)
{
    public async Task<Result<AlertView>> HandleAsync(Actor actor, Guid? id, AlertRequest request, CancellationToken ct)
    {
        Alert? alert = null;
        if (id is { } existing && (alert = await db.Alerts.FirstOrDefaultAsync(a => a.Id == existing, ct)) is null)
        {
            return AlertErrors.NotFound.With($"No alert has id {existing}.");
        }

        if (actor.AgencyId is not { } owner || !AccessRules.MayManageProducts(actor, alert?.OwnerAgencyId ?? owner))
        {
            return await audit.DenyAsync(
                actor, id is { } denied ? AuditTarget.Alert(denied) : "alerts", ct,
                "A rights holder manages its own alerts only.");
        }

        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == owner, ct);
        if (agency.Kind != AgencyKind.RightsHolder || agency.VerifiedAt is null)
        {
            return await audit.DenyAsync(
                actor, "alerts", ct, "A rights holder raises alerts once an administrator has verified it.");
        }

        var today = DateOnly.FromDateTime(time.UtcNow());
        var containers = (request.Containers ?? []).Select(ContainerNumber.Check).ToList();
        var products = (request.Products ?? []).Distinct().ToList();
        var mine = await db.ProductSheets.CountAsync(p => products.Contains(p.Id) && p.OwnerAgencyId == owner, ct);
        var invalid = new Validation()
            .Require(request.Title is { Length: > 0 and <= 200 }, "title", AlertErrors.Title,
                "The title is required, at most 200 characters.")
            .Require(Alert.TransportModes.Contains(request.TransportMode), "transportMode", AlertErrors.Mode,
                $"The transport mode is one of {string.Join(", ", Alert.TransportModes)}.")
            .Require(Alert.Confidences.Contains(request.Confidence), "confidence", AlertErrors.Confidence,
                "The confidence is low, medium or high.")
            .Require(containers.All(c => c.Valid), "containers", AlertErrors.Container,
                containers.FirstOrDefault(c => !c.Valid)?.Reason ?? "")
            .Require(mine == products.Count, "products", AlertErrors.Products,
                "An alert names the rights holder's own product sheets.")
            .Require((request.TargetAgencies ?? []).Count + (request.TargetCountries ?? []).Count > 0,
                "targetCountries", AlertErrors.Targets, "Pick the agencies or the countries the alert goes to.")
            .Require((request.TargetCountries ?? []).All(CountryCodes.IsKnown), "targetCountries", AlertErrors.Country,
                "Countries are ICAO Doc 9303 codes.")
            .Require(request.ExpiresOn is null || request.ExpiresOn >= today, "expiresOn", AlertErrors.Expiry,
                "An alert expires today or later.")
            .Require(request.PeriodFrom is null || request.PeriodTo is null || request.PeriodFrom <= request.PeriodTo,
                "periodTo", AlertErrors.Period, "The period ends after it starts.")
            .ToError();
        if (invalid is not null)
        {
            return invalid;
        }

        var now = time.UtcNow();
        if (alert is null)
        {
            alert = new Alert
            {
                Id = Guid.CreateVersion7(),
                OwnerAgencyId = owner,
                Title = "",
                TransportMode = "",
                Confidence = "",
                CreatedAt = now,
                Status = AlertStatus.Active,
            };
            db.Alerts.Add(alert);
        }

        alert.Title = request.Title!.Trim();
        alert.Products = products;
        alert.Route = request.Route;
        alert.TransportMode = request.TransportMode!;
        alert.Containers = [.. containers.Select(c => c.Normalized!)];
        alert.Consignor = request.Consignor;
        alert.Consignee = request.Consignee;
        alert.PeriodFrom = request.PeriodFrom;
        alert.PeriodTo = request.PeriodTo;
        alert.Confidence = request.Confidence!;
        alert.TargetAgencies = [.. (request.TargetAgencies ?? []).Select(a => a.Trim().ToUpperInvariant())];
        alert.TargetCountries = [.. (request.TargetCountries ?? []).Select(CountryCodes.Normalize)];
        alert.ExpiresOn = request.ExpiresOn ?? today.AddDays(90);
        alert.UpdatedAt = now;
        await audited.CommitAsync(db, AuditRecord.For(actor, AuditEvent.AlertSaved, target: AuditTarget.Alert(alert.Id),
            details: AuditDetails.With("to", alert.TargetAgencies.Concat(alert.TargetCountries))
                .And("containers", alert.Containers)),
            ct, stamp: sequence => alert.ChangeSequence = sequence);
        catalogue.Changed();
        return AlertView.Of(alert, agency.Code, owns: true);
    }
}
