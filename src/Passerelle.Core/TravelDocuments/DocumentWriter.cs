using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.TravelDocuments;

/// <summary>
/// Saves a change to a record with its audit entry, its revision and its change sequence in one transaction, then
/// updates this node's screening index at once. Other nodes follow through the change sequence.
/// </summary>
public sealed class DocumentWriter(PasserelleDb db, AuditedChange audited, ScreeningIndex index, TimeProvider time)
{
    /// <param name="changes">
    /// Each changed field and what became of it: one line of the revision, one audit detail.
    /// </param>
    public async Task SaveAsync(
        TravelDocument document,
        Actor actor,
        AuditEvent e,
        string kind,
        IReadOnlyList<(string Field, string Change)> changes,
        CancellationToken ct)
    {
        var details = changes.Aggregate(AuditDetails.Empty, (d, c) => d.And(c.Field, c.Change));
        db.TravelDocumentRevisions.Add(new TravelDocumentRevision
        {
            DocumentId = document.Id,
            Version = document.Version,
            ChangedAt = Common.Clock.UtcNow(time),
            ChangedBy = actor.Login,
            Kind = kind,
            Changes = string.Join('\n', changes.Select(c => $"{c.Field}: {c.Change}")),
        });
        var entry = AuditRecord.For(actor, e, target: AuditTarget.Document(document.Id), details: details);
        await audited.CommitAsync(db, entry, ct,
            stamp: sequence => document.ChangeSequence = sequence);
        ApplyOwn(index, document);
    }

    /// <summary>A change read by the follower, which moves the index's place in the register to it.</summary>
    public static void Apply(ScreeningIndex index, TravelDocument d) =>
        index.Upsert(d.NormalizedNumber, d.IssuingState, d.Type, d.OwnerAgencyId, d.ReviewOn,
            Screenable.IsLive(d), d.ChangeSequence);

    /// <summary>
    /// A change this node has just committed, screened at once; the follower still reads it, and every change
    /// before it.
    /// </summary>
    public static void ApplyOwn(ScreeningIndex index, TravelDocument d) =>
        index.UpsertOwn(d.NormalizedNumber, d.IssuingState, d.Type, d.OwnerAgencyId, d.ReviewOn, Screenable.IsLive(d));
}
