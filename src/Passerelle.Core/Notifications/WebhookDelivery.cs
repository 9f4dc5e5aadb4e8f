namespace Passerelle.Core.Notifications;

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
