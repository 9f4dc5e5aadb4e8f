namespace Passerelle.Core.Trust.Tokens;

public sealed class ApiToken
{
    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    public required string Name { get; init; }

    /// <summary>The first characters of the token, enough to recognise it in a list, never enough to use it.</summary>
    public required string Prefix { get; init; }

    /// <summary>SHA-256 of the whole token, in lower-case hex. The token itself is never stored.</summary>
    public required string Hash { get; init; }

    /// <summary>Space-separated scopes.</summary>
    public required string Scopes { get; init; }

    public DateTime CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public DateTime ExpiresAt { get; init; }

    public DateTime? LastUsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
