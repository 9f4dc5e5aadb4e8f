namespace Passerelle.Core.Common;

/// <summary>
/// A stable error code and the kind every front end reads it as. Each capability lists its codes in one static
/// catalogue (for example <c>TravelDocumentErrors</c>), so codes are not scattered literals and the API contract can
/// name every code an operation may answer with.
/// </summary>
public sealed record ErrorCode(string Code, ErrorKind Kind)
{
    public static ErrorCode Invalid(string code) => new(code, ErrorKind.Invalid);

    public static ErrorCode NotFound(string code) => new(code, ErrorKind.NotFound);

    public static ErrorCode Conflict(string code) => new(code, ErrorKind.Conflict);

    public static ErrorCode Forbidden(string code) => new(code, ErrorKind.Forbidden);

    public static ErrorCode TooLarge(string code) => new(code, ErrorKind.TooLarge);

    public static ErrorCode Unsupported(string code) => new(code, ErrorKind.Unsupported);

    public static ErrorCode Busy(string code) => new(code, ErrorKind.Busy);

    /// <summary>
    /// The failure this code names, told with <paramref name="message"/>, at <paramref name="field"/> if there is one.
    /// </summary>
    public Error With(string message, string? field = null) => new(
        Code, message, Kind,
        field is null ? null : new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });

    public override string ToString() => Code;
}
