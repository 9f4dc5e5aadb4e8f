using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.TravelDocuments;

/// <summary>
/// A change by the owner. Absent fields stay as they are; an empty string clears a text. The number, issuing state
/// and type are the record's identity and never change: a wrong one is deleted and registered again.
/// </summary>
public sealed record ChangeDocumentRequest(
    string? Status = null,
    DateOnly? IssuedOn = null,
    DateOnly? ExpiresOn = null,
    DateOnly? TheftOrLossOn = null,
    string? NationalReference = null,
    DateOnly? ReviewOn = null,
    string? Remarks = null,
    string? HolderName = null,
    DateOnly? HolderBirthDate = null);

public sealed class ChangeDocument(PasserelleDb db, DocumentWriter writer, AuditWriter audit, TimeProvider time)
{
    /// <summary>
    /// Runs once the record is found and the change allowed, just before it takes the chain's turn: the tests change
    /// the record at that very moment, to show a change is made to the record as the turn finds it.
    /// </summary>
    internal Func<CancellationToken, Task>? BeforeTurn { get; set; }

    public async Task<Result<DocumentView>> HandleAsync(
        Actor actor, Guid id, ChangeDocumentRequest request, CancellationToken ct)
    {
        var document = await db.TravelDocuments.FirstOrDefaultAsync(d => d.Id == id && d.DeletedAt == null, ct);
        if (document is null)
        {
            return TravelDocumentErrors.NotFound.With($"No live record has id {id}.");
        }

        if (!AccessRules.MayManageDocument(actor, document.OwnerAgencyId))
        {
            return await audit.DenyAsync(
                actor, AuditTarget.Document(id), ct, "Only the agency that owns a record changes it.");
        }

        // Bad input is refused on the record as first read, without waiting for the turn; the check runs again on the
        // record as the turn finds it, whose dates may have moved meanwhile.
        var today = DateOnly.FromDateTime(time.UtcNow());
        if (Check(document, request, today, out _) is { } refused)
        {
            return refused;
        }

        if (BeforeTurn is not null)
        {
            await BeforeTurn(ct);
        }

        // Allowed or denied on the record as first read, since its owner never changes, and before the turn, which
        // the audit writer needs to record a denial. Changed on the record as it stands once this has the turn: what an
        // import batch, a hit decision or another change committed meanwhile is kept, and this makes the next version.
        await using var change = await writer.RereadAsync(document, ct);
        if (change is null)
        {
            return TravelDocumentErrors.NotFound.With($"No live record has id {id}.");
        }

        if (Check(document, request, today, out var status) is { } invalid)
        {
            return invalid;
        }

        var changes = new List<(string Field, string Change)>();
        Track(changes, "status", document.Status.Name(), status.Name(), v => document.Status = status);
        Track(changes, "issuedOn", document.IssuedOn, request.IssuedOn, v => document.IssuedOn = v);
        Track(changes, "expiresOn", document.ExpiresOn, request.ExpiresOn, v => document.ExpiresOn = v);
        Track(changes, "theftOrLossOn", document.TheftOrLossOn, request.TheftOrLossOn,
            v => document.TheftOrLossOn = v);
        Track(changes, "reviewOn", document.ReviewOn, request.ReviewOn ?? document.ReviewOn,
            v => document.ReviewOn = v);
        TrackText(changes, "nationalReference", document.NationalReference, request.NationalReference,
            v => document.NationalReference = v);
        TrackText(changes, "remarks", document.Remarks, request.Remarks, v => document.Remarks = v);
        TrackText(changes, "holderName", document.HolderName, request.HolderName?.ToUpperInvariant(),
            v => document.HolderName = v, personal: true);
        Track(changes, "holderBirthDate", document.HolderBirthDate, request.HolderBirthDate,
            v => document.HolderBirthDate = v, personal: true);
        if (changes.Count == 0)
        {
            return DocumentView.Of(document, actor.AgencyCode!, withHolder: true);
        }

        document.Version++;
        document.UpdatedAt = time.UtcNow();
        var kind = document.Status == DocumentStatus.Recovered ? "recovered" : "changed";
        await writer.SaveAsync(change, document, actor, AuditEvent.DocumentChanged, kind, changes, ct);
        return DocumentView.Of(document, actor.AgencyCode!, withHolder: true);
    }

    /// <summary>The request against the record's dates; the status it asks for, or the record's own.</summary>
    private static Error? Check(
        TravelDocument document, ChangeDocumentRequest request, DateOnly today, out DocumentStatus status)
    {
        status = document.Status;
        var asChanged = new RegisterDocumentRequest(
            null, null, null, null, request.IssuedOn ?? document.IssuedOn, request.ExpiresOn ?? document.ExpiresOn,
            null, request.TheftOrLossOn, request.NationalReference, null, request.Remarks, request.HolderName,
            request.HolderBirthDate);
        return RegisterDocument.Validate(new Validation(), asChanged, today)
            .Require(request.Status is null || DocumentNames.TryStatus(request.Status, out status), "status",
                TravelDocumentErrors.Status,
                "status is one of stolen, lost, revoked, invalid, stolen-blank or recovered.")
            .ToError();
    }

    private static void Track<T>(
        List<(string Field, string Change)> changes, string field, T old, T? value, Action<T> set,
        bool personal = false)
    {
        if (value is not null && !EqualityComparer<T>.Default.Equals(old, value))
        {
            changes.Add((field, personal ? "(personal data changed)" : $"{old} → {value}"));
            set(value);
        }
    }

    private static void TrackText(
        List<(string Field, string Change)> changes, string field, string? old, string? value, Action<string?> set,
        bool personal = false)
    {
        if (value is null)
        {
            return;
        }

        var cleaned = RegisterDocument.Clean(value);
        if (!string.Equals(old, cleaned, StringComparison.Ordinal))
        {
            changes.Add((field, personal ? "(personal data changed)" : $"{old} → {cleaned}"));
            set(cleaned);
        }
    }
}
