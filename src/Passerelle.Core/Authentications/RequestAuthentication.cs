using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Pictures;
using Passerelle.Core.Products;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Authentications;

/// <summary>What an officer says of the goods held: how many, where, and what the rights holder should know.</summary>
public sealed record NewAuthentication(
    Guid ProductId, int Quantity, string? Place, string? Message = null, bool ShareConsignee = false,
    string? ConsigneeDetails = null, string? Route = null);

/// <summary>
/// An officer who detains suspect goods asks the rights holder to authenticate them, with photos, before a deadline
/// in working days. The rights holder hears of it in its inbox and by webhook.
/// </summary>
public sealed class RequestAuthentication(
    PasserelleDb db, PictureStore pictures, AuthenticationStep step, AuthenticationViews views, AuditedChange audited,
    AuditWriter audit, TimeProvider time, IOptions<ProductsSettings> settings)
{
    public const int MaxPhotos = 5;

    /// <param name="photos">
    /// Photos of the detained goods; each is checked by content before anything is written.
    /// </param>
    public async Task<Result<AuthenticationView>> HandleAsync(
        Actor actor, NewAuthentication request, IReadOnlyList<byte[]>? photos, CancellationToken ct)
    {
        if (!AccessRules.MayLookUpProducts(actor) || actor.AgencyId is not { } agencyId)
        {
            return await audit.DenyAsync(
                actor, "authentications", ct, "Officers of law-enforcement agencies ask for authentications.");
        }

        var product = await db.ProductSheets.AsNoTracking()
            .FirstOrDefaultAsync(p => p.Id == request.ProductId && p.PublishedAt != null, ct);
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == agencyId, ct);
        var invalid = new Validation()
            .Require(product is not null, "productId", AuthenticationErrors.Product,
                "No published product sheet has this id.")
            .Require(request.Quantity is > 0 and <= 100_000_000, "quantity", AuthenticationErrors.Quantity,
                "The quantity is 1 or more.")
            .Require(request.Place is { Length: > 0 and <= 200 }, "place", AuthenticationErrors.Place,
                "Say where the goods are held (at most 200 characters).")
            .Require(request.Route is not { Length: > 200 }, "route", AuthenticationErrors.Route,
                "The route is at most 200 characters.")
            .Require(!request.ShareConsignee || agency.ShareConsigneeDetails, "shareConsignee",
                AuthenticationErrors.ConsigneeNotAllowed,
                "Your agency's settings do not allow sending a consignee's details to rights holders.")
            .Require(request.Message is not { Length: > 2000 } && request.ConsigneeDetails is not { Length: > 1000 },
                "message", AuthenticationErrors.Text, "The message is at most 2000 characters.")
            .Require((photos?.Count ?? 0) <= MaxPhotos, "photos", AuthenticationErrors.Photos,
                $"At most {MaxPhotos} photos.")
            .ToError();
        if (invalid is not null)
        {
            return invalid;
        }

        var accepted = await pictures.AcceptAllAsync(photos ?? [], ct);
        if (!accepted.Succeeded)
        {
            var error = accepted.Error;
            return error with
            {
                Fields = new Dictionary<string, string[]>(StringComparer.Ordinal) { ["photos"] = [error.Message] },
            };
        }

        var now = time.UtcNow();
        var asked = new AuthenticationRequest
        {
            Id = Guid.CreateVersion7(),
            ProductId = product!.Id,
            RightsHolderAgencyId = product.OwnerAgencyId,
            RequestingAgencyId = agencyId,
            RequestingUserId = actor.UserId,
            RequestingLogin = actor.Login,
            Quantity = request.Quantity,
            Place = request.Place!.Trim(),
            Route = string.IsNullOrWhiteSpace(request.Route) ? null : request.Route.Trim(),
            ConsigneeDetails = request.ShareConsignee ? request.ConsigneeDetails : null,
            CreatedAt = now,
            DueOn = WorkingDays.Add(DateOnly.FromDateTime(now), settings.Value.AuthenticationWorkingDays),
        };
        db.AuthenticationRequests.Add(asked);
        if (!string.IsNullOrWhiteSpace(request.Message))
        {
            db.AuthenticationMessages.Add(new AuthenticationMessage
            {
                RequestId = asked.Id,
                At = now,
                By = actor.Login,
                Agency = agency.Code,
                Text = request.Message.Trim(),
            });
        }

        var deliveries = await step.TellAsync(
            asked.RightsHolderAgencyId, null, "authentication.requested", asked.Id,
            $"{agency.Code} detained {asked.Quantity} × {product.Brand} {product.Name} at {asked.Place}. " +
            $"Authenticate by {asked.DueOn:yyyy-MM-dd}.", ct);

        // The photos' files are written first; the request, its photos' rows and its audit entry then commit as one
        // change; the files stay only if that commit did; last, the rights holder's deliveries leave.
        var staged = await pictures.StageAsync(
            actor, agencyId, AuthenticationViews.Subject(asked.Id), accepted.Value, ct);
        var entry = AuditRecord.For(
            actor, AuditEvent.AuthenticationRequested, target: AuditTarget.Authentication(asked.Id),
            details: AuditDetails.With("product", product.Id).And("quantity", asked.Quantity)
                .And("photos", staged.Count).And("consigneeShared", request.ShareConsignee));
        await pictures.KeepIfCommittedAsync(staged, audited.CommitAsync(db, entry, ct));
        step.Committed(deliveries);
        return await views.OneAsync(actor, asked.Id, ct);
    }

    /// <summary>
    /// Whether the actor's agency lets its officers send a consignee's details; the request form offers it only then.
    /// </summary>
    public Task<bool> MayShareConsigneeAsync(Actor actor, CancellationToken ct) =>
        db.Agencies.AsNoTracking().AnyAsync(a => a.Id == actor.AgencyId && a.ShareConsigneeDetails, ct);
}
