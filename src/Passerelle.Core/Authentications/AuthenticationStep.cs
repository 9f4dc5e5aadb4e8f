using System.Text.Json;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Notifications;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Authentications;

/// <summary>
/// What every step of a request does once it has decided: it tells the other side (inbox and webhooks, through the
/// <see cref="Outbox"/>), commits its rows with its audit entry, then lets the deliveries leave.
/// </summary>
public sealed class AuthenticationStep(PasserelleDb db, AuditedChange audited, Outbox outbox, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Queues the notice of the step in its own change. Returns how many webhook deliveries it queued, for
    /// <see cref="Committed"/>.
    /// </summary>
    internal Task<int> TellAsync(
        Guid agencyId, Guid? userId, string kind, Guid requestId, string message, CancellationToken ct)
    {
        var now = time.UtcNow();
        var notification = new Notification
        {
            Id = Guid.CreateVersion7(),
            AgencyId = agencyId,
            UserId = userId,
            Kind = kind,
            CaseId = requestId,
            Message = message,
            CreatedAt = now,
        };
        var payload = JsonSerializer.Serialize(new { @event = kind, requestId, message, at = now }, Json);
        return outbox.QueueAsync(notification, payload, ct);
    }

    /// <summary>The step's rows and audit entry commit in one transaction; then <see cref="Committed"/>.</summary>
    internal async Task CommitAsync(
        Actor actor, AuditEvent e, Guid id, AuditDetails? details, int deliveries, CancellationToken ct)
    {
        var entry = AuditRecord.For(actor, e, target: AuditTarget.Authentication(id), details: details);
        await audited.CommitAsync(db, entry, ct);
        Committed(deliveries);
    }

    /// <summary>Once a step has committed: its deliveries leave, and the next read sees the rows as stored.</summary>
    internal void Committed(int deliveries)
    {
        db.ChangeTracker.Clear();
        outbox.Committed(deliveries);
    }
}
