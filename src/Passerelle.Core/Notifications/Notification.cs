namespace Passerelle.Core.Notifications;

/// <summary>
/// A message in an agency's in-app inbox. Addressed to the agency's coordinators, or to one person; the inbox shows
/// each to whom it is addressed and no one else.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; init; }

    public Guid AgencyId { get; init; }

    /// <summary>Null when the agency's coordinators are the audience.</summary>
    public Guid? UserId { get; init; }

    public required string Kind { get; init; }

    public Guid? CaseId { get; init; }

    /// <summary>The column's length; a longer message (a decision with a long note) is cut with an ellipsis.</summary>
    public const int MaxMessage = 1000;

    public required string Message
    {
        get;
        init => field = value.Length <= MaxMessage ? value : string.Concat(value.AsSpan(0, MaxMessage - 1), "…");
    }

    public DateTime CreatedAt { get; init; }

    public DateTime? ReadAt { get; set; }
}

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

/// <summary>One event on its way to one webhook, retried with back-off until delivered or given up.</summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; init; }

    public Guid WebhookId { get; init; }

    public required string Event { get; init; }

    public Guid? CaseId { get; init; }

    public required string Payload { get; init; }

    public DateTime CreatedAt { get; init; }

    public int Attempts { get; set; }

    public DateTime NextAttemptAt { get; set; }

    public DateTime? DeliveredAt { get; set; }

    public DateTime? GaveUpAt { get; set; }

    public int? LastStatus { get; set; }

    public string? LastError { get; set; }
}
