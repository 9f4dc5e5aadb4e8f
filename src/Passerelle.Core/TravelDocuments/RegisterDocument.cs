using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Standards;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.TravelDocuments;

public sealed record RegisterDocumentRequest(
    string? DocumentNumber,
    string? IssuingState,
    string? DocumentType,
    string? Status,
    DateOnly? IssuedOn = null,
    DateOnly? ExpiresOn = null,
    DateOnly? ReportedOn = null,
    DateOnly? TheftOrLossOn = null,
    string? NationalReference = null,
    DateOnly? ReviewOn = null,
    string? Remarks = null,
    string? HolderName = null,
    DateOnly? HolderBirthDate = null);

/// <summary>The owner agency reports a lost, stolen, revoked or invalid document; screening finds it at once.</summary>
public sealed class RegisterDocument(
    PasserelleDb db, DocumentWriter writer, AuditWriter audit, TimeProvider time, RegisterSettings settings)
{
    /// <summary>
    /// Runs once the registration is allowed and checked, just before it takes the chain's turn: the tests register
    /// the same document at that very moment, to show the look for a duplicate sees it.
    /// </summary>
    internal Func<CancellationToken, Task>? BeforeTurn { get; set; }

    public async Task<Result<DocumentView>> HandleAsync(
        Actor actor, RegisterDocumentRequest request, CancellationToken ct)
    {
        if (!AccessRules.MayRegisterDocuments(actor))
        {
            return await audit.DenyAsync(
                actor, "documents", ct, "Coordinators and investigators register their agency's documents.");
        }

        var today = DateOnly.FromDateTime(time.UtcNow());
        if (ValidateNew(request, today) is { } invalid)
        {
            return invalid;
        }

        var number = DocumentNames.Normalize(request.DocumentNumber!);
        var state = CountryCodes.Normalize(request.IssuingState!);
        DocumentNames.TryType(request.DocumentType, out var type);
        DocumentNames.TryStatus(request.Status, out var status);
        if (BeforeTurn is not null)
        {
            await BeforeTurn(ct);
        }

        // Looked for once this has the chain's turn, so of two registrations sent together the second finds the first
        // rather than meet the unique index. Only the actor's own agency's records are looked at: whether another
        // agency holds the document is none of this registration's business, and answering it would let anyone who
        // may register probe the register.
        await using var change = await writer.TakeTurnAsync(ct);
        var owner = actor.AgencyId!.Value;
        var existing = await db.TravelDocuments.AsNoTracking()
            .Where(d => d.OwnerAgencyId == owner && d.IssuingState == state && d.Type == type
                && d.NormalizedNumber == number && d.DeletedAt == null)
            .Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct);
        if (existing is { } id)
        {
            return TravelDocumentErrors.Duplicate.With($"Your agency already registered this document as record {id}.");
        }

        var document = NewRecord(owner, number, state, type, status, request, today, settings.ReviewYears,
            time.UtcNow(), actor.Login);
        db.TravelDocuments.Add(document);
        await writer.SaveAsync(change, document, actor, AuditEvent.DocumentRegistered, "created",
            [("number", number), ("issuingState", state), ("type", type.Name()), ("status", status.Name())], ct);
        return DocumentView.Of(document, actor.AgencyCode!, withHolder: true);
    }

    private static readonly string TypeMessage =
        $"documentType is one of {string.Join(", ", DocumentNames.TypeNames)}.";

    private static readonly string StatusMessage =
        $"status is one of {string.Join(", ", DocumentNames.ReportableStatusNames)}.";

    /// <summary>
    /// Every check on a new record, shared by registration and import; the messages cost nothing for a good one.
    /// </summary>
    internal static Error? ValidateNew(RegisterDocumentRequest r, DateOnly today)
    {
        var stateKnown = CountryCodes.IsKnown(r.IssuingState ?? "");
        var statusKnown = DocumentNames.TryStatus(r.Status, out var status) && status != DocumentStatus.Recovered;
        var holderless = r.HolderName is null && r.HolderBirthDate is null;
        return Validate(new Validation(), r, today)
            .Require(DocumentNames.IsValidNumber(DocumentNames.Normalize(r.DocumentNumber ?? "")), "documentNumber",
                TravelDocumentErrors.Number,
                "The document number is 1 to 20 letters and digits (spaces, hyphens and '<' are ignored).")
            .Require(stateKnown, "issuingState", TravelDocumentErrors.IssuingState,
                stateKnown ? "" : CountryCodes.Explain(r.IssuingState ?? ""))
            .Require(DocumentNames.TryType(r.DocumentType, out _), "documentType", TravelDocumentErrors.Type,
                TypeMessage)
            .Require(statusKnown, "status", TravelDocumentErrors.Status, StatusMessage)
            .Require(status != DocumentStatus.StolenBlank || holderless, "holderName",
                TravelDocumentErrors.HolderOnBlank, "A stolen blank was never issued: it has no holder.")
            .Require(r.ReportedOn is null || r.ReportedOn <= today, "reportedOn", TravelDocumentErrors.ReportedOn,
                "The report date cannot be in the future.")
            .ToError();
    }

    private const string Unstorable = "This text holds a NUL or half of a surrogate pair; send it as plain text.";

    /// <summary>The checks a registration and a change share.</summary>
    internal static Validation Validate(Validation validation, RegisterDocumentRequest request, DateOnly today) =>
        validation
            .Require(request.Remarks is null || request.Remarks.Length <= 500, "remarks", TravelDocumentErrors.Remarks,
                "Remarks are at most 500 characters, and hold no personal data.")
            .Require(request.NationalReference is null || request.NationalReference.Length <= 100,
                "nationalReference", TravelDocumentErrors.Reference,
                "The national reference is at most 100 characters.")
            .Require(request.HolderName is null || request.HolderName.Length <= 200, "holderName",
                TravelDocumentErrors.HolderName, "The holder's name is at most 200 characters.")
            .Require(StoredText.IsStorable(request.Remarks), "remarks", TravelDocumentErrors.Remarks, Unstorable)
            .Require(StoredText.IsStorable(request.NationalReference), "nationalReference",
                TravelDocumentErrors.Reference, Unstorable)
            .Require(StoredText.IsStorable(request.HolderName), "holderName", TravelDocumentErrors.HolderName,
                Unstorable)
            .Require(request.HolderBirthDate is null || request.HolderBirthDate <= today, "holderBirthDate",
                TravelDocumentErrors.HolderBirthDate, "A birth date cannot be in the future.")
            .Require(request.IssuedOn is null || request.ExpiresOn is null || request.IssuedOn <= request.ExpiresOn,
                "expiresOn", TravelDocumentErrors.Dates, "A document expires after it is issued.")
            .Require(request.TheftOrLossOn is null || request.TheftOrLossOn <= today, "theftOrLossOn",
                TravelDocumentErrors.TheftDate, "The theft or loss date cannot be in the future.");

    /// <summary>A new record with the request's details; registration and import both make records this way.</summary>
    internal static TravelDocument NewRecord(
        Guid owner,
        string number,
        string state,
        DocumentType type,
        DocumentStatus status,
        RegisterDocumentRequest request,
        DateOnly today,
        int reviewYears,
        DateTime now,
        string createdBy)
    {
        var document = new TravelDocument
        {
            Id = Guid.CreateVersion7(),
            OwnerAgencyId = owner,
            Number = number,
            NormalizedNumber = number,
            FoldedNumber = DocumentNames.Fold(number),
            IssuingState = state,
            Type = type,
            Version = 1,
            CreatedAt = now,
            CreatedBy = createdBy,
            UpdatedAt = now,
        };
        ApplyDetails(document, status, request, today, reviewYears);
        return document;
    }

    /// <summary>Everything but the record's identity, as a registration or an import row gives it.</summary>
    internal static void ApplyDetails(
        TravelDocument d, DocumentStatus status, RegisterDocumentRequest r, DateOnly today, int reviewYears)
    {
        var reported = r.ReportedOn ?? today;
        d.Status = status;
        d.IssuedOn = r.IssuedOn;
        d.ExpiresOn = r.ExpiresOn;
        d.ReportedOn = reported;
        d.TheftOrLossOn = r.TheftOrLossOn;
        d.NationalReference = Clean(r.NationalReference);
        d.ReviewOn = r.ReviewOn ?? reported.AddYears(reviewYears);
        d.Remarks = Clean(r.Remarks);
        d.HolderName = Clean(r.HolderName)?.ToUpperInvariant();
        d.HolderBirthDate = r.HolderBirthDate;
    }

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
