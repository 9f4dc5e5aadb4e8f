using Passerelle.Core.Common;

namespace Passerelle.Core.TravelDocuments;

/// <summary>
/// Every code a travel-document operation may fail with: the register's records, screening, manifests, imports
/// and exports.
/// </summary>
public static class TravelDocumentErrors
{
    public static readonly ErrorCode NotFound = ErrorCode.NotFound("document.not-found");

    /// <summary>The agency already registered this document.</summary>
    public static readonly ErrorCode Duplicate = ErrorCode.Conflict("document.duplicate");
    public static readonly ErrorCode Number = ErrorCode.Invalid("document.number");
    public static readonly ErrorCode IssuingState = ErrorCode.Invalid("document.issuing-state");
    public static readonly ErrorCode Type = ErrorCode.Invalid("document.type");
    public static readonly ErrorCode Status = ErrorCode.Invalid("document.status");

    /// <summary>A stolen blank was never issued, so it has no holder.</summary>
    public static readonly ErrorCode HolderOnBlank = ErrorCode.Invalid("document.holder-on-blank");
    public static readonly ErrorCode ReportedOn = ErrorCode.Invalid("document.reported-on");
    public static readonly ErrorCode Remarks = ErrorCode.Invalid("document.remarks");
    public static readonly ErrorCode Reference = ErrorCode.Invalid("document.reference");
    public static readonly ErrorCode HolderName = ErrorCode.Invalid("document.holder-name");
    public static readonly ErrorCode HolderBirthDate = ErrorCode.Invalid("document.holder-birth-date");

    /// <summary>The document expires before it is issued.</summary>
    public static readonly ErrorCode Dates = ErrorCode.Invalid("document.dates");
    public static readonly ErrorCode TheftDate = ErrorCode.Invalid("document.theft-date");
    public static readonly ErrorCode DeletionReason = ErrorCode.Invalid("document.deletion-reason");
    public static readonly ErrorCode Limit = ErrorCode.Invalid("document.limit");
    public static readonly ErrorCode Offset = ErrorCode.Invalid("document.offset");
    public static readonly ErrorCode ScreenNumber = ErrorCode.Invalid("screen.number");
    public static readonly ErrorCode ScreenIssuingState = ErrorCode.Invalid("screen.issuing-state");
    public static readonly ErrorCode ScreenType = ErrorCode.Invalid("screen.type");

    /// <summary>Why the officer screens is missing or too long; the law requires it.</summary>
    public static readonly ErrorCode ScreenPurpose = ErrorCode.Invalid("screen.purpose");
    public static readonly ErrorCode ScreenLocation = ErrorCode.Invalid("screen.location");
    public static readonly ErrorCode ScreenBatchSize = ErrorCode.Invalid("screen.batch-size");

    /// <summary>A manifest row that is not CSV.</summary>
    public static readonly ErrorCode ManifestCsv = ErrorCode.Invalid("manifest.csv");
    public static readonly ErrorCode ManifestHeader = ErrorCode.Invalid("manifest.header");

    /// <summary>No manifest file, or one too large.</summary>
    public static readonly ErrorCode ManifestFile = ErrorCode.Invalid("manifest.file");

    /// <summary>A manifest file whose content is not text, whatever its name says.</summary>
    public static readonly ErrorCode ManifestNotText = ErrorCode.Invalid("manifest.not-text");

    /// <summary>An import for an agency that is not a law-enforcement agency.</summary>
    public static readonly ErrorCode ImportAgency = ErrorCode.Invalid("import.agency");
    public static readonly ErrorCode ImportHeader = ErrorCode.Invalid("import.header");
    public static readonly ErrorCode ImportEmpty = ErrorCode.Invalid("import.empty");
    public static readonly ErrorCode ExportAgency = ErrorCode.Invalid("export.agency");

    /// <summary>Every code above, for the API contract.</summary>
    public static IReadOnlyList<ErrorCode> All { get; } =
    [
        NotFound, Duplicate, Number, IssuingState, Type, Status, HolderOnBlank, ReportedOn, Remarks, Reference,
        HolderName, HolderBirthDate, Dates, TheftDate, DeletionReason, Limit, Offset, ScreenNumber, ScreenIssuingState,
        ScreenType, ScreenPurpose, ScreenLocation, ScreenBatchSize, ManifestCsv, ManifestHeader, ManifestFile,
        ManifestNotText, ImportAgency, ImportHeader, ImportEmpty, ExportAgency,
    ];
}
