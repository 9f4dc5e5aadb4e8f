namespace Passerelle.Core.Standards;

/// <summary>How an MRZ parse is shown to machines: the CLI's JSON and the API's screening answers.</summary>
public sealed record MrzView(
    string Format,
    string DocumentCode,
    string IssuingState,
    string DocumentNumber,
    string Nationality,
    DateOnly? BirthDate,
    DateOnly? ExpiryDate,
    string Sex,
    string PrimaryIdentifier,
    string SecondaryIdentifier,
    string OptionalData,
    string? OptionalData2,
    IReadOnlyDictionary<string, bool> Checks,
    bool Valid,
    IReadOnlyList<MrzCorrection> Corrections,
    IReadOnlyList<string> Warnings)
{
    public static MrzView Of(Mrz mrz)
    {
        var checks = new Dictionary<string, bool>(StringComparer.Ordinal);
        Add(checks, "documentNumber", mrz.Checks.DocumentNumber);
        Add(checks, "birthDate", mrz.Checks.BirthDate);
        Add(checks, "expiryDate", mrz.Checks.ExpiryDate);
        Add(checks, "optionalData", mrz.Checks.OptionalData);
        Add(checks, "composite", mrz.Checks.Composite);
        return new MrzView(
            mrz.Format, mrz.DocumentCode, mrz.IssuingState, mrz.DocumentNumber, mrz.Nationality, mrz.BirthDate,
            mrz.ExpiryDate, mrz.Sex, mrz.PrimaryIdentifier, mrz.SecondaryIdentifier, mrz.OptionalData,
            mrz.OptionalData2, checks, mrz.Valid, mrz.Corrections, mrz.Warnings);
    }

    private static void Add(Dictionary<string, bool> checks, string name, bool? value)
    {
        if (value is { } holds)
        {
            checks[name] = holds;
        }
    }
}
