using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Access;
using Passerelle.Core.Audit;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Notifications;
using Passerelle.Core.Pictures;

namespace Passerelle.Core.Products;

/// <summary><c>Products:*</c>.</summary>
public sealed class ProductsSettings
{
    [Range(1, 60)]
    public int AuthenticationWorkingDays { get; set; } = 10;

    /// <summary>How often a node looks for sheets and alerts changed on other nodes.</summary>
    [Range(50, 60_000)]
    public int FollowMilliseconds { get; set; } = 500;
}

public sealed record RequestAuthentication(Guid ProductId, int Quantity, string? Place, string? Message = null, bool ShareConsignee = false, string? ConsigneeDetails = null, string? Route = null);

public sealed record MessageView(DateTime At, string By, string Agency, string Text);

public sealed record AuthenticationView(
    Guid Id, Guid ProductId, string Brand, string Product, string RightsHolder, string RequestingAgency, string RequestingLogin, int Quantity,
    string Place, string? Route, string? ConsigneeDetails, DateTime CreatedAt, DateOnly DueOn, bool Overdue, string? Verdict, string? VerdictReasons,
    DateTime? RepliedAt, string? Outcome, int? OutcomeQuantity, decimal? EstimatedValue, string? Currency,
    string? OutcomeBy, DateTime? OutcomeAt, IReadOnlyList<MessageView> Thread, IReadOnlyList<PictureView> Photos);

