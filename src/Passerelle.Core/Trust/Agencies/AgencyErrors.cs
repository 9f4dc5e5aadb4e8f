using Passerelle.Core.Common;

namespace Passerelle.Core.Trust.Agencies;

/// <summary>Every code an agency operation may fail with.</summary>
public static class AgencyErrors
{
    public static readonly ErrorCode Code = ErrorCode.Invalid("agency.code");
    public static readonly ErrorCode Name = ErrorCode.Invalid("agency.name");
    public static readonly ErrorCode Kind = ErrorCode.Invalid("agency.kind");
    public static readonly ErrorCode Country = ErrorCode.Invalid("agency.country");
    public static readonly ErrorCode Duplicate = ErrorCode.Conflict("agency.duplicate");
    public static readonly ErrorCode NotFound = ErrorCode.NotFound("agency.not-found");

    /// <summary>Only a rights holder is verified.</summary>
    public static readonly ErrorCode NotRightsHolder = ErrorCode.Invalid("agency.not-rights-holder");

    /// <summary>How the rights holder was verified is missing or too long.</summary>
    public static readonly ErrorCode Evidence = ErrorCode.Invalid("agency.evidence");

    /// <summary>Every code above, for the API contract.</summary>
    public static IReadOnlyList<ErrorCode> All { get; } =
        [Code, Name, Kind, Country, Duplicate, NotFound, NotRightsHolder, Evidence];
}
