namespace Passerelle.Core.TravelDocuments;

/// <summary>A lost, stolen, revoked or invalid travel document, owned by the agency that reported it.</summary>
public sealed class TravelDocument
{
    public Guid Id { get; init; }

    public Guid OwnerAgencyId { get; init; }

    /// <summary>As entered, upper case; the screening keys are derived from it.</summary>
    public required string Number { get; init; }

    /// <summary>Upper case without spaces, hyphens or '&lt;': the exact key.</summary>
    public required string NormalizedNumber { get; init; }

    /// <summary>The normalised number with OCR-confusable letters folded to digits: the near-match key.</summary>
    public required string FoldedNumber { get; init; }

    public required string IssuingState { get; init; }

    public DocumentType Type { get; init; }

    public DocumentStatus Status { get; set; }

    public DateOnly? IssuedOn { get; set; }

    public DateOnly? ExpiresOn { get; set; }

    public DateOnly ReportedOn { get; set; }

    public DateOnly? TheftOrLossOn { get; set; }

    /// <summary>The owner's own case or file reference.</summary>
    public string? NationalReference { get; set; }

    /// <summary>After this day the record leaves screening; it is purged after a grace period.</summary>
    public DateOnly ReviewOn { get; set; }

    /// <summary>Free text that must not hold personal data.</summary>
    public string? Remarks { get; set; }

    /// <summary>Only for issued documents, and shown only to law-enforcement agencies.</summary>
    public string? HolderName { get; set; }

    public DateOnly? HolderBirthDate { get; set; }

    public int Version { get; set; }

    public DateTime CreatedAt { get; init; }

    /// <summary>
    /// The login that made the record. An import writes no revision for the records it makes, so their history's
    /// first line is read from here and <see cref="CreatedAt"/>.
    /// </summary>
    public string? CreatedBy { get; init; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? DeletedAt { get; set; }

    public string? DeletionReason { get; set; }

    /// <summary>The audit sequence of the record's latest change: other nodes follow the register by it.</summary>
    public long ChangeSequence { get; set; }
}