/// <summary>
/// The detention workflow: an officer who detains suspect goods asks the rights holder to authenticate them; the rights
/// holder answers genuine, counterfeit or cannot tell before the deadline; both sides talk in one thread; the officer
/// records released, seized or destroyed. Each step tells the other side in its inbox and is audited.
/// </summary>
public sealed class Detentions(
    PasserelleDb db, PictureStore pictures, AuditedChange audited, AuditWriter audit, Outbox outbox, TimeProvider time,
    Microsoft.Extensions.Options.IOptions<ProductsSettings> settings)
{
    public const int MaxPhotos = 5;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="photos">Photos of the detained goods; each is checked by content before anything is written.</param>
    public async Task<Result<AuthenticationView>> RequestAsync(Actor actor, RequestAuthentication request, IReadOnlyList<byte[]>? photos, CancellationToken ct)
    {
        if (!AccessRules.MayLookUpProducts(actor) || actor.AgencyId is not { } agencyId)
        {
            return await audit.DenyAsync(actor, "authentications", ct, "Officers of law-enforcement agencies ask for authentications.");
        }

        var product = await db.ProductSheets.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.ProductId && p.PublishedAt != null, ct);
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == agencyId, ct);
        var invalid = new Validation()
            .Require(product is not null, "productId", "authentication.product", "No published product sheet has this id.")
            .Require(request.Quantity is > 0 and <= 100_000_000, "quantity", "authentication.quantity", "The quantity is 1 or more.")
            .Require(request.Place is { Length: > 0 and <= 200 }, "place", "authentication.place", "Say where the goods are held (at most 200 characters).")
            .Require(request.Route is not { Length: > 200 }, "route", "authentication.route", "The route is at most 200 characters.")
            .Require(!request.ShareConsignee || agency.ShareConsigneeDetails, "shareConsignee", "authentication.consignee-not-allowed", "Your agency's settings do not allow sending a consignee's details to rights holders.")
            .Require(request.Message is not { Length: > 2000 } && request.ConsigneeDetails is not { Length: > 1000 }, "message", "authentication.text", "The message is at most 2000 characters.")
            .Require((photos?.Count ?? 0) <= MaxPhotos, "photos", "authentication.photos", $"At most {MaxPhotos} photos.")
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
        var detention = new AuthenticationRequest
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
        db.AuthenticationRequests.Add(detention);
        if (!string.IsNullOrWhiteSpace(request.Message))
        {
            db.AuthenticationMessages.Add(new AuthenticationMessage { RequestId = detention.Id, At = now, By = actor.Login, Agency = agency.Code, Text = request.Message.Trim() });
        }

        var deliveries = await NotifyAsync(
            detention.RightsHolderAgencyId, null, "authentication.requested", detention.Id,
            $"{agency.Code} detained {detention.Quantity} × {product.Brand} {product.Name} at {detention.Place}. " +
            $"Authenticate by {detention.DueOn:yyyy-MM-dd}.", ct);
        // The photos' files are written first; the request, its photos' rows and its audit entry then commit as one
        // change; the files stay only if that commit did.
        var staged = await pictures.StageAsync(actor, agencyId, $"authentication:{detention.Id}", accepted.Value, ct);
        var requested = AuditRecord.For(
            actor, AuditEvent.AuthenticationRequested, target: $"authentication:{detention.Id}",
            details: AuditDetails.With("product", product.Id).And("quantity", detention.Quantity)
                .And("photos", staged.Count).And("consigneeShared", request.ShareConsignee));
        await pictures.KeepIfCommittedAsync(staged, audited.CommitAsync(db, requested, ct));
        Committed(deliveries);
        return await ViewAsync(actor, detention.Id, ct);
    }

    /// <summary>Whether the actor's agency lets its officers send a consignee's details; the request form offers it only then.</summary>
    public Task<bool> MayShareConsigneeAsync(Actor actor, CancellationToken ct) =>
        db.Agencies.AsNoTracking().AnyAsync(a => a.Id == actor.AgencyId && a.ShareConsigneeDetails, ct);

    public async Task<Result<IReadOnlyList<AuthenticationView>>> ListAsync(Actor actor, CancellationToken ct)
    {
        if (actor.AgencyId is not { } agency || (!AccessRules.MayManageProducts(actor, agency) && !AccessRules.MayLookUpProducts(actor)))
        {
            return await audit.DenyAsync(actor, "authentications", ct);
        }

        var wholeAgency = AccessRules.MayFollowAgencyDetentions(actor);
        var ids = await db.AuthenticationRequests.AsNoTracking()
            .Where(r => r.RightsHolderAgencyId == agency || r.RequestingUserId == actor.UserId
                || (wholeAgency && r.RequestingAgencyId == agency))
            .OrderByDescending(r => r.CreatedAt).Take(200).Select(r => r.Id).ToListAsync(ct);
        var views = await ViewsAsync(actor, ids, ct);
        await audit.AppendAsync(AuditRecord.For(actor, AuditEvent.AuthenticationViewed, target: "authentications", purpose: "detention-management", details: AuditDetails.With("requests", views.Count)), ct);
        return views;
    }

    public async Task<Result<AuthenticationView>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var detention = await db.AuthenticationRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (detention is null)
        {
            return Error.NotFound("authentication.not-found", $"No authentication request has id {id}.");
        }

        if (!AccessRules.MayManageProducts(actor, detention.RightsHolderAgencyId) && !MayFollow(actor, detention))
        {
            return await audit.DenyAsync(actor, $"authentication:{id}", ct);
        }

        await audit.AppendAsync(AuditRecord.For(actor, AuditEvent.AuthenticationViewed, target: $"authentication:{id}", purpose: "detention-management"), ct);
        return await ViewAsync(actor, id, ct);
    }

    /// <summary>The officer who asked, and the coordinators of the agency that detained the goods.</summary>
    internal static bool MayFollow(Actor actor, AuthenticationRequest r) => AccessRules.MayFollowDetention(actor, r.RequestingAgencyId, r.RequestingUserId);

    /// <summary>
    /// The other side's inbox and its webhooks hear of the step, in the step's own change. Returns how many webhook
    /// deliveries it queued, for <see cref="Committed"/>.
    /// </summary>
    internal Task<int> NotifyAsync(
        Guid agencyId, Guid? userId, string kind, Guid requestId, string message, CancellationToken ct)
    {
        var now = time.UtcNow();
        var notification = new Notification
        {
            Id = Guid.CreateVersion7(), AgencyId = agencyId, UserId = userId, Kind = kind, CaseId = requestId,
            Message = message, CreatedAt = now,
        };
        var payload = JsonSerializer.Serialize(new { @event = kind, requestId, message, at = now }, Json);
        return outbox.QueueAsync(notification, payload, ct);
    }

    /// <summary>Commits a step with its audit entry, in one transaction.</summary>
    internal async Task SaveAsync(
        Actor actor, AuditEvent e, Guid id, AuditDetails? details, int deliveries, CancellationToken ct)
    {
        await audited.CommitAsync(db, AuditRecord.For(actor, e, target: $"authentication:{id}", details: details), ct);
        Committed(deliveries);
    }

    /// <summary>Once a step has committed: its deliveries leave, and the next read sees the rows as stored.</summary>
    internal void Committed(int deliveries)
    {
        db.ChangeTracker.Clear();
        outbox.Committed(deliveries);
    }

    internal async Task<AuthenticationView> ViewAsync(Actor actor, Guid id, CancellationToken ct) =>
        (await ViewsAsync(actor, [id], ct))[0];

    /// <summary>
    /// The requests as <paramref name="actor"/>'s side sees them, in the order of <paramref name="ids"/>: four
    /// queries, however many. Only the detaining agency sees which of its people asked, wrote and recorded
    /// (<see cref="AccessRules.MaySeeOfficers"/>); the rights holder sees the agency.
    /// </summary>
    private async Task<List<AuthenticationView>> ViewsAsync(Actor actor, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var rows = (await (
            from r in db.AuthenticationRequests.AsNoTracking()
            join p in db.ProductSheets on r.ProductId equals p.Id
            join holder in db.Agencies on r.RightsHolderAgencyId equals holder.Id
            join requesting in db.Agencies on r.RequestingAgencyId equals requesting.Id
            where ids.Contains(r.Id)
            select new { r, p.Brand, p.Name, Holder = holder.Code, Requesting = requesting.Code }).ToListAsync(ct)).ToDictionary(x => x.r.Id);
        var threads = (await db.AuthenticationMessages.AsNoTracking().Where(m => ids.Contains(m.RequestId)).OrderBy(m => m.Id).ToListAsync(ct))
            .ToLookup(m => m.RequestId, m => m);
        var photos = (await pictures.OfAsync([.. ids.Select(id => $"authentication:{id}")], ct)).ToLookup(p => p.Subject, StringComparer.Ordinal);
        var today = DateOnly.FromDateTime(time.UtcNow());
        return [.. ids.Select(id =>
        {
            var row = rows[id];
            var d = row.r;
            var officers = AccessRules.MaySeeOfficers(actor, d.RequestingAgencyId);
            string Person(string login, string agency) => officers || agency != row.Requesting ? login : agency;
            var thread = threads[id].Select(m => new MessageView(m.At, Person(m.By, m.Agency), m.Agency, m.Text));
            return new AuthenticationView(d.Id, d.ProductId, row.Brand, row.Name, row.Holder, row.Requesting,
                Person(d.RequestingLogin, row.Requesting), d.Quantity, d.Place, d.Route,
                d.ConsigneeDetails, d.CreatedAt, d.DueOn, d.Verdict is null && d.DueOn < today, d.Verdict is { } v ? Name(v) : null, d.VerdictReasons,
                d.RepliedAt, d.Outcome is { } o ? Name(o) : null, d.OutcomeQuantity, d.EstimatedValue, d.Currency,
                d.OutcomeBy is { } by ? Person(by, row.Requesting) : null, d.OutcomeAt, [.. thread],
                [.. photos[$"authentication:{id}"]]);
        })];
    }

    internal static string Name(Verdict verdict) => verdict switch
    {
        Verdict.Genuine => "genuine",
        Verdict.Counterfeit => "counterfeit",
        Verdict.CannotTell => "cannot-tell",
    };

    internal static string Name(DetentionOutcome outcome) => outcome switch
    {
        DetentionOutcome.Released => "released",
        DetentionOutcome.Seized => "seized",
        DetentionOutcome.Destroyed => "destroyed",
    };
}
