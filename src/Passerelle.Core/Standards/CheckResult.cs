namespace Passerelle.Core.Standards;

/// <summary>The verdict on an identifier: valid or not, its normal form, and why not.</summary>
public sealed record CheckResult(bool Valid, string? Normalized, string? Reason)
{
    public static CheckResult Ok(string normalized) => new(true, normalized, null);

    public static CheckResult No(string reason, string? normalized = null) => new(false, normalized, reason);
}
