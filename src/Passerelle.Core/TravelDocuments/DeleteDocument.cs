using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.TravelDocuments;

/// <summary>
/// The owner withdraws a record. It leaves screening at once and stays as a tombstone with the reason.
/// </summary>
public sealed class DeleteDocument(PasserelleDb db, DocumentWriter writer, AuditWriter audit, TimeProvider time)
{
    /// <summary>
    /// Runs once the record is found and the withdrawal allowed, just before it takes the chain's turn: the tests
    /// change the record at that very moment, to show a withdrawal is made to the record as the turn finds it.
    /// </summary>
    internal Func<CancellationToken, Task>? BeforeTurn { get; set; }

    public async Task<Result<DocumentView>> HandleAsync(Actor actor, Guid id, string? reason, CancellationToken ct)
    {
        var document = await db.TravelDocuments.FirstOrDefaultAsync(d => d.Id == id && d.DeletedAt == null, ct);
        if (document is null)
        {
            return TravelDocumentErrors.NotFound.With($"No live record has id {id}.");
        }

        if (!AccessRules.MayManageDocument(actor, document.OwnerAgencyId))
        {
            return await audit.DenyAsync(
                actor, AuditTarget.Document(id), ct, "Only the agency that owns a record deletes it.");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500)
        {
            return TravelDocumentErrors.DeletionReason.With(
                "Say why the record is withdrawn (at most 500 characters).", "reason");
        }

        if (BeforeTurn is not null)
        {
            await BeforeTurn(ct);
        }

        // Withdrawn as it stands once this has the chain's turn: of two withdrawals sent together the second finds no
        // live record, and a change committed meanwhile stays in the tombstone, which takes the next version.
        await using var change = await writer.RereadAsync(document, ct);
        if (change is null)
        {
            return TravelDocumentErrors.NotFound.With($"No live record has id {id}.");
        }

        document.DeletedAt = time.UtcNow();
        document.DeletionReason = reason.Trim();
        document.Version++;
        document.UpdatedAt = document.DeletedAt.Value;
        await writer.SaveAsync(change, document, actor, AuditEvent.DocumentDeleted, "deleted",
            [("reason", document.DeletionReason ?? "")], ct);
        return DocumentView.Of(document, actor.AgencyCode!, withHolder: true);
    }
}
