namespace Passerelle.Core.Notifications;

/// <summary>An agency's endpoint for events, signed with its own secret.</summary>
public sealed class Webhook
{
    public Guid Id { get; init; }

    public Guid AgencyId { get; init; }

    public required string Url { get; init; }

    /// <summary>
    /// The HMAC-SHA256 key, shown once at creation; kept because every delivery is signed with it, and so kept
    /// encrypted by <see cref="WebhookSecrets"/> (rows from before that hold it plain until re-protected).
    /// </summary>
    public required string Secret { get; init; }

    public DateTime CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public DateTime? DisabledAt { get; set; }
}
