using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Notifications;
using Passerelle.Core.TravelDocuments;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Hits;

/// <summary>What the owner decides; each has one word, used alike by the API, the pages and the timeline.</summary>
public enum HitDecision
{
    /// <summary>The document is still wanted: seize it.</summary>
    Confirm,

    /// <summary>
    /// The record is stale, the document was found: the record becomes recovered and leaves screening.
    /// </summary>
    Recover,

    /// <summary>The screened document is not the recorded one.</summary>
    Mismatch,
}

/// <summary>The owner's coordinator decides a hit; whoever screened it is told in their inbox.</summary>
public sealed class DecideHit(
    PasserelleDb db, AuditedChange audited, AuditWriter audit, ScreeningIndex index, TimeProvider time)
{
    /// <summary>
    /// Runs once the decision is allowed, just before it takes the chain's turn: the tests purge the case at that very
    /// moment, to show a decision is made on the case as the turn finds it, or on none.
    /// </summary>
    internal Func<CancellationToken, Task>? BeforeTurn { get; set; }

    public async Task<Result<HitView>> HandleAsync(
        Actor actor, Guid id, HitDecision decision, string? note, CancellationToken ct)
    {
        var hit = await db.HitCases.FirstOrDefaultAsync(h => h.Id == id, ct);
        if (hit is null)
        {
            return HitErrors.NotFound.With($"No hit case has id {id}.");
        }

        if (!AccessRules.MayDecideHit(actor, hit.OwnerAgencyId))
        {
            return await audit.DenyAsync(
                actor, AuditTarget.Hit(id), ct, "The owner agency's coordinators decide its hits.");
        }

        if (note is { Length: > 1000 })
        {
            return HitErrors.Note.With("The note is at most 1000 characters.", "note");
        }

        // Decided on the case as it stands once this decision has the chain's turn (SQLite's transaction takes the
        // write lock at once): a second coordinator deciding, or a screening joining, is seen, not overwritten.
        if (BeforeTurn is not null)
        {
            await BeforeTurn(ct);
        }

        await using var change = await audited.RereadAsync(db, hit, ct);
        // A purge that removed the case meanwhile leaves it detached by the reload, with its old status.
        if (db.Entry(hit).State == EntityState.Detached)
        {
            return HitErrors.NotFound.With($"No hit case has id {id}.");
        }

        if (hit.Status != HitStatus.Open)
        {
            return HitErrors.Decided.With($"This case was already decided: {hit.Status.Name()}.");
        }

        var now = time.UtcNow();
        hit.Status = decision switch
        {
            HitDecision.Confirm => HitStatus.Confirmed,
            HitDecision.Recover => HitStatus.Recovered,
            HitDecision.Mismatch => HitStatus.Mismatch,
        };
        hit.DecidedAt = now;
        hit.DecidedBy = actor.Login;
        hit.DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        var kind = hit.Status.Name();
        db.HitCaseEvents.Add(new HitCaseEvent
        {
            CaseId = id,
            At = now,
            Kind = kind,
            By = actor.Login,
            Note = hit.DecisionNote,
        });
        var document = await db.TravelDocuments.FirstAsync(d => d.Id == hit.DocumentId, ct);
        var record = $"record {document.Number} ({document.IssuingState})";
        var tell = decision switch
        {
            HitDecision.Confirm => $"CONFIRMED: {record} is still wanted. Seize the document.",
            HitDecision.Recover => $"RECOVERED: {record} was stale; the document was found. Let it pass.",
            HitDecision.Mismatch => $"MISMATCH: the document screened is not {record}.",
        };
        // The one who opened the case and the one who screened it last (who may have the traveller now) both hear.
        foreach (var user in new[] { hit.QueryingUserId, hit.LastScreenedByUserId }.Distinct())
        {
            db.Notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(),
                AgencyId = hit.QueryingAgencyId,
                UserId = user,
                Kind = $"hit.{kind}",
                CaseId = id,
                Message = tell + (hit.DecisionNote is null ? "" : $" Note: {hit.DecisionNote}"),
                CreatedAt = now,
            });
        }

        var records = new List<AuditRecord>
        {
            AuditRecord.For(actor, Event(decision), target: AuditTarget.Hit(id),
                details: AuditDetails.With("note", hit.DecisionNote)),
        };
        if (decision == HitDecision.Recover)
        {
            document.Status = DocumentStatus.Recovered;
            document.Version++;
            document.UpdatedAt = now;
            records.Add(AuditRecord.For(actor, AuditEvent.DocumentChanged, target: AuditTarget.Document(document.Id),
                details: AuditDetails.With("status", "→ recovered").And("recoveredHit", id)));
            db.TravelDocumentRevisions.Add(new TravelDocumentRevision
            {
                DocumentId = document.Id,
                Version = document.Version,
                ChangedAt = now,
                ChangedBy = actor.Login,
                Kind = "recovered",
                Changes = $"status: → recovered (hit {id} decided: recovered)",
            });
        }

        var sequence = await change.AppendAsync(records, ct);
        if (decision == HitDecision.Recover)
        {
            document.ChangeSequence = sequence;
        }

        await change.CommitAsync(ct);
        if (decision == HitDecision.Recover)
        {
            DocumentWriter.ApplyOwn(index, document);
        }

        return await HitView.LoadAsync(db, id, ct);
    }

    private static AuditEvent Event(HitDecision decision) => decision switch
    {
        HitDecision.Confirm => AuditEvent.HitConfirmed,
        HitDecision.Recover => AuditEvent.HitRecovered,
        HitDecision.Mismatch => AuditEvent.HitMismatch,
    };
}
