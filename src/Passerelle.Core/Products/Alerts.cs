using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Access;
using Passerelle.Core.Agencies;
using Passerelle.Core.Audit;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Standards;

namespace Passerelle.Core.Products;

public sealed record AlertRequest(
    string? Title, IReadOnlyList<Guid>? Products = null, string? Route = null, string? TransportMode = "sea", IReadOnlyList<string>? Containers = null,
    string? Consignor = null, string? Consignee = null, DateOnly? PeriodFrom = null, DateOnly? PeriodTo = null, string? Confidence = "medium",
    IReadOnlyList<string>? TargetAgencies = null, IReadOnlyList<string>? TargetCountries = null, DateOnly? ExpiresOn = null);

public sealed record AlertView(
    Guid Id, string Owner, string Title, IReadOnlyList<Guid> Products, string? Route, string TransportMode, IReadOnlyList<string> Containers,
    string? Consignor, string? Consignee, DateOnly? PeriodFrom, DateOnly? PeriodTo, string Confidence, string Status, DateOnly ExpiresOn,
    IReadOnlyList<string>? TargetAgencies, IReadOnlyList<string>? TargetCountries)
{
    internal static AlertView Of(Alert a, string owner, bool owns) => new(
        a.Id, owner, a.Title, a.Products, a.Route, a.TransportMode, a.Containers, a.Consignor, a.Consignee, a.PeriodFrom, a.PeriodTo,
        a.Confidence, a.Status.ToString().ToLowerInvariant(), a.ExpiresOn, owns ? a.TargetAgencies : null, owns ? a.TargetCountries : null);
}

