namespace Passerelle.Errors;

/// <summary>
/// A stable code and the HTTP status it is answered with. The host's own failures (a body it cannot read, a missing
/// token, a database that cannot be reached) have no Core kind, so each carries its status instead.
/// </summary>
internal sealed record HttpErrorCode(string Code, int Status)
{
    public override string ToString() => Code;
}
