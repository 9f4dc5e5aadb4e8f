using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Access;
using Passerelle.Core.Audit;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Notifications;
using Passerelle.Core.TravelDocuments;

namespace Passerelle.Core.Hits;

public enum HitDecision
{
    /// <summary>The document is still wanted: seize it.</summary>
    Confirm,

    /// <summary>The record is stale, the document was found: the record becomes recovered and leaves screening.</summary>
    Clear,

    /// <summary>The screened document is not the recorded one.</summary>
    Mismatch,
}

/// <summary>The owner's coordinator decides a hit; the querying officer is told in their inbox.</summary>
public sealed class DecideHit(PasserelleDb db, AuditTrail trail, AuditWriter audit, ScreeningIndex index, TimeProvider time)
{
    public async Task<Result<HitView>> HandleAsync(Actor actor, Guid id, HitDecision decision, string? note, CancellationToken ct)
    {
        var hit = await db.HitCases.FirstOrDefaultAsync(h => h.Id == id, ct);
        if (hit is null)
        {
            return Error.NotFound("hit.not-found", $"No hit case has id {id}.");
        }

        if (!AccessRules.MayDecideHit(actor, hit.OwnerAgencyId))
        {
            return await audit.DenyAsync(actor, $"hit:{id}", ct, "The owner agency's coordinators decide its hits.");
        }

        if (hit.Status != HitStatus.Open)
        {
            return Error.Conflict("hit.decided", $"This case was already decided: {hit.Status.ToString().ToLowerInvariant()}.");
        }

        if (note is { Length: > 1000 })
        {
            return Error.Invalid("hit.note", "The note is at most 1000 characters.", "note");
        }

        var now = time.UtcNow();
        hit.Status = decision switch
        {
            HitDecision.Confirm => HitStatus.Confirmed,
            HitDecision.Clear => HitStatus.Cleared,
            HitDecision.Mismatch => HitStatus.Mismatch,
        };
        hit.DecidedAt = now;
        hit.DecidedBy = actor.Login;
        hit.DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        var kind = hit.Status.ToString().ToLowerInvariant();
        db.HitCaseEvents.Add(new HitCaseEvent { CaseId = id, At = now, Kind = kind, By = actor.Login, Note = hit.DecisionNote });
        var document = await db.TravelDocuments.FirstAsync(d => d.Id == hit.DocumentId, ct);
        var tell = decision switch
        {
            HitDecision.Confirm => $"CONFIRMED: record {document.Number} ({document.IssuingState}) is still wanted. Seize the document.",
            HitDecision.Clear => $"CLEARED: record {document.Number} ({document.IssuingState}) was stale; the document was found. Let it pass.",
            HitDecision.Mismatch => $"MISMATCH: the document screened is not record {document.Number} ({document.IssuingState}).",
        };
        db.Notifications.Add(new Notification
        {
            Id = Guid.CreateVersion7(),
            AgencyId = hit.QueryingAgencyId,
            UserId = hit.QueryingUserId,
            Kind = $"hit.{kind}",
            CaseId = id,
            Message = tell + (hit.DecisionNote is null ? "" : $" Note: {hit.DecisionNote}"),
            CreatedAt = now,
        });

        var records = new List<AuditRecord> { AuditRecord.For(actor, Event(decision), target: $"hit:{id}", details: AuditDetails.With("note", hit.DecisionNote)) };
        if (decision == HitDecision.Clear)
        {
            document.Status = DocumentStatus.Recovered;
            document.Version++;
            document.UpdatedAt = now;
            records.Add(AuditRecord.For(actor, AuditEvent.DocumentChanged, target: $"document:{document.Id}", details: AuditDetails.With("status", "→ recovered").And("clearedHit", id)));
            db.TravelDocumentRevisions.Add(new TravelDocumentRevision
            {
                DocumentId = document.Id,
                Version = document.Version,
                ChangedAt = now,
                ChangedBy = actor.Login,
                Kind = "recovered",
                Changes = $"status: → recovered (hit {id} cleared)",
            });
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var sequence = await trail.StageAsync(db, records, ct);
        if (decision == HitDecision.Clear)
        {
            document.ChangeSequence = sequence;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (decision == HitDecision.Clear)
        {
            DocumentWriter.Apply(index, document);
        }

        return await HitView.LoadAsync(db, id, ct);
    }

    private static AuditEvent Event(HitDecision decision) => decision switch
    {
        HitDecision.Confirm => AuditEvent.HitConfirmed,
        HitDecision.Clear => AuditEvent.HitCleared,
        HitDecision.Mismatch => AuditEvent.HitMismatch,
    };
}
