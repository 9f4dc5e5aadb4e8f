namespace Passerelle.Core.Standards;

/// <summary>The check digits an MRZ carries; a member is null where the format has no such check.</summary>
public sealed record MrzChecks(
    bool? DocumentNumber, bool? BirthDate, bool? ExpiryDate, bool? OptionalData, bool? Composite)
{
    public bool AllHold =>
        DocumentNumber != false && BirthDate != false && ExpiryDate != false && OptionalData != false
        && Composite != false;
}

/// <summary>One OCR confusion that, corrected, makes every check hold.</summary>
/// <param name="Line">1-based line of the MRZ.</param>
/// <param name="Position">1-based position in that line.</param>
/// <param name="Value">The field as it reads once corrected.</param>
public sealed record MrzCorrection(string Field, int Line, int Position, string Read, string Corrected, string Value);

/// <summary>
/// A machine-readable zone, parsed to ICAO Doc 9303. Failed checks are part of the result, not errors.
/// </summary>
/// <param name="Format"><c>TD1</c>, <c>TD2</c>, <c>TD3</c>, <c>MRV-A</c> or <c>MRV-B</c>.</param>
/// <param name="DocumentNumber">The whole number, a long number's continuation included, without fillers.</param>
/// <param name="Sex"><c>M</c>, <c>F</c>, <c>X</c> or <c>&lt;</c> (unspecified).</param>
/// <param name="OptionalData">
/// TD1's first optional data field, or the only one of the other formats, without fillers.
/// </param>
/// <param name="OptionalData2">TD1's second optional data field.</param>
public sealed record Mrz(
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
    MrzChecks Checks,
    IReadOnlyList<MrzCorrection> Corrections,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Lines)
{
    public bool Valid => Checks.AllHold;

    public bool IsVisa => Format.StartsWith("MRV", StringComparison.Ordinal);
}
