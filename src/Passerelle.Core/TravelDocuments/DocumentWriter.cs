using Passerelle.Core.Access;
using Passerelle.Core.Audit;
using Passerelle.Core.Data;

namespace Passerelle.Core.TravelDocuments;

/// <summary>
/// Saves a change to a record with its audit entry, its revision and its change sequence in one transaction, then
/// updates this node's screening index at once. Other nodes follow through the change sequence.
/// </summary>
public sealed class DocumentWriter(PasserelleDb db, AuditTrail trail, ScreeningIndex index, TimeProvider time)
{
    public async Task SaveAsync(TravelDocument document, Actor actor, AuditEvent e, string kind, string changes, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var sequence = await trail.StageAsync(db, [AuditRecord.For(actor, e, target: $"document:{document.Id}", details: changes)], ct);
        document.ChangeSequence = sequence;
        db.TravelDocumentRevisions.Add(new TravelDocumentRevision
        {
            DocumentId = document.Id,
            Version = document.Version,
            ChangedAt = Common.Clock.UtcNow(time),
            ChangedBy = actor.Login,
            Kind = kind,
            Changes = changes,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        Apply(index, document);
    }

    public static void Apply(ScreeningIndex index, TravelDocument d) =>
        index.Upsert(d.NormalizedNumber, d.IssuingState, d.Type, d.OwnerAgencyId, d.ReviewOn,
            d.DeletedAt is null && d.Status != DocumentStatus.Recovered, d.ChangeSequence);
}
