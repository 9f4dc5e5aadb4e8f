namespace Passerelle.Core.TravelDocuments;

public sealed record HolderView(string? Name, DateOnly? BirthDate);

/// <summary>
/// A record as its owner sees it; <see cref="Holder"/> is null for anyone who may not see the holder.
/// </summary>
public sealed record DocumentView(
    Guid Id,
    string DocumentNumber,
    string IssuingState,
    string DocumentType,
    string Status,
    DateOnly? IssuedOn,
    DateOnly? ExpiresOn,
    DateOnly ReportedOn,
    DateOnly? TheftOrLossOn,
    string? NationalReference,
    DateOnly ReviewOn,
    string? Remarks,
    string OwnerAgency,
    HolderView? Holder,
    int Version,
    DateTime UpdatedAt,
    DateTime? DeletedAt,
    string? DeletionReason)
{
    public static DocumentView Of(TravelDocument d, string ownerAgency, bool withHolder) => new(
        d.Id, d.Number, d.IssuingState, d.Type.Name(), d.Status.Name(), d.IssuedOn, d.ExpiresOn, d.ReportedOn,
        d.TheftOrLossOn, d.NationalReference, d.ReviewOn, d.Remarks, ownerAgency,
        withHolder && (d.HolderName is not null || d.HolderBirthDate is not null)
            ? new HolderView(d.HolderName, d.HolderBirthDate)
            : null,
        d.Version, d.UpdatedAt, d.DeletedAt, d.DeletionReason);
}
