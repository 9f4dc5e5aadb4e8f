using Microsoft.EntityFrameworkCore;
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
    /// <summary>
    /// Takes the chain's turn before a registration looks for the owner's record of the same document, so of two
    /// registrations sent together the second finds the first's record.
    /// </summary>
    public Task<OpenChange> TakeTurnAsync(CancellationToken ct) => audited.TakeTurnAsync(db, ct);

    /// <summary>
    /// Takes the chain's turn and reloads <paramref name="document"/> as it stands now, before a change decides what
    /// to write over: an import batch, a hit decision or another change that committed since it was read is seen, and
    /// the change makes the next version. Null, with nothing held, when the record is no longer live.
    /// </summary>
    public async Task<OpenChange?> RereadAsync(TravelDocument document, CancellationToken ct)
    {
        var change = await audited.RereadAsync(db, document, ct);
        // A purged record is gone from the database, and its entry detached by the reload.
        if (db.Entry(document).State != EntityState.Detached && document.DeletedAt is null)
        {
            return change;
        }

        await change.DisposeAsync();
        return null;
    }

    /// <summary>
    /// Saves a change read without the turn; for tests that write records directly. Every handler takes the turn
    /// before it reads (<see cref="RereadAsync"/>, <see cref="TakeTurnAsync"/>) and saves in that change.
    /// </summary>
    internal async Task SaveAsync(
        TravelDocument document,
        Actor actor,
        AuditEvent e,
        string kind,
        IReadOnlyList<(string Field, string Change)> changes,
        CancellationToken ct)
    {
        await using var change = await audited.BeginAsync(db, ct);
        await SaveAsync(change, document, actor, e, kind, changes, ct);
    }

    /// <summary>Saves the change in <paramref name="change"/>, which holds the turn the record was read in.</summary>
    /// <param name="changes">
    /// Each changed field and what became of it: one line of the revision, one audit detail.
    /// </param>
    public async Task SaveAsync(
        OpenChange change,
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
        document.ChangeSequence = await change.AppendAsync([entry], ct);
        await change.CommitAsync(ct);
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
