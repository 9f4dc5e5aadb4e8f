using System.Text.Json;
using Passerelle.Core.Data;
using Passerelle.Core.Notifications;
using Passerelle.Core.TravelDocuments;
using Passerelle.Core.Trust.Access;

namespace Passerelle.Core.Hits;

/// <summary>
/// What the owner agency hears of a case, once, when it opens: a notification in its coordinators' inbox and a
/// signed delivery queued for each of its webhooks. Repeat screenings that join the case add nothing here.
/// </summary>
internal static class OwnerNotice
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The owner's one notification and one delivery per webhook, for a case just opened. Returns how many deliveries
    /// it queued.
    /// </summary>
    public static int Stage(
        PasserelleDb db, Outbox outbox, HitCase hit, HitToOpen match, Actor actor, string purpose, string? location,
        DateTime now, IReadOnlyList<Webhook> webhooks)
    {
        var document = match.Document;
        var kind = match.Kind == MatchKind.Hit ? "HIT" : "POSSIBLE match";
        var message = $"{kind} on your record {document.Number} ({document.IssuingState}, {document.Type.Name()}, " +
            $"{document.Status.Name()}): screened by {actor.AgencyCode}{(location is null ? "" : $" at {location}")} " +
            $"for {purpose}. Confirm, mark recovered or mark a mismatch; later screenings by {actor.AgencyCode} " +
            "join this case.";
        var notification = new Notification
        {
            Id = Guid.CreateVersion7(),
            AgencyId = hit.OwnerAgencyId,
            Kind = "hit.opened",
            CaseId = hit.Id,
            Message = message,
            CreatedAt = now,
        };
        db.HitCaseEvents.Add(new HitCaseEvent
        {
            CaseId = hit.Id,
            At = now,
            Kind = "notified",
            By = "passerelle",
            Note = "owner agency's inbox",
        });
        var payload = JsonSerializer.Serialize(new
        {
            @event = "hit.opened",
            caseId = hit.Id,
            match = match.Kind.Name(),
            record = new
            {
                id = document.Id,
                documentNumber = document.Number,
                issuingState = document.IssuingState,
                documentType = document.Type.Name(),
                status = document.Status.Name(),
            },
            queryingAgency = actor.AgencyCode,
            purpose,
            location,
            openedAt = now,
        }, Json);
        return outbox.Queue(notification, payload, webhooks);
    }
}
