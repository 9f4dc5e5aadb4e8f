using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Data;

namespace Passerelle.Core.Notifications;

/// <summary>
/// How an agency hears of an event: a notification in its inbox and one signed delivery per active webhook, queued in
/// the change that causes the event, so they commit with it or not at all. The dispatcher sends the deliveries once
/// that change has committed and <see cref="Committed"/> has woken it.
/// </summary>
public sealed class Outbox(PasserelleDb db, WebhookSignal signal)
{
    /// <summary>The active webhooks of <paramref name="agencies"/>, read once for a batch of events.</summary>
    public async Task<IReadOnlyList<Webhook>> WebhooksOfAsync(IEnumerable<Guid> agencies, CancellationToken ct)
    {
        // An array, which both providers take as one parameter, whatever collection the caller holds.
        var ids = agencies.ToArray();
        return await db.Webhooks.AsNoTracking()
            .Where(w => ids.Contains(w.AgencyId) && w.DisabledAt == null).ToListAsync(ct);
    }

    /// <summary>
    /// Adds <paramref name="notification"/> and, for each of <paramref name="webhooks"/> that belongs to its agency,
    /// a delivery of <paramref name="payload"/> for the same event and case. Returns how many deliveries it queued.
    /// </summary>
    public int Queue(Notification notification, string payload, IReadOnlyList<Webhook> webhooks)
    {
        db.Notifications.Add(notification);
        var deliveries = 0;
        foreach (var webhook in webhooks.Where(w => w.AgencyId == notification.AgencyId))
        {
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                Id = Guid.CreateVersion7(),
                WebhookId = webhook.Id,
                Event = notification.Kind,
                CaseId = notification.CaseId,
                Payload = payload,
                CreatedAt = notification.CreatedAt,
                NextAttemptAt = notification.CreatedAt,
            });
            deliveries++;
        }

        return deliveries;
    }

    /// <summary>Queues one event, reading its agency's webhooks.</summary>
    public async Task<int> QueueAsync(Notification notification, string payload, CancellationToken ct) =>
        Queue(notification, payload, await WebhooksOfAsync([notification.AgencyId], ct));

    /// <summary>
    /// Once the change that queued <paramref name="deliveries"/> has committed: the dispatcher sends them now rather
    /// than at its next look. Woken earlier, it could look before the commit and find nothing.
    /// </summary>
    public void Committed(int deliveries)
    {
        if (deliveries > 0)
        {
            signal.Wake();
        }
    }
}
