using Passerelle.Core.Common;

namespace Passerelle.Core.Alerts;

/// <summary>Every code an alert operation may fail with.</summary>
public static class AlertErrors
{
    public static readonly ErrorCode NotFound = ErrorCode.NotFound("alert.not-found");

    public static readonly ErrorCode Title = ErrorCode.Invalid("alert.title");

    /// <summary>A transport mode that is not one of <see cref="Alert.TransportModes"/>.</summary>
    public static readonly ErrorCode Mode = ErrorCode.Invalid("alert.mode");

    public static readonly ErrorCode Confidence = ErrorCode.Invalid("alert.confidence");

    /// <summary>A container number that fails ISO 6346.</summary>
    public static readonly ErrorCode Container = ErrorCode.Invalid("alert.container");

    /// <summary>A product that is not one of the rights holder's own sheets.</summary>
    public static readonly ErrorCode Products = ErrorCode.Invalid("alert.products");

    /// <summary>Neither an agency nor a country to send the alert to.</summary>
    public static readonly ErrorCode Targets = ErrorCode.Invalid("alert.targets");

    public static readonly ErrorCode Country = ErrorCode.Invalid("alert.country");

    public static readonly ErrorCode Expiry = ErrorCode.Invalid("alert.expiry");

    public static readonly ErrorCode Period = ErrorCode.Invalid("alert.period");

    /// <summary>A date the alert form could not read, before the alert is saved.</summary>
    public static readonly ErrorCode Date = ErrorCode.Invalid("alert.date");

    /// <summary>Every code above, for the API contract.</summary>
    public static IReadOnlyList<ErrorCode> All { get; } =
        [NotFound, Title, Mode, Confidence, Container, Products, Targets, Country, Expiry, Period, Date];
}