/// <summary>
/// Rights holders raise alerts about suspect shipments for the agencies or countries they pick; officers see the
/// active alerts meant for them, on a product lookup and whenever a container number matches.
/// </summary>
public sealed class Alerts(
    PasserelleDb db, AgencyDirectory agencies, AuditedChange audited, AuditWriter audit, ProductCatalogue catalogue,
    FollowCatalogue follow, TimeProvider time)
{
    /// <summary>How a shipment travels, as an alert names it.</summary>
    public static readonly IReadOnlyList<string> TransportModes = ["sea", "air", "road", "rail", "postal", "other"];

    /// <summary>How sure the rights holder is of its alert.</summary>
    public static readonly IReadOnlyList<string> Confidences = ["low", "medium", "high"];

    public async Task<Result<AlertView>> SaveAsync(Actor actor, Guid? id, AlertRequest request, CancellationToken ct)
    {
        Alert? alert = null;
        if (id is { } existing && (alert = await db.Alerts.FirstOrDefaultAsync(a => a.Id == existing, ct)) is null)
        {
            return Error.NotFound("alert.not-found", $"No alert has id {existing}.");
        }

        if (actor.AgencyId is not { } owner || !AccessRules.MayManageProducts(actor, alert?.OwnerAgencyId ?? owner))
        {
            return await audit.DenyAsync(actor, id is null ? "alerts" : $"alert:{id}", ct, "A rights holder manages its own alerts only.");
        }

        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == owner, ct);
        if (agency.Kind != AgencyKind.RightsHolder || agency.VerifiedAt is null)
        {
            return await audit.DenyAsync(actor, "alerts", ct, "A rights holder raises alerts once an administrator has verified it.");
        }

        var today = DateOnly.FromDateTime(time.UtcNow());
        var containers = (request.Containers ?? []).Select(ContainerNumber.Check).ToList();
        var products = (request.Products ?? []).Distinct().ToList();
        var mine = await db.ProductSheets.CountAsync(p => products.Contains(p.Id) && p.OwnerAgencyId == owner, ct);
        var invalid = new Validation()
            .Require(request.Title is { Length: > 0 and <= 200 }, "title", "alert.title", "The title is required, at most 200 characters.")
            .Require(TransportModes.Contains(request.TransportMode), "transportMode", "alert.mode",
                $"The transport mode is one of {string.Join(", ", TransportModes)}.")
            .Require(Confidences.Contains(request.Confidence), "confidence", "alert.confidence", "The confidence is low, medium or high.")
            .Require(containers.All(c => c.Valid), "containers", "alert.container", containers.FirstOrDefault(c => !c.Valid)?.Reason ?? "")
            .Require(mine == products.Count, "products", "alert.products", "An alert names the rights holder's own product sheets.")
            .Require((request.TargetAgencies ?? []).Count + (request.TargetCountries ?? []).Count > 0, "targetCountries", "alert.targets", "Pick the agencies or the countries the alert goes to.")
            .Require((request.TargetCountries ?? []).All(CountryCodes.IsKnown), "targetCountries", "alert.country", "Countries are ICAO Doc 9303 codes.")
            .Require(request.ExpiresOn is null || request.ExpiresOn >= today, "expiresOn", "alert.expiry", "An alert expires today or later.")
            .Require(request.PeriodFrom is null || request.PeriodTo is null || request.PeriodFrom <= request.PeriodTo, "periodTo", "alert.period", "The period ends after it starts.")
            .ToError();
        if (invalid is not null)
        {
            return invalid;
        }

        var now = time.UtcNow();
        if (alert is null)
        {
            alert = new Alert { Id = Guid.CreateVersion7(), OwnerAgencyId = owner, Title = "", TransportMode = "", Confidence = "", CreatedAt = now, Status = AlertStatus.Active };
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
        await audited.CommitAsync(db, AuditRecord.For(actor, AuditEvent.AlertSaved, target: $"alert:{alert.Id}",
            details: AuditDetails.With("to", alert.TargetAgencies.Concat(alert.TargetCountries))
                .And("containers", alert.Containers)),
            ct, stamp: sequence => alert.ChangeSequence = sequence);
        catalogue.Changed();
        return AlertView.Of(alert, agency.Code, owns: true);
    }

    public async Task<Result<AlertView>> CloseAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var alert = await db.Alerts.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (alert is null)
        {
            return Error.NotFound("alert.not-found", $"No alert has id {id}.");
        }

        if (!AccessRules.MayManageProducts(actor, alert.OwnerAgencyId))
        {
            return await audit.DenyAsync(actor, $"alert:{id}", ct, "A rights holder closes its own alerts only.");
        }

        alert.Status = AlertStatus.Closed;
        alert.UpdatedAt = time.UtcNow();
        await audited.CommitAsync(db, AuditRecord.For(actor, AuditEvent.AlertSaved, target: $"alert:{id}",
            details: AuditDetails.With("closed", true)), ct, stamp: sequence => alert.ChangeSequence = sequence);
        catalogue.Changed();
        return AlertView.Of(alert, actor.AgencyCode!, owns: true);
    }

    /// <summary>A rights holder's own alerts; an officer's active alerts meant for its agency or country, optionally for one container.</summary>
    public async Task<Result<IReadOnlyList<AlertView>>> ListAsync(Actor actor, string? container, CancellationToken ct)
    {
        if (actor.AgencyId is { } owner && AccessRules.MayManageProducts(actor, owner))
        {
            var mine = await db.Alerts.AsNoTracking().Where(a => a.OwnerAgencyId == owner).OrderByDescending(a => a.CreatedAt).ToListAsync(ct);
            return mine.Select(a => AlertView.Of(a, actor.AgencyCode!, owns: true)).ToList();
        }

        if (!AccessRules.MayLookUpProducts(actor))
        {
            return await audit.DenyAsync(actor, "alerts", ct);
        }

        string? number = null;
        if (!string.IsNullOrWhiteSpace(container))
        {
            var checkedContainer = ContainerNumber.Check(container);
            if (!checkedContainer.Valid)
            {
                return Error.Invalid("alert.container", checkedContainer.Reason!, "container");
            }

            number = checkedContainer.Normalized;
        }

        var views = await ForAsync(actor, a => number == null || a.Containers.Contains(number), ct);
        await audit.AppendAsync(AuditRecord.For(actor, AuditEvent.ProductsLookedUp, target: number is null ? "alerts" : $"container:{number}", purpose: "alert-check",
            details: AuditDetails.With("alerts", views.Count)), ct);
        return views;
    }

    /// <summary>The active alerts meant for the actor's agency or country that <paramref name="match"/> selects.</summary>
    internal async Task<List<AlertView>> ForAsync(Actor actor, Func<Alert, bool> match, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.UtcNow());
        await follow.EnsureCurrentAsync(ct);
        var agency = await agencies.GetAsync(db, actor.AgencyId!.Value, ct);
        var views = new List<AlertView>();
        foreach (var alert in catalogue.OpenAlerts(today).Where(a => a.IsFor(agency.Code, agency.Country) && match(a)).OrderByDescending(a => a.CreatedAt))
        {
            views.Add(AlertView.Of(alert, (await agencies.GetAsync(db, alert.OwnerAgencyId, ct)).Code, owns: false));
        }

        return views;
    }
}
