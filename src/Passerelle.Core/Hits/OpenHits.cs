using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Access;
using Passerelle.Core.Audit;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Notifications;
using Passerelle.Core.TravelDocuments;

namespace Passerelle.Core.Hits;

/// <summary>
/// A match to open a case for. Matches of one screened item share the same <see cref="Screening"/> instance, which is
/// written once with every case it opened.
/// </summary>
public sealed record HitToOpen(TravelDocument Document, MatchKind Kind, string QueriedNumber, string? QueriedState, AuditRecord Screening);

/// <summary>
/// Opens a case for every match and tells the owner agency at once: a notification in its coordinators' inbox and
/// a signed delivery queued for each of its webhooks, in the same transaction as the screening's audit entry.
/// </summary>
public sealed class OpenHits(PasserelleDb db, AuditTrail trail, TimeProvider time, WebhookSignal signal)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Returns the case ids, in the order of <paramref name="matches"/>.</summary>
    public async Task<IReadOnlyList<Guid>> OpenAsync(Actor actor, string purpose, string? location, IReadOnlyList<HitToOpen> matches, CancellationToken ct)
    {
        var now = time.UtcNow();
        var owners = matches.Select(m => m.Document.OwnerAgencyId).Distinct().ToList();
        var webhooks = await db.Webhooks.AsNoTracking().Where(w => owners.Contains(w.AgencyId) && w.DisabledAt == null).ToListAsync(ct);
        var ids = new List<Guid>();
        foreach (var match in matches)
        {
            var hit = new HitCase
            {
                Id = Guid.CreateVersion7(),
                DocumentId = match.Document.Id,
                OwnerAgencyId = match.Document.OwnerAgencyId,
                Match = match.Kind,
                QueriedNumber = match.QueriedNumber,
                QueriedState = match.QueriedState,
                QueryingAgencyId = actor.AgencyId!.Value,
                QueryingUserId = actor.UserId,
                QueryingLogin = actor.Login,
                Purpose = purpose,
                Location = location,
                OpenedAt = now,
                Status = HitStatus.Open,
            };
            ids.Add(hit.Id);
            db.HitCases.Add(hit);
            var kind = match.Kind == MatchKind.Hit ? "HIT" : "POSSIBLE match";
            var message = $"{kind} on your record {match.Document.Number} ({match.Document.IssuingState}, {match.Document.Type.Name()}, {match.Document.Status.Name()}): " +
                $"screened by {actor.AgencyCode}{(location is null ? "" : $" at {location}")} for {purpose}. Confirm, clear or mark a mismatch.";
            db.Notifications.Add(new Notification { Id = Guid.CreateVersion7(), AgencyId = hit.OwnerAgencyId, Kind = "hit.opened", CaseId = hit.Id, Message = message, CreatedAt = now });
            db.HitCaseEvents.Add(new HitCaseEvent { CaseId = hit.Id, At = now, Kind = "opened", By = actor.Login, Note = $"{match.Kind.ToString().ToLowerInvariant()} for {purpose}" });
            db.HitCaseEvents.Add(new HitCaseEvent { CaseId = hit.Id, At = now, Kind = "notified", By = "passerelle", Note = "owner agency's inbox" });
            var payload = JsonSerializer.Serialize(new
            {
                @event = "hit.opened",
                caseId = hit.Id,
                match = match.Kind == MatchKind.Hit ? "hit" : "possible",
                record = new { id = match.Document.Id, documentNumber = match.Document.Number, issuingState = match.Document.IssuingState, documentType = match.Document.Type.Name(), status = match.Document.Status.Name() },
                queryingAgency = actor.AgencyCode,
                purpose,
                location,
                openedAt = now,
            }, Json);
            foreach (var webhook in webhooks.Where(w => w.AgencyId == hit.OwnerAgencyId))
            {
                db.WebhookDeliveries.Add(new WebhookDelivery { Id = Guid.CreateVersion7(), WebhookId = webhook.Id, Event = "hit.opened", CaseId = hit.Id, Payload = payload, CreatedAt = now, NextAttemptAt = now });
            }
        }

        // By reference: two items of a manifest may be screened alike and still be two consultations.
        var screenings = matches.Select((m, i) => (m.Screening, Case: ids[i]))
            .GroupBy(s => s.Screening, (IEqualityComparer<AuditRecord>)ReferenceEqualityComparer.Instance)
            .Select(g => g.Key with { Details = (g.Key.Details ?? AuditDetails.Empty).And("case", g.Select(s => s.Case.ToString())) });
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await trail.AppendAsync(db, [.. screenings], ct);
        await transaction.CommitAsync(ct);
        if (webhooks.Count > 0)
        {
            signal.Wake();
        }

        return ids;
    }
}
