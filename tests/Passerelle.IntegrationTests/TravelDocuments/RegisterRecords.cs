using Passerelle.Core.TravelDocuments;

namespace Passerelle.IntegrationTests.TravelDocuments;

/// <summary>Register records written straight into the database, for tests of what reads them back.</summary>
internal static class RegisterRecords
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Numbers that repeat every 1,499 records; a fifth of them have an O for each 0.</summary>
    public static string Number(int i)
    {
        var number = $"N{i % 1499:D6}";
        return i % 5 == 0 ? number.Replace('0', 'O') : number;
    }

    public static TravelDocument Record(
        Guid owner, string number, string state, DocumentType type, DocumentStatus status, DateOnly reviewOn,
        bool deleted = false, long sequence = 0) => new()
        {
            Id = Guid.CreateVersion7(),
            OwnerAgencyId = owner,
            Number = number,
            NormalizedNumber = number,
            FoldedNumber = DocumentNames.Fold(number),
            IssuingState = state,
            Type = type,
            Status = status,
            ReportedOn = Today.AddYears(-1),
            ReviewOn = reviewOn,
            Version = 1,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
            DeletedAt = deleted ? DateTime.UtcNow : null,
            DeletionReason = deleted ? "Entered in error" : null,
            ChangeSequence = sequence,
        };
}
