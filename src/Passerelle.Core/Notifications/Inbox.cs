using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Notifications;

public sealed record NotificationView(
    Guid Id, string Kind, Guid? CaseId, string Message, DateTime CreatedAt, DateTime? ReadAt);

/// <summary>
/// A person's inbox: what is addressed to them, and, for a coordinator, what is addressed to their agency's
/// coordinators. Nothing of another agency, ever.
/// </summary>
public sealed class Inbox(PasserelleDb db, TimeProvider time, AuditWriter audit)
{
    public async Task<Result<IReadOnlyList<NotificationView>>> ListAsync(
        Actor actor, bool unreadOnly, CancellationToken ct)
    {
        if (!AccessRules.MayReadInbox(actor) || actor.AgencyId is not { } agency || actor.UserId is not { } user)
        {
            return await AuditDenials.DenyAsync(audit, actor, "inbox", ct);
        }

        var shared = AccessRules.MayReadAgencyNotifications(actor);
        var mine = db.Notifications.AsNoTracking()
            .Where(n => n.AgencyId == agency && (n.UserId == user || (shared && n.UserId == null)));
        if (unreadOnly)
        {
            mine = mine.Where(n => n.ReadAt == null);
        }

        var notes = await mine.OrderByDescending(n => n.CreatedAt).Take(200)
            .Select(n => new NotificationView(n.Id, n.Kind, n.CaseId, n.Message, n.CreatedAt, n.ReadAt))
            .ToListAsync(ct);
        // Notifications carry document numbers and places: reading them is a consultation like any other.
        await audit.AppendAsync(AuditRecord.For(actor, AuditEvent.NotificationsRead, target: "inbox", purpose: "inbox",
            details: AuditDetails.With("notifications", notes.Count)), ct);
        return notes;
    }

    public async Task<Result<NotificationView>> MarkReadAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (!AccessRules.MayReadInbox(actor))
        {
            return await AuditDenials.DenyAsync(audit, actor, AuditTarget.Notification(id), ct);
        }

        var shared = AccessRules.MayReadAgencyNotifications(actor);
        var n = await db.Notifications.FirstOrDefaultAsync(
            n => n.Id == id && n.AgencyId == actor.AgencyId
                && (n.UserId == actor.UserId || (shared && n.UserId == null)),
            ct);
        if (n is null)
        {
            return NotificationErrors.NotFound.With($"No notification of yours has id {id}.");
        }

        n.ReadAt ??= Common.Clock.UtcNow(time);
        await db.SaveChangesAsync(ct);
        return new NotificationView(n.Id, n.Kind, n.CaseId, n.Message, n.CreatedAt, n.ReadAt);
    }
}
